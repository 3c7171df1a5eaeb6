# 100 StatefulSets x 100 replicas, each pod with its own claim (openebs-hostpath, WaitForFirstConsumer),
# on --nodes 100: wait for Ready, then count the bound claims and list every pod.
kubectl apply -f sts-claims-100x100.yaml
sleep 120
kubectl get sts -A --no-headers | grep -c 100/100
kubectl get pvc -A --no-headers | grep -c Bound
kubectl get pods -A
