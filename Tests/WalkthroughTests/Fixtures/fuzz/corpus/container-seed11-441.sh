kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c expr\ 1e19\ +\ 0\;\ expr\ 1e19\ /\ 0\;\ expr\ 1e19\ \\\*\ 0\;\ expr\ substr\ abcdef\ 1e19\ 0
kubectl exec d -- bash -c expr\ 1e19\ +\ 0\;\ expr\ 1e19\ /\ 0\;\ expr\ 1e19\ \\\*\ 0\;\ expr\ substr\ abcdef\ 1e19\ 0
kubectl exec b -- sh -c expr\ 18446744073709551616\ +\ inf\;\ expr\ 18446744073709551616\ /\ inf\;\ expr\ 18446744073709551616\ \\\*\ inf\;\ expr\ substr\ abcdef\ 18446744073709551616\ inf
kubectl exec d -- bash -c expr\ 18446744073709551616\ +\ inf\;\ expr\ 18446744073709551616\ /\ inf\;\ expr\ 18446744073709551616\ \\\*\ inf\;\ expr\ substr\ abcdef\ 18446744073709551616\ inf
