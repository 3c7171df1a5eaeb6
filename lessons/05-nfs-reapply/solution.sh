# Reference solution of lesson 05: `kubelab lesson check 05` runs it, and `kubelab lesson 05 < solution.sh`
# shows it as a learner would see it. Like the tutorial, every kubectl command is typed with sudo;
# `sleep N` stands where a learner waits.
# step: old-api
sudo kubectl apply -f statefulset-v1beta1.yaml
# step: served
sudo kubectl api-resources --api-group=apps
# step: selector-question
cat statefulset-v1beta1.yaml
cat statefulset.yaml
answer a
# step: apply
sudo kubectl apply -f statefulset.yaml
sleep 40
sudo kubectl get pod
sudo kubectl get statefulset
# step: claims
sudo kubectl get pvc
sudo kubectl get pv
# step: export
ls -1 /var/share/nfs
# step: touch
for d in /var/share/nfs/*-0-*; do touch $d/sample001.txt; done
for d in /var/share/nfs/*-1-*; do touch $d/sample002.txt; done
# step: in-pods
sudo kubectl exec -it sample-statefuleset-0 ls /var/data
sudo kubectl exec -it sample-statefuleset-0 -- ls /var/data
sudo kubectl exec -it sample-statefuleset-1 -- ls /var/data
# step: delete
sudo kubectl delete -f statefulset.yaml
# step: reapply
sudo kubectl apply -f statefulset.yaml
sleep 40
sudo kubectl get pod
sudo kubectl get pvc
# step: same-folders
ls -1 /var/share/nfs
# step: files-kept
sudo kubectl exec -it sample-statefuleset-0 -- ls /var/data
sudo kubectl exec -it sample-statefuleset-1 -- ls /var/data
# step: rebind-question
answer b
# step: rolling-update
grep -n image: statefulset*.yaml
sudo kubectl apply -f statefulset-v2.yaml
sudo kubectl get pod -w
# step: update-order-question
answer b
# step: partition
sudo kubectl apply -f statefulset-partition.yaml
sleep 30
sudo kubectl get pod -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
# step: on-delete
sudo kubectl apply -f statefulset-ondelete.yaml
sleep 10
sudo kubectl get pod -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
sudo kubectl delete pod sample-statefuleset-1
sleep 30
sudo kubectl get pod -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
# step: kubelet-stop
sudo kubectl get pod -o wide
vagrant ssh k8s-node1 -c 'sudo systemctl stop kubelet'
sleep 60
sudo kubectl get nodes
# step: not-twice
sleep 300
sudo kubectl get pod -o wide
answer b
# step: kubelet-start
vagrant ssh k8s-node1 -c 'sudo systemctl start kubelet'
sleep 30
sudo kubectl get nodes
sudo kubectl get pod -o wide
