echo 'a b' | awk '{NF=1e19; print}'
