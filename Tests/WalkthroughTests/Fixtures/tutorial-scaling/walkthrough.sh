# The StatefulSet Basics tutorial's storage, scaling, deleting and pod management sections, as the page types them.
kubectl apply -f https://k8s.io/examples/application/web/web.yaml
sleep 30
for i in 0 1; do kubectl exec -i -t "web-$i" -- curl http://localhost/; done
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'; done
kubectl get service nginx
kubectl get statefulset web
kubectl scale sts web --replicas=5
kubectl get pods --watch -l app=nginx
kubectl patch sts web -p '{"spec":{"replicas":3}}'
kubectl get pods --watch -l app=nginx
kubectl get pvc -l app=nginx
kubectl delete statefulset web --cascade=orphan
kubectl get pods -l app=nginx
kubectl delete pod web-0
kubectl get pods -l app=nginx
kubectl apply -f https://k8s.io/examples/application/web/web.yaml
kubectl get pods --watch -l app=nginx
for i in 0 1; do kubectl exec -i -t "web-$i" -- curl http://localhost/; done
kubectl delete statefulset web
kubectl get pods --watch -l app=nginx
kubectl delete service nginx
kubectl apply -f https://k8s.io/examples/application/web/web-parallel.yaml
kubectl get pod --watch -l app=nginx
kubectl scale statefulset/web --replicas=4
kubectl get pod --watch -l app=nginx
kubectl delete sts web
kubectl delete svc nginx
kubectl delete pvc www-web-0 www-web-1 www-web-2 www-web-3 www-web-4
