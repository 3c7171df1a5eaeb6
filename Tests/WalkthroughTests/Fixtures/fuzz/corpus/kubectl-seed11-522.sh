kubectl expose pod p0 --port=-9223372036854775808 --target-port=2
kubectl get  -2147483647
kubectl get ns -o jsonpath='{.items[0x7fffffffffffffff:-2147483648:-9223372036854775809].metadata.name}'
kubectl get \e[31mred \e[31mred--inf
