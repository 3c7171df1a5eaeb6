# Reference solution of lesson 01: `kubelab lesson check 01` runs it, and `kubelab lesson 01 < solution.sh`
# shows it as a learner would see it. `sleep N` stands where a learner waits.
# step: explain
kubectl explain statefulset.spec.podManagementPolicy
# step: apply
kubectl apply -f visit-cnt-stfs.yaml
# step: ordered
kubectl get pods -w -l app=visit-cnt-stfs
# step: wide
kubectl get sts,po,svc -o wide | grep visit
# step: visit
kubectl run c --image=busybox:1.28 --restart=Never -- sleep 3600
sleep 10
kubectl exec c -- wget -qO- visit-cnt-stfs-0.visit-cnt-stfs-svc:8080
# step: delete-pod
kubectl delete pod visit-cnt-stfs-0
kubectl get pods -w -l app=visit-cnt-stfs
# step: count-kept
kubectl exec c -- wget -qO- visit-cnt-stfs-0.visit-cnt-stfs-svc:8080
# step: scale-up
kubectl scale sts visit-cnt-stfs --replicas 4
kubectl get pods -w -l app=visit-cnt-stfs
# step: scale-down
kubectl scale sts visit-cnt-stfs --replicas 2
kubectl get pods -w -l app=visit-cnt-stfs
# step: order-question
answer c
# step: volumes-stay
kubectl get sts,po,svc,pv -o wide | grep visit
# step: claims-question
answer b
