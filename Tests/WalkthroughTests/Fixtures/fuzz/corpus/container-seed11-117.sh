kubectl run b --image=busybox --restart=Never -- sleep 36000
kubectl run d --image=debian --restart=Never -- sleep 36000
sleep 15
kubectl exec b -- sh -c expr\ 1e308\ +\ 0\;\ expr\ 1e308\ /\ 0\;\ expr\ 1e308\ \\\*\ 0\;\ expr\ substr\ abcdef\ 1e308\ 0
kubectl exec d -- bash -c expr\ 1e308\ +\ 0\;\ expr\ 1e308\ /\ 0\;\ expr\ 1e308\ \\\*\ 0\;\ expr\ substr\ abcdef\ 1e308\ 0
kubectl exec b -- sh -c echo\ \{a..z..9223372036854775807\}
kubectl exec d -- bash -c echo\ \{a..z..9223372036854775807\}
