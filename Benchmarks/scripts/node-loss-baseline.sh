# The node-loss benchmark without the loss: the same 5,000 pods on 100 nodes, listed the same way
# after the same virtual time, so node-loss-100x5000.sh minus this is the loss itself (heartbeats
# stopping, NotReady, taints, 500 evictions after 300 s, 500 pods re-created elsewhere).
kubectl create deployment web --image nginx --replicas 5000
sleep 60
sleep 420
kubectl get pods --no-headers | grep -c Running
kubectl get pods --no-headers | grep -c Terminating
