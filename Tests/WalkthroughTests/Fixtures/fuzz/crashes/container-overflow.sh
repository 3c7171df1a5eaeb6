kubectl run b --image=busybox --restart=Never -- sh -c 'echo $((9223372036854775807+1)); seq 1e19 | head -n 1; awk "BEGIN{printf \"%d\", 1e19}"; sleep 3600'
sleep 20
kubectl logs b
kubectl exec b -- sh -c 'expr 9223372036854775807 + 1; x=abc; echo ${x:1:9223372036854775807}'
