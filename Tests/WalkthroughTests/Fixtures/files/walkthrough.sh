# Secrets and ConfigMaps from the command line, kubectl cp both ways, and an image that cannot be pulled.
kubectl create secret generic demo --from-literal=user=admin --from-literal=pass=s3cret
kubectl create configmap conf --from-file=note.txt --from-literal=mode=dev
kubectl get secret demo -o jsonpath='{.data.pass}{"\n"}'
kubectl get cm conf -o jsonpath='{.data.note\.txt}'
kubectl create secret generic demo --from-literal=a=b
kubectl apply -f sleep.yaml
kubectl run web --image=nginx:
kubectl exec deploy/sleep -- ls
sleep 30
kubectl cp note.txt $(kubectl get pods -l app=sleep -o name | cut -d/ -f2):/tmp/note.txt
kubectl exec deploy/sleep -- cat /tmp/note.txt
kubectl exec deploy/sleep -- sh -c 'echo made in pod > /tmp/out.txt'
kubectl cp $(kubectl get pods -l app=sleep -o name | cut -d/ -f2):/tmp/out.txt out.txt
cat out.txt
kubectl cp nothere.txt $(kubectl get pods -l app=sleep -o name | cut -d/ -f2):/tmp/x
kubectl cp a b
kubectl get pods
kubectl exec web -- ls
kubectl logs web
