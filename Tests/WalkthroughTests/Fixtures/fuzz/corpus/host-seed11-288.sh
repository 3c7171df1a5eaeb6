echo {1..1e19..1} | wc -w
sleep 1; echo slept
for i in $(seq 18446744073709551616); do :; done; echo done
