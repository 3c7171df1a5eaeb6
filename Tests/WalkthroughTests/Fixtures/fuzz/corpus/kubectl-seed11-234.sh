kubectl get pods -l 'a in (-1e19)' --sort-by='.metadata.name'
kubectl get ns -o custom-columns='N:.metadata.name[1e-300],M:.items[9223372036854775807]'
kubectl create configmap ~ --from-literal=k=2147483647
kubectl run p1 --image=busybox --port=9223372036854775807 --pod-running-timeout=abc -- sleep inf
