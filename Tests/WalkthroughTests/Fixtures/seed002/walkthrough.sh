# Seed 002: the todo-db StatefulSet behind a headless Service, looked up from a sleep pod.
kubectl apply -f todo-list/db/
kubectl apply -f sleep.yaml
sleep 60
kubectl get statefulset todo-db
kubectl get pods -l app=todo-db
kubectl exec deploy/sleep -- sh -c 'nslookup todo-db | grep "^[^*]"'
kubectl exec deploy/sleep -- sh -c 'nslookup todo-db-0.todo-db.default.svc.cluster.local | grep "^[^*]"'
kubectl exec todo-db-0 -- ls -l /secrets
kubectl exec todo-db-0 -- cat /secrets/postgres_password
kubectl exec todo-db-0 -- psql -U postgres -c '\l'
kubectl logs todo-db-0 --tail 1
kubectl exec todo-db-0 -- ls -l /secrets/..data/
