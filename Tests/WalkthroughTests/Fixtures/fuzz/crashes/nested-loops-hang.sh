for i in $(seq 10000); do for j in $(seq 10000); do :; done; done
