head -c 9223372036854775807k /dev/zero | wc -c
