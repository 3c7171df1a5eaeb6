# The StatefulSet Basics tutorial's update section: partitioned and phased roll outs with kubectl patch,
# followed with rollout status, then rollout history and undo.
kubectl apply -f https://k8s.io/examples/application/web/web.yaml
kubectl scale sts web --replicas=3
kubectl rollout status sts web
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'
kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.24"}]'
kubectl rollout status sts web
kubectl get pods -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.containers[0].image}{"\n"}{end}'
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'
kubectl rollout status sts web
kubectl get pods -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.containers[0].image}{"\n"}{end}'
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}}}'
kubectl rollout status sts web
kubectl get pods -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.containers[0].image}{"\n"}{end}'
kubectl rollout history sts web
kubectl rollout history sts web --revision=2
kubectl rollout undo sts web --to-revision=9
kubectl rollout undo sts web
kubectl rollout status sts web
kubectl get pods -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.containers[0].image}{"\n"}{end}'
kubectl rollout history sts web
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete", "rollingUpdate": null}}}'
kubectl get sts web -o jsonpath='{.spec.updateStrategy}{"\n"}'
kubectl rollout status sts web
kubectl patch statefulset web -p '{"spec":'
kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/nope/0/image", "value":"x"}]'
kubectl wait --for=condition=Ready pod/web-9 --timeout=5s
kubectl wait --for=condition=Ready pod -l app=nginx
kubectl get pods
