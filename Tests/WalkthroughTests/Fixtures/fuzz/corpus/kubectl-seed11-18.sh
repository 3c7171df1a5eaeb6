kubectl get ns -o jsonpath='{.items[65535:inf:0.5].metadata.name}'
kubectl logs x --tail=1e19 --since=100000h --limit-bytes=1
kubectl get ns -o jsonpath='{.items[-1:4294967296:nan].metadata.name}'
kubectl get ns -o jsonpath='{.items[-inf:9223372036854775808:9223372036854775807].metadata.name}'
