kubectl delete pod x --timeout=9223372036854775807s
kubectl delete pod x --timeout=9223372036854775807h
