# The official StatefulSet basics tutorial: stable hostnames and DNS names.
kubectl apply -f https://k8s.io/examples/application/web/web.yaml
sleep 30
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done
kubectl get pods -l app=nginx -o wide
kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm
nslookup web-0.nginx
nslookup web-9.nginx
exit
kubectl get pods
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'; done
kubectl delete pod -l app=nginx
sleep 30
for i in 0 1; do kubectl exec -i -t "web-$i" -- curl http://localhost/; done
kubectl exec nope -- ls
kubectl exec web-0 -c nope -- ls
kubectl exec web-0 -- foo
kubectl exec web-0 -- sh -c 'foo'
kubectl exec web-0 -- sh -c 'while true; do :; done'
kubectl exec web-0 -- sh -c 'head -c 100000000 /dev/zero > /tmp/big'
kubectl exec web-0
kubectl get pods
