kubectl create configmap * --from-literal=k=65535
kubectl get pods --chunk-size=-inf --request-timeout=abc
kubectl delete pod x --grace-period=65536 --wait=false
kubectl get ns -o jsonpath='{.items[0:9223372036854775807:18446744073709551616].metadata.name}'
