# 100 StatefulSets x 100 replicas on --nodes 100: wait for Ready, then list every pod.
kubectl apply -f sts-100x100.yaml
sleep 120
kubectl get sts -A --no-headers | grep -c 100/100
kubectl get pods -A
