kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c echo\ \{a..z..-0\}
kubectl exec d -- bash -c echo\ \{a..z..-0\}
kubectl exec b -- sh -c yes\ \>\ /dev/null
kubectl exec d -- bash -c yes\ \>\ /dev/null
