kubectl expose pod p0 --port=1 --target-port=2147483648
kubectl logs x --tail=65535 --since=30s --limit-bytes=-1
kubectl get pods -l 'a in (256)' --sort-by='.metadata.name'
kubectl expose pod p0 --port=1e19 --target-port=007
