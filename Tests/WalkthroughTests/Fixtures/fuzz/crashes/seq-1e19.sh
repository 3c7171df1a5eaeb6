seq 1e19 | head -n 2; seq -w 1e19 1e19
