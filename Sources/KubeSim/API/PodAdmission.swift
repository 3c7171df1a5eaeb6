import KubeAPI

/// What the API server adds to a new pod: the ServiceAccount admission plugin's token volume and
/// mounts, DefaultTolerationSeconds, Priority, and the registry's initial status (Pending, QoS class).
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
        addDefaultTolerations(to: &pod)
        if pod["spec"]["priority"].isNull { pod["spec"]["priority"] = 0 }
        if pod["spec"]["enableServiceLinks"].isNull { pod["spec"]["enableServiceLinks"] = true }
        if pod["spec"]["preemptionPolicy"].isNull { pod["spec"]["preemptionPolicy"] = "PreemptLowerPriority" }
        pod["status"] = ["phase": "Pending", "qosClass": .string(qosClass(of: pod))]
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

    /// Pods tolerate a not-ready or unreachable node for 300 s before eviction.
    private static func addDefaultTolerations(to pod: inout JSONValue) {
        var tolerations = pod["spec"]["tolerations"].items
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"] {
            let covered = tolerations.contains { t in
                let effect = t["effect"].string ?? ""
                let tKey = t["key"].string ?? ""
                return (effect.isEmpty || effect == "NoExecute") && (tKey == key || (tKey.isEmpty && t["operator"].string == "Exists"))
            }
            if !covered {
                tolerations.append(["effect": "NoExecute", "key": .string(key), "operator": "Exists", "tolerationSeconds": 300])
            }
        }
        pod["spec"]["tolerations"] = .array(tolerations)
    }

    /// Guaranteed when every container's cpu and memory requests equal its limits, BestEffort when
    /// nothing is requested or limited, Burstable otherwise.
    static func qosClass(of pod: JSONValue) -> String {
        let containers = pod["spec"]["containers"].items + pod["spec"]["initContainers"].items
        var anySet = false
        var guaranteed = !containers.isEmpty
        for c in containers {
            let requests = c["resources"]["requests"], limits = c["resources"]["limits"]
            for r in ["cpu", "memory"] {
                let req = ResourceQuantity.milliValue(of: r, in: requests)
                let lim = ResourceQuantity.milliValue(of: r, in: limits)
                if (req ?? 0) > 0 || (lim ?? 0) > 0 { anySet = true }
                guard let l = lim, l > 0 else { guaranteed = false; continue }
                if let q = req, q != l { guaranteed = false }
            }
        }
        if !anySet { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}
