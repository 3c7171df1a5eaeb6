# Reference solution of lesson 04: `kubelab lesson check 04` runs it, and `kubelab lesson 04 < solution.sh`
# shows it as a learner would see it. `sleep N` stands where a learner waits; the lines after
# `kubectl exec -it ... -- bash` and `mysql` go to those programs until `exit`.
# step: apply
kubectl apply -f mysql-sts.yml
# step: running
kubectl get svc,sts,po
sleep 30
kubectl get svc,sts,po
# step: create-db
kubectl exec -it mysql-0 -- bash
mysql -uroot -pqwerty
create database hello;
show databases;
# step: delete
exit
exit
kubectl delete -f mysql-sts.yml
kubectl get svc,sts,po
# step: claim-stays
kubectl get pvc,pv
# step: reapply
kubectl apply -f mysql-sts.yml
sleep 30
kubectl get svc,sts,po
kubectl get pvc
# step: data-kept
kubectl exec -it mysql-0 -- bash
mysql -uroot -pqwerty
show databases;
# step: why-question
exit
exit
answer b
# step: where
kubectl get po mysql-0 -o wide
# step: cordon
kubectl cordon k8s-node2
kubectl get nodes
# step: cordon-question
kubectl get po mysql-0 -o wide
answer b
# step: evict
kubectl drain k8s-node2 --ignore-daemonsets
sleep 20
kubectl get po mysql-0 -o wide
# step: uncordon
kubectl uncordon k8s-node2
sleep 15
kubectl get po mysql-0 -o wide
# step: node-down
kubectl get po mysql-0 -o wide
vagrant halt k8s-node1
sleep 360
kubectl get no
kubectl get po -o wide
# step: delete-node
kubectl delete node k8s-node1
sleep 480
kubectl get po -o wide
# step: node-back
vagrant up k8s-node1
kubectl get no
# step: rbac
kubectl apply -f k8s-rbac
# step: can-i
kubectl auth can-i list nodes --as=system:serviceaccount:tkr-system:high-availability
kubectl auth can-i delete nodes --as=system:serviceaccount:tkr-system:high-availability
kubectl auth can-i get nodes --as=system:serviceaccount:tkr-system:high-availability
kubectl auth can-i list pods -n tkr-system --as=system:serviceaccount:tkr-system:high-availability
answer b
# step: liberator
kubectl apply -f daemonset.yml
sleep 20
kubectl get po -n tkr-system -o wide
# step: takeover
kubectl get po mysql-0 -o wide
vagrant halt k8s-node2
sleep 120
kubectl get po -n tkr-system -o wide
kubectl logs -n tkr-system liberator-zgmfp
# step: moved
sleep 480
kubectl get po mysql-0 -o wide
kubectl exec mysql-0 -- mysql -uroot -pqwerty -e 'show databases'
# step: dns
kubectl run -i --tty --image ubuntu dns-test --restart=Never --rm /bin/sh
apt-get update && apt-get install dnsutils
nslookup mysql-0.mysql
# step: endpoint
exit
kubectl get ep mysql
