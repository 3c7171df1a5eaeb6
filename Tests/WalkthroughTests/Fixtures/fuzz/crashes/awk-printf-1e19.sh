awk 'BEGIN{printf "%d %x %o %c|\n", 1e19, 1e19, 1e19, 1e19}'
