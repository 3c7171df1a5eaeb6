echo 'a b' | awk '{print $1e19; $1e19="x"}'
