yes > /dev/null
