# Seed 001: stable names, one claim per pod, ordered scaling (the official web StatefulSet).
kubectl apply -f https://k8s.io/examples/application/web/web.yaml
sleep 30
kubectl get pods -l app=nginx
kubectl get pvc -l app=nginx
kubectl delete pod web-1
sleep 20
kubectl get pods -l app=nginx
kubectl scale sts web --replicas=4
kubectl get pods -w -l app=nginx
kubectl scale sts web --replicas=2
kubectl get pods -w -l app=nginx
kubectl get pvc -l app=nginx
