# 24 virtual hours of 20 CronJobs each firing every minute: 28,800 Jobs and pods come and go,
# the history limits keep 3 of each.
kubectl apply -f cronjobs-20.yaml
sleep 86400
kubectl get cronjobs
kubectl get jobs
