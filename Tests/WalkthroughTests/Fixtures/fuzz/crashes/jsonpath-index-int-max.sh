kubectl get pods -o jsonpath='{.items[9223372036854775807]}'
