kubectl apply -f - <<'MANIFEST'
apiVersion: v1
kind: Service
metadata:
  name: visit-cnt-stfs-svc
  labels:
    app: visit-cnt-stfs
spec:
  ports:
  - port: 9223372036854775807
    protocol: TCP
  selector:
    app: visit-cnt-stfs
  clusterIP: None #headless
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: visit-cnt-stfs
spec:
  selector:
    matchLabels:
      app: visit-cnt-stfs
  serviceName: visit-cnt-stfs-svc
  replicas: 2
  template:
    metadata:
      labels:
    spec:
      containers:
      - name: stfs-container
        image: dbgurum/mynode:fc.stfs
        ports:
        - name: http
          containerPort: 8080
        volumeMounts:
        - name: data
          mountPath: /var/data
  x-anchor: &a [1, 2, 3]
  x-alias: [*a, *a, *a]
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      resources:
        requests:
          storage: 1Gi
      accessModes:
      - ReadWriteOnce
      storageClassName: "openebs-hostpath" #StorageClass 이해 필요
MANIFEST
sleep 30; kubectl get all -o wide; kubectl describe all > /dev/null
