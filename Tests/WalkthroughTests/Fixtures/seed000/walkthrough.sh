# Seed 000: headless Service + StatefulSet with a volumeClaimTemplate; scale 2 -> 4 -> 2.
kubectl explain statefulset.spec.podManagementPolicy
kubectl apply -f visit-cnt-stfs.yaml
sleep 1
kubectl get pods
sleep 45
kubectl get sts,po,svc -o wide | grep visit
kubectl scale sts visit-cnt-stfs --replicas 4
sleep 110
kubectl get sts,po,svc,pv -o wide | grep visit
kubectl scale sts visit-cnt-stfs --replicas 2
sleep 220
kubectl get sts,po,svc,pv -o wide | grep visit
kubectl get pvc
