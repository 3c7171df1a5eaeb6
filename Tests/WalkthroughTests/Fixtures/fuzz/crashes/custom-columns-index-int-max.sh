kubectl get ns -o custom-columns='N:.items[9223372036854775807]'
kubectl get ns -o custom-columns='N:.metadata.name[9223372036854775807]'
