# Reference solution of lesson 02: `kubelab lesson check` runs it, and `kubelab lesson DIR < solution.sh`
# shows it as a learner would see it. `sleep N` stands where a learner waits.
# step: cattle
answer b
# step: shared-claim
answer b
# step: apply
kubectl apply -f https://k8s.io/examples/application/web/web.yaml
kubectl get pods -w -l app=nginx
# step: hostnames
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done
# step: claims
kubectl get pvc -l app=nginx
# step: claim-name
answer data-db-2
# step: write
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'; done
# step: replace
kubectl delete pod web-1
kubectl get pods -w -l app=nginx
# step: same-data
kubectl exec web-1 -- curl -s http://localhost/
# step: pets
answer b
# step: scale-up
kubectl scale sts web --replicas=4
kubectl get pods -w -l app=nginx
for i in 2 3; do kubectl exec "web-$i" -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'; done
# step: scale-down
kubectl scale sts web --replicas=2
kubectl get pods -w -l app=nginx
# step: claims-kept
kubectl get pvc -l app=nginx
# step: scale-up-again
kubectl scale sts web --replicas=3
kubectl get pods -w -l app=nginx
kubectl exec web-2 -- curl -s http://localhost/
# step: delete-claim
kubectl delete pvc www-web-3
kubectl get pv
# step: volume
sleep 10
kubectl get pv
answer b
