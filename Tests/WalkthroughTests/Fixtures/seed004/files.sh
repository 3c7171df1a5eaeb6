# Seed 004: files written on the NFS export are seen by the pods, before and after re-apply.
kubectl apply -f statefulset.yaml
sleep 40
ls -1 /var/share/nfs
for d in /var/share/nfs/*-0-*; do touch $d/sample001.txt; done
for d in /var/share/nfs/*-1-*; do touch $d/sample002.txt; done
kubectl exec -it sample-statefuleset-0 -- ls /var/data
kubectl exec -it sample-statefuleset-1 -- ls /var/data
kubectl delete -f statefulset.yaml
kubectl apply -f statefulset.yaml
sleep 40
ls -1 /var/share/nfs
kubectl exec -it sample-statefuleset-0 -- ls /var/data
kubectl exec -it sample-statefuleset-1 -- ls /var/data
