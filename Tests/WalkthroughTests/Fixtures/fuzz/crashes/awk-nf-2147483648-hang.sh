echo 'a b' | awk '{NF=2147483648; print}'
