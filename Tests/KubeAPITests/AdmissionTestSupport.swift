@testable import KubeAPI

/// Parses a one-document manifest for tests; a syntax error fails loudly.
func manifest(_ yaml: String) -> JSONValue {
    (try? YAMLLoader.parse(yaml)) ?? .null
}

func resource(_ kind: String) -> ResourceType {
    ResourceRegistry.forKind(kind)!
}

/// Admits an object and returns the error message, or nil when it was accepted.
func admissionError(_ yaml: String, kind: String, operation: Admission.Operation = .create, old: JSONValue? = nil) -> APIError? {
    do {
        _ = try Admission.admit(manifest(yaml), as: resource(kind), operation: operation, old: old)
        return nil
    } catch {
        return error
    }
}

func admitted(_ yaml: String, kind: String) throws -> JSONValue {
    try Admission.admit(manifest(yaml), as: resource(kind), operation: .create)
}

let webStatefulSet = """
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
"""
