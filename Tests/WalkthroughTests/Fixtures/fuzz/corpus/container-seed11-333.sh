kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c cut\ -c\ -9223372036854775809-\ /etc/hosts\ \|\ head\ -n\ 1\;\ cut\ -f\ 1e308\ /etc/hosts\ \|\ head\ -n\ 1
kubectl exec d -- bash -c cut\ -c\ -9223372036854775809-\ /etc/hosts\ \|\ head\ -n\ 1\;\ cut\ -f\ 1e308\ /etc/hosts\ \|\ head\ -n\ 1
kubectl exec b -- sh -c grep\ -m\ 1e-300\ -A\ -inf\ localhost\ /etc/hosts
kubectl exec d -- bash -c grep\ -m\ 1e-300\ -A\ -inf\ localhost\ /etc/hosts
