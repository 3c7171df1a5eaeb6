x=a; for i in $(seq 40); do x=$x$x; done; echo ${#x}
