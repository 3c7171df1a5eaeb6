kubectl delete pod x --grace-period=1e-300 --wait=false
kubectl create configmap ? --from-literal=k=9223372036854775808
kubectl get ~ ~-65536
kubectl get ns -o custom-columns='N:.metadata.name[0.5],M:.items[0]'
