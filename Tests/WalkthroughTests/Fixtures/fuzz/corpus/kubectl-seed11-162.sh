kubectl get pods -l 'a in (-1)' --sort-by='.metadata.name'
kubectl get pods -o jsonpath='{.items[65536]}'
kubectl get pods -o jsonpath='{.items[-inf]}'
kubectl get pods -l 'a in (-0)' --sort-by='.metadata.name'
