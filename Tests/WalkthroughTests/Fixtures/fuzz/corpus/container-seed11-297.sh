kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c test\ 2147483647\ -gt\ 4294967296\;\ echo\ \$\?\;\ \[\ 2147483647\ -eq\ 2147483647\ \]\;\ echo\ \$\?
kubectl exec d -- bash -c test\ 2147483647\ -gt\ 4294967296\;\ echo\ \$\?\;\ \[\ 2147483647\ -eq\ 2147483647\ \]\;\ echo\ \$\?
kubectl exec b -- sh -c printf\ \'%\*d\|%.-1e19s\|%d\\n\'\ 0\ 1\ abc\ -1e19
kubectl exec d -- bash -c printf\ \'%\*d\|%.-1e19s\|%d\\n\'\ 0\ 1\ abc\ -1e19
