kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c echo\ \'a\ b\ c\'\ \|\ awk\ \'\{print\ \$\(-9223372036854775809\)\;\ NF=1e19\;\ print\ NF\}\'
kubectl exec d -- bash -c echo\ \'a\ b\ c\'\ \|\ awk\ \'\{print\ \$\(-9223372036854775809\)\;\ NF=1e19\;\ print\ NF\}\'
kubectl exec b -- sh -c tail\ -n\ 2147483648\ /etc/hosts\;\ head\ -n\ 65536\ /etc/hosts
kubectl exec d -- bash -c tail\ -n\ 2147483648\ /etc/hosts\;\ head\ -n\ 65536\ /etc/hosts
