# A DaemonSet over --nodes 100 rolling its image (maxUnavailable 1: one node at a time) to the end.
kubectl apply -f ds-roll-v1.yaml
sleep 30
kubectl get ds roller --no-headers
kubectl apply -f ds-roll-v2.yaml
sleep 1200
kubectl get ds roller --no-headers
kubectl get pods -l app=roller -o jsonpath='{range .items[*]}{.spec.containers[0].image}{"\n"}{end}' | grep -c nginx:1.26
