kubectl create job j0 --image=busybox -- sh -c 'seq 2147483647 | tail -n 1'
kubectl get -- ---18446744073709551616
kubectl get ns -o custom-columns='N:.metadata.name[2147483648],M:.items[255]'
kubectl scale sts web --replicas=1e-300 --timeout=30s
