kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  replicas: 3
  strategy:
    rollingUpdate:
      maxSurge: "9223372036854775807%"
  selector:
    matchLabels: {app: d}
  template:
    metadata:
      labels: {app: d}
    spec:
      terminationGracePeriodSeconds: 9223372036854775807
      containers:
      - name: c
        image: nginx
EOF
sleep 30
kubectl delete deployment d
