# Reference solution of lesson 03: `kubelab lesson check` runs it, and `kubelab lesson DIR < solution.sh`
# shows it as a learner would see it. `sleep N` stands where a learner waits.
# step: apply-db
kubectl apply -f todo-list/db/
# step: status
kubectl get statefulset todo-db
sleep 30
kubectl get statefulset todo-db
kubectl get pods -l app=todo-db
# step: password
kubectl exec todo-db-0 -- ls -l /secrets
kubectl exec todo-db-0 -- cat /secrets/postgres_password
# step: by-name
kubectl delete pod todo-db-1
sleep 10
kubectl get pod todo-db-1
# step: name-question
answer a
# step: sleep
kubectl apply -f sleep.yaml
kubectl get pods -l app=sleep -w
# step: dns-service
kubectl exec deploy/sleep -- sh -c 'nslookup todo-db | grep "^[^*]"'
# step: dns-pod
kubectl get pods -l app=todo-db -o wide
kubectl exec deploy/sleep -- sh -c 'nslookup todo-db-0.todo-db.default.svc.cluster.local | grep "^[^*]"'
# step: dns-question
answer b
# step: init
kubectl delete statefulset todo-db
kubectl apply -f todo-list/db-init/
kubectl get pods -l app=todo-db -w
# step: init-logs
kubectl logs todo-db-0 -c wait-service
kubectl logs todo-db-1 -c wait-service
# step: init-question
answer a
# step: update-forbidden
kubectl apply -f todo-list/db-init/update/todo-db-pvc.yaml
# step: sleep-with-pvc
kubectl apply -f sleep-with-pvc.yaml
kubectl get pods -l app=sleep-with-pvc -w
kubectl get pvc
# step: write
kubectl exec sleep-with-pvc-0 -- sh -c 'echo Pod 0 initialized at $(date) > /data/pod0.txt'
# step: replace-pod
kubectl delete pod sleep-with-pvc-0
sleep 10
kubectl get pods -l app=sleep-with-pvc
kubectl exec sleep-with-pvc-0 -- cat /data/pod0.txt
# step: own-claim
kubectl exec sleep-with-pvc-1 -- ls /data
# step: pi-job
kubectl apply -f pi-job.yaml
sleep 30
kubectl get job pi-job
kubectl logs job/pi-job
# step: pi-random
kubectl apply -f pi-job-random.yaml
sleep 30
kubectl get pods -l job-name=pi-job-random
# step: backup-beta
kubectl apply -f todo-db-backup-cronjob.yaml
# step: backup
kubectl exec todo-db-1 -- psql -U postgres -c 'CREATE DATABASE todo'
kubectl apply -f backup/
sleep 300
kubectl get cronjob todo-db-backup
# step: backup-files
kubectl apply -f backup-reader.yaml
sleep 10
kubectl exec backup-reader -- ls -l /backup
# step: suspend
kubectl apply -f todo-db-backup-suspended.yaml
sleep 240
kubectl get cronjob todo-db-backup
