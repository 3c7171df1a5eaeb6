x=abcdef; echo ${x:0.5:-1} ${x: -0.5} ${#x}
tail -n 2147483648 /etc/hosts; head -n 2147483648 /etc/hosts
mkdir -p $(printf 'd/%.0s' $(seq 4294967296)); echo $?
