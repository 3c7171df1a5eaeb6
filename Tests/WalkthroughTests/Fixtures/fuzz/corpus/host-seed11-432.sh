x=a; for i in $(seq 30); do x=$x$x; done; echo ${#x}
echo {a..z..1e19}
cat <<EOF | wc -l
line 18446744073709551616
line 7
line 65535
line 18446744073709551616
line 0.5
line -1
line 2
line 18446744073709551616
line 0x7fffffffffffffff
line 0x7fffffffffffffff
line 256
line 4294967296
EOF
