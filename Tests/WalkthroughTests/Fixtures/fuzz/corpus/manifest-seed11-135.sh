kubectl apply -f - <<'MANIFEST'
apiVersion: v1
kind: Service
metadata:
  name: todo-db
  labels:
    kiamol: ch08
spec:
  ports:
    - port: 9223372036854775807
      targetPort: 5432
  x-anchor: &a [1, 2, 3]
  x-alias: [*a, *a, *a]
      name: postgres
  selector:
    app: todo-db
  clusterIP: None
MANIFEST
sleep 30; kubectl get all -o wide; kubectl describe all > /dev/null
