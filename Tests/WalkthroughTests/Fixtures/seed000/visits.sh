# The visit counter keeps its count on the claim; seed 003's watch loop ends in scripts.
kubectl apply -f visit-cnt-stfs.yaml
sleep 40
kubectl run c --image=busybox:1.28 --restart=Never -- sleep 3600
sleep 10
kubectl exec c -- wget -qO- visit-cnt-stfs-0.visit-cnt-stfs-svc:8080
kubectl exec c -- wget -qO- visit-cnt-stfs-0.visit-cnt-stfs-svc:8080
kubectl delete pod visit-cnt-stfs-0
sleep 30
kubectl exec c -- wget -qO- visit-cnt-stfs-0.visit-cnt-stfs-svc:8080
while true; do date; kubectl get po -o wide | head -2; sleep 15; done
echo after
