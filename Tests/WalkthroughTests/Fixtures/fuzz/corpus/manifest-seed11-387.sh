kubectl apply -f - <<'MANIFEST'
kind: StatefulSet
apiVersion: apps/v1
  x-anchor: &a [1, 2, 3]
  x-alias: [*a, *a, *a]
metadata:
  name: sample-statefuleset
spec:
  serviceName: statefuleset-service
  replicas: 2
  selector:
    matchLabels:
      app: sample-statefuleset
  updateStrategy:
    type: RollingUpdate
  template:
    metadata:
  x-anchor: &a [1, 2, 3]
  x-alias: [*a, *a, *a]
      labels:
        app: sample-statefuleset
    spec:
      containers:
      - name: sample-container
        image: gcr.io/google-samples/hello-app:1.0
        volumeMounts:
        - name: sample-pvc
          mountPath: /var/data
  volumeClaimTemplates:
  - metadata:
      name: sample-pvc
    spec:
      resources:
        requests:
          storage: 1Gi
      accessModes:
      storageClassName: nfs
MANIFEST
sleep 30; kubectl get all -o wide; kubectl describe all > /dev/null
