kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c yes\ \>\ /dev/null
kubectl exec d -- bash -c yes\ \>\ /dev/null
kubectl exec b -- sh -c seq\ -9223372036854775809\ \|\ tail\ -n\ 2
kubectl exec d -- bash -c seq\ -9223372036854775809\ \|\ tail\ -n\ 2
