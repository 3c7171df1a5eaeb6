echo {1..-1..1e19} | wc -w
head -c 99999999999999999999 /dev/zero | wc -c
echo {1..-1..0} | wc -w
