# Seed 003: data written in mysql-0 survives deleting and re-applying the StatefulSet.
kubectl apply -f mysql-sts.yml
sleep 40
kubectl exec -it mysql-0 -- bash
mysql -u root -pqwerty
create database hello;
show databases;
exit
exit
kubectl delete -f mysql-sts.yml
kubectl apply -f mysql-sts.yml
sleep 40
kubectl exec -it mysql-0 -- bash
mysql -u root -pqwerty
show databases;
exit
exit
kubectl exec mysql-0 -- mysql -u root -pwrong -e 'show databases'
