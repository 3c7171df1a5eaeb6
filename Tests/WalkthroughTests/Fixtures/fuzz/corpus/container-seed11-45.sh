kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c cat\ \<\<EOF\ \|\ wc\ -l
kubectl exec d -- bash -c cat\ \<\<EOF\ \|\ wc\ -l
kubectl exec b -- sh -c printf\ \'%s\\n\'\ \{a\,b\}\ \|\ sort\ -k\ 7\ \|\ uniq\ -c
kubectl exec d -- bash -c printf\ \'%s\\n\'\ \{a\,b\}\ \|\ sort\ -k\ 7\ \|\ uniq\ -c
