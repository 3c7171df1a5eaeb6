sleep -2147483649; echo slept
for i in $(seq 18446744073709551616); do :; done; echo done
echo {1..-9223372036854775809..007} | wc -w
