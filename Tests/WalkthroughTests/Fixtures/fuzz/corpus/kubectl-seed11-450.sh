kubectl delete pod x --grace-period=007 --wait=false
kubectl get ns -o jsonpath='{.items[4294967296:1e19:-9223372036854775808].metadata.name}'
kubectl scale sts web --replicas=-9223372036854775808 --timeout=100000h
kubectl get pods -l 'a in (9223372036854775808)' --sort-by='.metadata.name'
