# Seed 004: apps/v1beta1 is gone; with apps/v1 the set's claims survive delete and re-apply.
kubectl apply -f statefulset-v1beta1.yaml
kubectl apply -f statefulset.yaml
sleep 40
kubectl get pod
kubectl get statefulset
kubectl get pvc
kubectl get pv
kubectl delete -f statefulset.yaml
kubectl apply -f statefulset.yaml
sleep 40
kubectl get pvc
kubectl get pv
