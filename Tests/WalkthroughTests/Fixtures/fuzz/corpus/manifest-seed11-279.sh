kubectl apply -f - <<'MANIFEST'
kind: StatefulSet
apiVersion: apps/v1beta1
metadata:
  name: sample-statefuleset
spec:
  serviceName: statefuleset-service
  replicas: inf
  updateStrategy:
    type: RollingUpdate
  template:
    metadata:
      labels:
        app: sample-statefuleset
    spec:
      containers:
      - name: sample-container
        image: gcr.io/google-samples/hello-app:1.0
  x-anchor: &a [1, 2, 3]
  x-alias: [*a, *a, *a]
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
      - ReadWriteOnce
      storageClassName: nfs
MANIFEST
sleep 30; kubectl get all -o wide; kubectl describe all > /dev/null
