# The baseline of ds-rolling-100.sh: the DaemonSet over --nodes 100 created and running, no update.
kubectl apply -f ds-roll-v1.yaml
sleep 30
kubectl get ds roller --no-headers
