kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c test\ 256\ -gt\ -inf\;\ echo\ \$\?\;\ \[\ 256\ -eq\ 256\ \]\;\ echo\ \$\?
kubectl exec d -- bash -c test\ 256\ -gt\ -inf\;\ echo\ \$\?\;\ \[\ 256\ -eq\ 256\ \]\;\ echo\ \$\?
kubectl exec b -- sh -c x=4294967296\;\ \(\(x++\)\)\;\ \(\(x\*=2147483648\)\)\;\ echo\ \$x\ \$\(\(x\ /\ 2147483648\)\)\ \$\(\(x\ %\ 2147483648\)\)\ \$\(\(x\ \*\*\ 3\)\)\ \$\(\(1\ \<\<\ 2147483648\)\)
kubectl exec d -- bash -c x=4294967296\;\ \(\(x++\)\)\;\ \(\(x\*=2147483648\)\)\;\ echo\ \$x\ \$\(\(x\ /\ 2147483648\)\)\ \$\(\(x\ %\ 2147483648\)\)\ \$\(\(x\ \*\*\ 3\)\)\ \$\(\(1\ \<\<\ 2147483648\)\)
