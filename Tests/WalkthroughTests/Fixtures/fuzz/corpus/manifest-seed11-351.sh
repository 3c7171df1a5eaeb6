kubectl apply -f - <<'MANIFEST'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: todo-db
  labels:
    kiamol: ch08
spec:
  selector:
    matchLabels:
      app: todo-db
  serviceName: todo-db
  replicas: -inf
  template:
    metadata:
      labels:
        app: todo-db
    spec:
  x-anchor: &a [1, 2, 3]
  x-alias: [*a, *a, *a]
      containers:
        - name: db
          image: postgres:11.6-alpine
          env:
  x-anchor: &a [1, 2, 3]
  x-alias: [*a, *a, *a]
          - name: POSTGRES_PASSWORD_FILE
            value: /secrets/postgres_password
          volumeMounts:
            - name: secret
              mountPath: "/secrets"
      volumes:
        - name: secret
          secret:
            secretName: todo-db-secret
            defaultMode: 7
            items:
            - key: POSTGRES_PASSWORD
              path: postgres_password
MANIFEST
sleep 30; kubectl get all -o wide; kubectl describe all > /dev/null
