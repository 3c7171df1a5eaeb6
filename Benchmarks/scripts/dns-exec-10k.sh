# 10,000 nslookups inside a pod and 10,000 `kubectl exec ... cat` round trips from the host.
kubectl apply -f https://k8s.io/examples/application/web/web.yaml
kubectl run dns --image=busybox:1.28 --restart=Never -- sleep 36000
sleep 30
kubectl exec dns -- sh -c 'for i in $(seq 1 5000); do nslookup web-0.nginx; done; for i in $(seq 1 5000); do nslookup nginx; done' | grep -c '^Name:'
for i in $(seq 1 5000); do kubectl exec web-0 -- cat /etc/hostname; done | wc -l
for i in $(seq 1 5000); do kubectl exec web-1 -- cat /etc/hostname; done | wc -l
