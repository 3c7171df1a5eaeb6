kubectl apply -f pods-1000-on-node1.yaml > /dev/null
sleep 20
kubectl drain k8s-node1 --ignore-daemonsets --force > /dev/null
kubectl get pods --no-headers | wc -l
