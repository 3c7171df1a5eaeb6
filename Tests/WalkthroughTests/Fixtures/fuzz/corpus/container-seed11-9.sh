kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c awk\ \'BEGIN\{s=\"hello\"\;\ print\ substr\(s\,\ 2\)\ substr\(s\,\ 65535\,\ 2\)\ length\(s\)\,\ 2\^2\,\ 2\ %\ 65535\}\'
kubectl exec d -- bash -c awk\ \'BEGIN\{s=\"hello\"\;\ print\ substr\(s\,\ 2\)\ substr\(s\,\ 65535\,\ 2\)\ length\(s\)\,\ 2\^2\,\ 2\ %\ 65535\}\'
kubectl exec b -- sh -c cut\ -c\ 1-\ /etc/hosts\ \|\ head\ -n\ 1\;\ cut\ -f\ 1e19\ /etc/hosts\ \|\ head\ -n\ 1
kubectl exec d -- bash -c cut\ -c\ 1-\ /etc/hosts\ \|\ head\ -n\ 1\;\ cut\ -f\ 1e19\ /etc/hosts\ \|\ head\ -n\ 1
