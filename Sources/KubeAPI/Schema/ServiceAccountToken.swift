/// The ServiceAccount admission plugin's token volume. It needs a random name suffix, so it is a
/// separate step the API server calls with a suffix from the cluster's seeded generator.
public enum ServiceAccountToken {
    public static let mountPath = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// Adds the `kube-api-access-<suffix>` projected volume and mounts it read-only in every container,
    /// unless token automounting is turned off or a container already mounts something at the path.
    /// `suffix` should be 5 characters from `bcdfghjklmnpqrstvwxz2456789`.
    public static func inject(into pod: inout JSONValue, suffix: String, serviceAccountAutomount: Bool? = nil) {
        let spec = pod["spec"]
        if spec["automountServiceAccountToken"].bool == false { return }
        if spec["automountServiceAccountToken"].isNull, serviceAccountAutomount == false { return }
        let containers = spec["containers"].items + spec["initContainers"].items
        if containers.contains(where: { c in c["volumeMounts"].items.contains { $0["mountPath"].string == mountPath } }) { return }
        let name = "kube-api-access-" + suffix
        if spec["volumes"].items.contains(where: { $0["name"].string == name }) { return }

        let volume: JSONValue = [
            "name": .string(name),
            "projected": [
                "defaultMode": 420,
                "sources": [
                    ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
                    ["configMap": ["items": [["key": "ca.crt", "path": "ca.crt"]], "name": "kube-root-ca.crt"]],
                    ["downwardAPI": ["items": [["fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"], "path": "namespace"]]]],
                ],
            ],
        ]
        let mount: JSONValue = ["mountPath": .string(mountPath), "name": .string(name), "readOnly": true]
        Defaulting.child(&pod, "spec", create: true) { spec in
            spec.append(volume, to: "volumes")
            for key in ["initContainers", "containers"] {
                Defaulting.eachElement(&spec, key) { $0.append(mount, to: "volumeMounts") }
            }
        }
    }
}
