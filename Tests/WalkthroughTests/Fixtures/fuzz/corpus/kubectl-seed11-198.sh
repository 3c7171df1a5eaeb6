kubectl get pods -l 'a in (256)' --sort-by='.metadata.name'
kubectl get ns -o jsonpath='{.items[9223372036854775808:18446744073709551616:inf].metadata.name}'
kubectl create configmap  --from-literal=k=007
kubectl create deployment d1 --image=nginx --replicas=inf
