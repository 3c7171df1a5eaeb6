# Seed 003: the MySQL StatefulSet is deleted and re-applied; its claim and volume stay.
kubectl apply -f mysql-sts.yml
sleep 30
kubectl get svc,sts,po
kubectl delete -f mysql-sts.yml
kubectl get svc,sts,po
kubectl get pvc,pv
kubectl apply -f mysql-sts.yml
sleep 30
kubectl get pvc,pv
kubectl get po mysql-0 -o wide
