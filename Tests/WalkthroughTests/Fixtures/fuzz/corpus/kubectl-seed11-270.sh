kubectl run p2 --image=busybox --port=9223372036854775807 --pod-running-timeout=9223372036854775807s -- sleep nan
kubectl explain pod.spec.*
kubectl get ns -o custom-columns='N:.metadata.name[1e19],M:.items[007]'
kubectl delete pod x --timeout=0s
