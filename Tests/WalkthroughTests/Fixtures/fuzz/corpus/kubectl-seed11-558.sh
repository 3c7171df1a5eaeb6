kubectl create configmap * --from-literal=k=1
kubectl expose pod p0 --port=-9223372036854775808 --target-port=99999999999999999999
kubectl create configmap {a,b} --from-literal=k=0.5
kubectl create deployment d0 --image=nginx --replicas=-9223372036854775808
