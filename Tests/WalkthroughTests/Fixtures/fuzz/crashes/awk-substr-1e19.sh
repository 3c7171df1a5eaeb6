awk 'BEGIN{s="hello"; print substr(s, 1e19) substr(s, 2, 1e19) substr(s, -1e19, 1e19)}'
