kubectl get ns -o jsonpath='{.items[18446744073709551616:-9223372036854775808:007].metadata.name}'
kubectl create deployment d2 --image=nginx --replicas=nan
kubectl explain pod.spec.--
kubectl create configmap {1..3} --from-literal=k=2147483647
