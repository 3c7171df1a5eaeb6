kubectl create deployment web --image nginx --replicas 5000
sleep 60
for i in 1 2 3 4 5 6 7 8 9 10; do vagrant halt k8s-node$i; done
sleep 420
kubectl get pods --no-headers | grep -c Running
kubectl get pods --no-headers | grep -c Terminating
