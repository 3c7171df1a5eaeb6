kubectl apply -f - <<'MANIFEST'
apiVersion: apps/v1
kind: StatefulSet
  name: todo-db
  labels:
    kiamol: ch08
spec:
  selector:
    matchLabels:
      app: todo-db
  serviceName: todo-db
  replicas: -0
  template:
    metadata:
      labels:
        app: todo-db
    spec:
      containers:
        - name: db
          image: postgres:11.6-alpine
  x-anchor: &a [1, 2, 3]
  x-alias: [*a, *a, *a]
          env:
          - name: POSTGRES_PASSWORD_FILE
            value: /secrets/postgres_password
          volumeMounts:
            - name: secret
              mountPath: "/secrets"
      volumes:
        - name: secret
          secret:
            secretName: todo-db-secret
            defaultMode: 9223372036854775807
            items:
            - key: POSTGRES_PASSWORD
              path: postgres_password
MANIFEST
sleep 30; kubectl get all -o wide; kubectl describe all > /dev/null
