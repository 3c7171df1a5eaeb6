# On --nodes 5. The baseline of rolling-500.sh: a 500-replica StatefulSet created pod by pod until all are Ready.
kubectl apply -f sts-500.yaml
sleep 1500
kubectl get sts big
