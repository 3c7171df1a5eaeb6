kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c awk\ \'BEGIN\{s=\"hello\"\;\ print\ substr\(s\,\ 2147483647\)\ substr\(s\,\ -9223372036854775809\,\ 2147483647\)\ length\(s\)\,\ 2\^2147483647\,\ 2147483647\ %\ -9223372036854775809\}\'
kubectl exec d -- bash -c awk\ \'BEGIN\{s=\"hello\"\;\ print\ substr\(s\,\ 2147483647\)\ substr\(s\,\ -9223372036854775809\,\ 2147483647\)\ length\(s\)\,\ 2\^2147483647\,\ 2147483647\ %\ -9223372036854775809\}\'
kubectl exec b -- sh -c sleep\ 4294967296\;\ echo\ slept
kubectl exec d -- bash -c sleep\ 4294967296\;\ echo\ slept
