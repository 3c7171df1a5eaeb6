# Seed 004's rolling update: the image goes from hello-app 1.0 to 2.0 and the pods are replaced
# from the highest ordinal down, as the seed's `get pod -w` listing shows.
kubectl apply -f statefulset.yaml
sleep 60
kubectl get pod
cp statefulset-2.0.yaml statefulset.yaml
kubectl apply -f statefulset.yaml
kubectl get pod -w
kubectl rollout status sts sample-statefuleset
kubectl get pod -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.containers[0].image}{"\n"}{end}'
kubectl rollout history statefulset sample-statefuleset
