kubectl get  -nan
kubectl get ns -o jsonpath='{.items[007:0.5:nan].metadata.name}'
kubectl create deployment d1 --image=nginx --replicas=0
kubectl logs x --tail=-9223372036854775809 --since=1e19s --limit-bytes=-inf
