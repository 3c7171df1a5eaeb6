# On --nodes 5 (a node runs at most 110 pods). A rolling update of a 500-replica StatefulSet to completion (highest ordinal first, one pod at a
# time); the time of the update alone is this script's minus rolling-500-create.sh's.
kubectl apply -f sts-500.yaml
sleep 1500
kubectl get sts big
kubectl apply -f sts-500-v2.yaml
sleep 2500
kubectl get sts big -o jsonpath='{.status.updatedReplicas} {.status.readyReplicas} {.status.currentRevision} {.status.updateRevision}'
kubectl get pod big-0 -o jsonpath='{.spec.containers[0].image}'
