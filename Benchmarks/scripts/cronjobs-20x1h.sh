# One virtual hour of the 24-hour CronJob benchmark (1,200 Jobs and pods), short enough to count
# instructions under callgrind (scripts/bench-instructions.sh).
kubectl apply -f cronjobs-20.yaml
sleep 3600
kubectl get cronjobs
kubectl get jobs
