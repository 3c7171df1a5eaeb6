exit 65535
cat <<EOF | wc -l
line 9223372036854775808
line 1
line 18446744073709551616
line 1e-300
line 255
line 9223372036854775807
line 0.5
line inf
line 0x7fffffffffffffff
line 18446744073709551616
EOF
sleep 1; echo slept
