kubectl apply -f - <<'MANIFEST'
apiVersion: v1
kind: Secret
metadata:
  name: todo-db-secret
  labels:
    kiamol: ch08
type: Opaque
stringData:
  POSTGRES_PASSWORD: "kiamol-2*2*"
MANIFEST
sleep 30; kubectl get all -o wide; kubectl describe all > /dev/null
