kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c head\ -c\ -1\ /dev/zero\ \|\ wc\ -c
kubectl exec d -- bash -c head\ -c\ -1\ /dev/zero\ \|\ wc\ -c
kubectl exec b -- sh -c seq\ 65535\ \|\ tail\ -n\ 2
kubectl exec d -- bash -c seq\ 65535\ \|\ tail\ -n\ 2
