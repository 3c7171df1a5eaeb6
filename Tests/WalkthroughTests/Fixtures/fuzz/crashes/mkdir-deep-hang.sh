mkdir -p $(printf 'a/%.0s' $(seq 5000))
