mkdir -p $(printf 'd/%.0s' $(seq 9223372036854775807)); echo $?
tail -n 9223372036854775808 /etc/hosts; head -n 0x7fffffffffffffff /etc/hosts
x=abcdef; echo ${x:255:255} ${x: -255} ${#x}
