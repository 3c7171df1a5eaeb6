kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c echo\ \{1..65536..4294967296\}\ \|\ wc\ -w
kubectl exec d -- bash -c echo\ \{1..65536..4294967296\}\ \|\ wc\ -w
kubectl exec b -- sh -c exit\ -0
kubectl exec d -- bash -c exit\ -0
