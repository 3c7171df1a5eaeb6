kubectl get pods --chunk-size=-1e19 --request-timeout=1.5s
kubectl get pods -o jsonpath='{.items[007]}'
kubectl get pods --chunk-size=2 --request-timeout=2562048h
kubectl explain pod.spec.{1..3}
