kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c x=abcdef\;\ echo\ \$\{x:256:18446744073709551616\}\ \$\{x:\ -256\}\ \$\{#x\}
kubectl exec d -- bash -c x=abcdef\;\ echo\ \$\{x:256:18446744073709551616\}\ \$\{x:\ -256\}\ \$\{#x\}
kubectl exec b -- sh -c awk\ \'BEGIN\{s=\"hello\"\;\ print\ substr\(s\,\ 65535\)\ substr\(s\,\ 2147483647\,\ 65535\)\ length\(s\)\,\ 2\^65535\,\ 65535\ %\ 2147483647\}\'
kubectl exec d -- bash -c awk\ \'BEGIN\{s=\"hello\"\;\ print\ substr\(s\,\ 65535\)\ substr\(s\,\ 2147483647\,\ 65535\)\ length\(s\)\,\ 2\^65535\,\ 65535\ %\ 2147483647\}\'
