kubectl create configmap web-0 --from-literal=k=nan
kubectl logs x --tail=1e19 --since=abc --limit-bytes=-9223372036854775809
kubectl explain pod.spec.--
kubectl create job j0 --image=busybox -- sh -c 'seq 7 | tail -n 1'
