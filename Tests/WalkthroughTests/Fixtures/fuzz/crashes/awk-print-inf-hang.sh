awk 'BEGIN{print 2^1e19, -(2^1e19), 1e308*10}'
