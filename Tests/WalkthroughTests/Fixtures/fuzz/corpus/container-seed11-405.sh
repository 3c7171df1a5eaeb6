kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c seq\ 007\ -1\ \|\ head\ -n\ 3
kubectl exec d -- bash -c seq\ 007\ -1\ \|\ head\ -n\ 3
kubectl exec b -- sh -c exit\ 0x7fffffffffffffff
kubectl exec d -- bash -c exit\ 0x7fffffffffffffff
