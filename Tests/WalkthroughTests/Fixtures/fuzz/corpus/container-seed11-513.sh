kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c echo\ \{1..-2147483649..4294967296\}\ \|\ wc\ -w
kubectl exec d -- bash -c echo\ \{1..-2147483649..4294967296\}\ \|\ wc\ -w
kubectl exec b -- sh -c test\ 99999999999999999999\ -gt\ 99999999999999999999\;\ echo\ \$\?\;\ \[\ 99999999999999999999\ -eq\ 99999999999999999999\ \]\;\ echo\ \$\?
kubectl exec d -- bash -c test\ 99999999999999999999\ -gt\ 99999999999999999999\;\ echo\ \$\?\;\ \[\ 99999999999999999999\ -eq\ 99999999999999999999\ \]\;\ echo\ \$\?
