import KubeAPI

/// What the API server adds to a new pod once it is defaulted: the ServiceAccount admission
/// plugin's check of the account, and its token volume and mounts.
enum PodAdmission {
    static let tokenMountPath = "/var/run/secrets/kubernetes.io/serviceaccount"
    static let suffixAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    static func prepareForCreate(_ object: JSONValue, in cluster: Cluster) throws(APIError) -> JSONValue {
        var pod = object
        let ns = pod.namespace ?? "default"
        let saName = pod["spec"]["serviceAccountName"].string ?? pod["spec"]["serviceAccount"].string ?? "default"
        pod["spec"]["serviceAccountName"] = .string(saName)
        pod["spec"]["serviceAccount"] = .string(saName)
        var serviceAccount: JSONValue?
        if let saType = ResourceRegistry.forKind("ServiceAccount") {
            serviceAccount = cluster.store.get(saType, namespace: ns, name: saName)
            // The default account appears moments after its namespace; only a named one must exist.
            if serviceAccount == nil && saName != "default" {
                // Admission runs before a generated name exists; the error names the prefix.
                let name = pod.name.isEmpty ? pod["metadata"]["generateName"].string ?? "" : pod.name
                throw APIError(.forbidden, "pods \"\(name)\" is forbidden: error looking up service account "
                    + "\(ns)/\(saName): serviceaccount \"\(saName)\" not found")
            }
        }
        let automount = pod["spec"]["automountServiceAccountToken"].bool
            ?? serviceAccount?["automountServiceAccountToken"].bool ?? true
        if automount { addTokenVolume(to: &pod, rng: &cluster.rng) }
        // Priority, service links and the default tolerations were set by the
        // pod's defaulting (`Defaulting.pod`), which every create runs first, the sandbox's own pods too.
        return pod
    }

    /// The same for every pod, so built once and shared (values are copied on write).
    private static let tokenProjection: JSONValue = [
        "defaultMode": 420,
        "sources": [
            ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
            ["configMap": ["items": [["key": "ca.crt", "path": "ca.crt"]], "name": "kube-root-ca.crt"]],
            ["downwardAPI": ["items": [["fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"],
                                        "path": "namespace"]]]],
        ],
    ]

    private static func addTokenVolume(to pod: inout JSONValue, rng: inout SeededGenerator) {
        let allContainers = pod["spec"]["containers"].items + pod["spec"]["initContainers"].items
        let alreadyMounted = allContainers.contains { c in
            c["volumeMounts"].items.contains { $0["mountPath"].string == tokenMountPath }
        }
        if alreadyMounted { return }
        var suffix = ""
        for _ in 0..<5 { suffix.append(suffixAlphabet[Int(rng.next() % UInt64(suffixAlphabet.count))]) }
        let volumeName = "kube-api-access-" + suffix
        let volume: JSONValue = ["name": .string(volumeName), "projected": tokenProjection]
        pod["spec"].append(volume, to: "volumes")
        let mount: JSONValue = ["mountPath": .string(tokenMountPath), "name": .string(volumeName), "readOnly": true]
        for key in ["initContainers", "containers"] {
            let containers = pod["spec"][key].items
            if containers.isEmpty { continue }
            pod["spec"][key] = .array(containers.map { c in
                var c = c
                c.append(mount, to: "volumeMounts")
                return c
            })
        }
    }
}
