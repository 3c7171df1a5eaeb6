
/// The API server's defaulting (`SetDefaults_*` in pkg/apis/*/v1/defaults.go) plus the pure parts of the
/// registry strategies and admission plugins that run on create: pod priority, DefaultTolerationSeconds,
/// the default service account, status resets.
enum Defaulting {
    static func apply(_ obj: inout JSONValue, kind: String, operation: Admission.Operation, old: JSONValue?) {
        switch kind {
        case "Pod":
            if let old {
                // Fields the scheduler and create-time admission filled in survive a client that omits them.
                child(&obj, "spec", create: true) { spec in
                    for key in ["nodeName", "serviceAccountName", "serviceAccount", "priority", "preemptionPolicy"] where spec[key].isNull {
                        spec[key] = old["spec"][key]
                    }
                }
            }
            pod(&obj, operation: operation)
        case "StatefulSet": statefulSet(&obj)
        case "Deployment": deployment(&obj)
        case "ReplicaSet": replicaSet(&obj)
        case "ReplicationController": replicationController(&obj)
        case "PodTemplate": child(&obj, "template", podTemplate)
        case "DaemonSet": daemonSet(&obj)
        case "Job": job(&obj)
        case "CronJob": cronJob(&obj)
        case "Service": service(&obj, old: old)
        case "Endpoints": endpoints(&obj)
        case "PersistentVolumeClaim":
            if let old {
                // The binder and the default-class admission filled these; a client that omits them keeps them.
                child(&obj, "spec", create: true) { spec in
                    for key in ["volumeName", "storageClassName"] where spec[key].isNull { spec[key] = old["spec"][key] }
                }
            }
            pvc(&obj, resetStatus: operation == .create)
        case "PersistentVolume": pv(&obj, resetStatus: operation == .create)
        case "StorageClass": storageClass(&obj)
        case "Secret": secret(&obj)
        case "Namespace": namespace(&obj)
        case "Node": node(&obj)
        default: break
        }
        if operation == .create, let empty = initialStatus[kind] {
            // Create ignores client-supplied status; non-omitempty counters serialize as zero.
            obj["status"] = empty
        }
        if operation == .update, let old, obj["status"].isNull, !old["status"].isNull {
            // The main resource ignores status on update; the status subresource owns it.
            obj["status"] = old["status"]
        }
    }

    /// The status a workload starts with, whatever the client sent.
    static let initialStatus: [String: JSONValue] = [
        "StatefulSet": ["availableReplicas": 0, "replicas": 0],
        "ReplicaSet": ["replicas": 0],
        "Deployment": .emptyObject,
        "DaemonSet": ["currentNumberScheduled": 0, "desiredNumberScheduled": 0, "numberMisscheduled": 0, "numberReady": 0],
        "Job": .emptyObject,
        "CronJob": .emptyObject,
        "PodDisruptionBudget": ["currentHealthy": 0, "desiredHealthy": 0, "disruptionsAllowed": 0, "expectedPods": 0],
    ]

    // MARK: Helpers

    private static let placeholder = JSONValue.bool(false)

    /// Sets `key` when it is absent (an explicit null counts as absent, as for Go pointers).
    @inline(__always)
    static func setDefault(_ obj: inout JSONValue, _ key: String, _ value: @autoclosure () -> JSONValue) {
        if obj[key].isNull { obj[key] = value() }
    }

    /// Mutates each element of the array at `key`, leaving a missing array missing.
    static func eachElement(_ obj: inout JSONValue, _ key: String, _ change: (inout JSONValue) -> Void) {
        guard case .array(var items) = obj[key] else { return }
        obj[key] = placeholder  // keeps the key's position while releasing the array for in-place edits
        for i in items.indices { change(&items[i]) }
        obj[key] = .array(items)
    }

    /// Mutates the object at `key`, creating it when `create` is set.
    static func child(_ obj: inout JSONValue, _ key: String, create: Bool = false, _ change: (inout JSONValue) -> Void) {
        var value = obj[key]
        if value.object == nil {
            guard create, value.isNull else { return }
            value = .emptyObject
        }
        obj[key] = placeholder
        change(&value)
        obj[key] = value
    }

    /// A template's metadata as the server serializes it: `creationTimestamp: null` included.
    static func templateMetadata(_ obj: inout JSONValue) {
        var meta = obj["metadata"].object ?? [:]
        if meta["creationTimestamp"] == nil { meta["creationTimestamp"] = .null }
        obj["metadata"] = .object(meta)
    }

    // MARK: Pods

    static func pod(_ obj: inout JSONValue, operation: Admission.Operation) {
        child(&obj, "spec", create: true) { spec in
            podSpec(&spec)
            // SetDefaults_Pod: requests default to limits, service links on.
            for key in ["containers", "initContainers"] {
                eachElement(&spec, key) { c in
                    child(&c, "resources", create: true) { r in
                        guard let limits = r["limits"].object, !limits.isEmpty else { return }
                        var requests = r["requests"].object ?? [:]
                        for (name, amount) in limits where requests[name] == nil { requests[name] = amount }
                        r["requests"] = .object(requests)
                    }
                }
            }
            setDefault(&spec, "enableServiceLinks", true)
            if operation == .create {
                // ServiceAccount admission; the v1 conversion mirrors it into the deprecated field.
                let legacy = spec["serviceAccount"]
                setDefault(&spec, "serviceAccountName", legacy.isNull ? "default" : legacy)
                let account = spec["serviceAccountName"]
                setDefault(&spec, "serviceAccount", account)
                // Priority admission with no PriorityClass in play.
                setDefault(&spec, "priority", 0)
                setDefault(&spec, "preemptionPolicy", "PreemptLowerPriority")
            }
            // DefaultTolerationSeconds runs on create and update.
            defaultTolerationSeconds(&spec)
        }
        if operation == .create {
            obj["status"] = ["phase": "Pending", "qosClass": .string(qosClass(obj["spec"]))]
        }
    }

    /// DefaultTolerationSeconds admission: tolerate not-ready/unreachable nodes for 300 s.
    static func defaultTolerationSeconds(_ spec: inout JSONValue) {
        let existing = spec["tolerations"].items
        var tolerations = existing
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"] {
            let covered = existing.contains { t in
                let effect = t["effect"].string ?? ""
                guard effect.isEmpty || effect == "NoExecute" else { return false }
                let k = t["key"].string ?? ""
                return k == key || (k.isEmpty && t["operator"].string == "Exists")
            }
            if !covered {
                tolerations.append(["key": .string(key), "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300])
            }
        }
        if tolerations.count != existing.count { spec["tolerations"] = .array(tolerations) }
    }

    static func qosClass(_ spec: JSONValue) -> String {
        var anySet = false
        var guaranteed = true
        for c in spec["containers"].items + spec["initContainers"].items {
            let requests = c["resources"]["requests"].object ?? [:]
            let limits = c["resources"]["limits"].object ?? [:]
            if !requests.isEmpty || !limits.isEmpty { anySet = true }
            for r in ["cpu", "memory"] {
                guard let l = limits[r], let q = requests[r] ?? limits[r], l.scalarText == q.scalarText else { guaranteed = false; continue }
            }
            for (name, value) in requests where limits[name]?.scalarText != value.scalarText { if name == "cpu" || name == "memory" { guaranteed = false } }
        }
        if !anySet { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }

    /// SetDefaults_PodSpec and everything nested in it (containers, probes, volumes).
    static func podSpec(_ spec: inout JSONValue) {
        setDefault(&spec, "dnsPolicy", "ClusterFirst")
        setDefault(&spec, "restartPolicy", "Always")
        setDefault(&spec, "securityContext", .emptyObject)
        setDefault(&spec, "terminationGracePeriodSeconds", 30)
        setDefault(&spec, "schedulerName", "default-scheduler")
        let account = spec["serviceAccountName"]
        if !account.isNull { setDefault(&spec, "serviceAccount", account) }
        let hostNetwork = spec["hostNetwork"].bool == true
        for key in ["containers", "initContainers", "ephemeralContainers"] {
            eachElement(&spec, key) { container(&$0, hostNetwork: hostNetwork) }
        }
        eachElement(&spec, "volumes", volume)
    }

    static func container(_ c: inout JSONValue, hostNetwork: Bool) {
        setDefault(&c, "terminationMessagePath", "/dev/termination-log")
        setDefault(&c, "terminationMessagePolicy", "File")
        if c["imagePullPolicy"].isNull, let image = c["image"].string {
            c["imagePullPolicy"] = .string(pullPolicy(forImage: image))
        }
        setDefault(&c, "resources", .emptyObject)
        eachElement(&c, "ports") { p in
            setDefault(&p, "protocol", "TCP")
            if hostNetwork, p["hostPort"].isNull { p["hostPort"] = p["containerPort"] }
        }
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            child(&c, probe) { p in
                setDefault(&p, "timeoutSeconds", 1)
                setDefault(&p, "periodSeconds", 10)
                setDefault(&p, "successThreshold", 1)
                setDefault(&p, "failureThreshold", 3)
                child(&p, "httpGet", httpGet)
            }
        }
        child(&c, "lifecycle") { l in
            for hook in ["postStart", "preStop"] { child(&l, hook) { child(&$0, "httpGet", httpGet) } }
        }
        eachElement(&c, "env") { e in
            child(&e, "valueFrom") { child(&$0, "fieldRef") { setDefault(&$0, "apiVersion", "v1") } }
        }
    }

    static func httpGet(_ h: inout JSONValue) {
        setDefault(&h, "path", "/")
        setDefault(&h, "scheme", "HTTP")
    }

    /// Always for `:latest` or untagged images, IfNotPresent otherwise (digests count as tagged).
    static func pullPolicy(forImage image: String) -> String {
        if image.contains("@") { return "IfNotPresent" }
        let lastComponent = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastComponent.lastIndex(of: ":") else { return "Always" }
        return lastComponent[lastComponent.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }

    static func volume(_ v: inout JSONValue) {
        let sources = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "hostPath", "nfs", "persistentVolumeClaim",
                       "projected", "secret", "awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc",
                       "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", "image", "iscsi", "photonPersistentDisk",
                       "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "vsphereVolume"]
        if !sources.contains(where: { !v[$0].isNull }) { v["emptyDir"] = .emptyObject }
        for key in ["secret", "configMap", "downwardAPI", "projected"] { child(&v, key) { setDefault(&$0, "defaultMode", 420) } }
        child(&v, "hostPath") { setDefault(&$0, "type", "") }
        child(&v, "downwardAPI") { eachElement(&$0, "items") { child(&$0, "fieldRef") { setDefault(&$0, "apiVersion", "v1") } } }
        child(&v, "projected") { p in
            eachElement(&p, "sources") { s in
                child(&s, "downwardAPI") { eachElement(&$0, "items") { child(&$0, "fieldRef") { setDefault(&$0, "apiVersion", "v1") } } }
                child(&s, "serviceAccountToken") { setDefault(&$0, "expirationSeconds", 3600) }
            }
        }
    }

    static func podTemplate(_ obj: inout JSONValue) {
        templateMetadata(&obj)
        child(&obj, "spec", create: true, podSpec)
    }

    // MARK: Workloads

    static func statefulSet(_ obj: inout JSONValue) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "podManagementPolicy", "OrderedReady")
            child(&spec, "updateStrategy", create: true) { s in
                // Only a defaulted type brings an empty rollingUpdate (SetDefaults_StatefulSet): an
                // explicit `type: RollingUpdate` stays bare, so a later switch to OnDelete applies.
                if (s["type"].string ?? "").isEmpty {
                    s["type"] = "RollingUpdate"
                    child(&s, "rollingUpdate", create: true) { _ in }
                }
                if s["type"].string == "RollingUpdate" {
                    child(&s, "rollingUpdate") { setDefault(&$0, "partition", 0) }
                }
            }
            setDefault(&spec, "replicas", 1)
            setDefault(&spec, "revisionHistoryLimit", 10)
            child(&spec, "persistentVolumeClaimRetentionPolicy", create: true) { p in
                setDefault(&p, "whenDeleted", "Retain")
                setDefault(&p, "whenScaled", "Retain")
            }
            child(&spec, "template", create: true, podTemplate)
            eachElement(&spec, "volumeClaimTemplates") { t in
                // Templates are stored as full claims.
                var o: JSONObject = ["apiVersion": "v1", "kind": "PersistentVolumeClaim"]
                for (k, v) in t.object ?? [:] where k != "apiVersion" && k != "kind" { o[k] = v }
                t = .object(o)
                templateMetadata(&t)
                child(&t, "spec", create: true) { setDefault(&$0, "volumeMode", "Filesystem") }
                child(&t, "status", create: true) { setDefault(&$0, "phase", "Pending") }
            }
        }
    }

    static func deployment(_ obj: inout JSONValue) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "replicas", 1)
            child(&spec, "strategy", create: true) { s in
                setDefault(&s, "type", "RollingUpdate")
                if s["type"].string == "RollingUpdate" {
                    child(&s, "rollingUpdate", create: true) { r in
                        setDefault(&r, "maxUnavailable", "25%")
                        setDefault(&r, "maxSurge", "25%")
                    }
                }
            }
            setDefault(&spec, "revisionHistoryLimit", 10)
            setDefault(&spec, "progressDeadlineSeconds", 600)
            child(&spec, "template", create: true, podTemplate)
        }
    }

    static func replicaSet(_ obj: inout JSONValue) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "replicas", 1)
            child(&spec, "template", podTemplate)
        }
    }

    static func replicationController(_ obj: inout JSONValue) {
        let templateLabels = obj["spec"]["template"]["metadata"]["labels"]
        let labels = obj["metadata"]["labels"]
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "replicas", 1)
            if spec["selector"].object?.isEmpty ?? true, !templateLabels.isNull { spec["selector"] = templateLabels }
            child(&spec, "template", podTemplate)
        }
        if labels.object?.isEmpty ?? true, !templateLabels.isNull {
            child(&obj, "metadata", create: true) { $0["labels"] = templateLabels }
        }
    }

    static func daemonSet(_ obj: inout JSONValue) {
        child(&obj, "spec", create: true) { spec in
            child(&spec, "updateStrategy", create: true) { s in
                setDefault(&s, "type", "RollingUpdate")
                if s["type"].string == "RollingUpdate" {
                    child(&s, "rollingUpdate", create: true) { r in
                        setDefault(&r, "maxUnavailable", 1)
                        setDefault(&r, "maxSurge", 0)
                    }
                }
            }
            setDefault(&spec, "revisionHistoryLimit", 10)
            child(&spec, "template", create: true, podTemplate)
        }
    }

    static func job(_ obj: inout JSONValue) {
        let uid = obj["metadata"]["uid"].string ?? ""
        let jobName = obj["metadata"]["name"].string ?? ""
        child(&obj, "spec", create: true) { spec in
            // The job strategy generates the selector from the UID; without one the caller must do it later.
            if spec["manualSelector"].bool != true, !uid.isEmpty, spec["selector"].isNull {
                spec["selector"] = ["matchLabels": ["batch.kubernetes.io/controller-uid": .string(uid)]]
                child(&spec, "template", create: true) { t in
                    child(&t, "metadata", create: true) { m in
                        child(&m, "labels", create: true) { l in
                            l["batch.kubernetes.io/controller-uid"] = .string(uid)
                            l["batch.kubernetes.io/job-name"] = .string(jobName)
                            l["controller-uid"] = .string(uid)
                            l["job-name"] = .string(jobName)
                        }
                    }
                }
            }
            if spec["completions"].isNull && spec["parallelism"].isNull {
                spec["completions"] = 1
                spec["parallelism"] = 1
            }
            setDefault(&spec, "parallelism", 1)
            setDefault(&spec, "backoffLimit", 6)
            setDefault(&spec, "completionMode", "NonIndexed")
            setDefault(&spec, "suspend", false)
            if spec["podFailurePolicy"].isNull { setDefault(&spec, "podReplacementPolicy", "TerminatingOrFailed") }
            else { setDefault(&spec, "podReplacementPolicy", "Failed") }
            child(&spec, "template", create: true, podTemplate)
        }
    }

    static func cronJob(_ obj: inout JSONValue) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "concurrencyPolicy", "Allow")
            setDefault(&spec, "suspend", false)
            setDefault(&spec, "successfulJobsHistoryLimit", 3)
            setDefault(&spec, "failedJobsHistoryLimit", 1)
            child(&spec, "jobTemplate", create: true) { jt in
                templateMetadata(&jt)
                child(&jt, "spec", create: true) { child(&$0, "template", create: true, podTemplate) }
            }
        }
    }

    // MARK: Networking

    static func service(_ obj: inout JSONValue, old: JSONValue?) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "sessionAffinity", "None")
            setDefault(&spec, "type", "ClusterIP")
            let type = spec["type"].string ?? "ClusterIP"
            eachElement(&spec, "ports") { p in
                setDefault(&p, "protocol", "TCP")
                if p["targetPort"].isNull || p["targetPort"] == 0 || p["targetPort"] == "" { p["targetPort"] = p["port"] }
            }
            if type == "NodePort" || type == "LoadBalancer" { setDefault(&spec, "externalTrafficPolicy", "Cluster") }
            if type != "ExternalName" { setDefault(&spec, "internalTrafficPolicy", "Cluster") }
            if type == "LoadBalancer" { setDefault(&spec, "allocateLoadBalancerNodePorts", true) }
            if spec["sessionAffinity"].string == "ClientIP" {
                child(&spec, "sessionAffinityConfig", create: true) { c in
                    child(&c, "clientIP", create: true) { setDefault(&$0, "timeoutSeconds", 10800) }
                }
            }
            if let old {
                // Updates keep allocated addresses the client did not send.
                let oldSpec = old["spec"]
                if spec["clusterIP"].isNull || spec["clusterIP"] == "" { spec["clusterIP"] = oldSpec["clusterIP"] }
                if spec["clusterIPs"].isNull {
                    if spec["clusterIP"] == oldSpec["clusterIP"] { spec["clusterIPs"] = oldSpec["clusterIPs"] }
                    else if let ip = spec["clusterIP"].string { spec["clusterIPs"] = [.string(ip)] }
                }
                for key in ["ipFamilies", "ipFamilyPolicy"] where spec[key].isNull { spec[key] = oldSpec[key] }
                eachElement(&spec, "ports") { p in
                    guard p["nodePort"].isNull else { return }
                    if let match = old["spec"]["ports"].items.first(where: { $0["port"] == p["port"] && $0["protocol"] == p["protocol"] }),
                       !match["nodePort"].isNull { p["nodePort"] = match["nodePort"] }
                }
            }
            if type != "ExternalName" {
                if let ip = spec["clusterIP"].string, !ip.isEmpty, spec["clusterIPs"].isNull { spec["clusterIPs"] = [.string(ip)] }
                setDefault(&spec, "ipFamilies", ["IPv4"])
                setDefault(&spec, "ipFamilyPolicy", "SingleStack")
            }
        }
        if old == nil { obj["status"] = ["loadBalancer": .emptyObject] }
    }

    static func endpoints(_ obj: inout JSONValue) {
        eachElement(&obj, "subsets") { s in eachElement(&s, "ports") { setDefault(&$0, "protocol", "TCP") } }
    }

    // MARK: Storage

    static func pvc(_ obj: inout JSONValue, resetStatus: Bool) {
        child(&obj, "spec", create: true) { setDefault(&$0, "volumeMode", "Filesystem") }
        if resetStatus { obj["status"] = ["phase": "Pending"] }
    }

    static func pv(_ obj: inout JSONValue, resetStatus: Bool) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "persistentVolumeReclaimPolicy", "Retain")
            setDefault(&spec, "volumeMode", "Filesystem")
            child(&spec, "hostPath") { setDefault(&$0, "type", "") }
        }
        if resetStatus { obj["status"] = ["phase": "Pending"] }
    }

    static func storageClass(_ obj: inout JSONValue) {
        setDefault(&obj, "reclaimPolicy", "Delete")
        setDefault(&obj, "volumeBindingMode", "Immediate")
    }

    // MARK: Config and cluster

    static func secret(_ obj: inout JSONValue) {
        setDefault(&obj, "type", "Opaque")
        guard let plain = obj["stringData"].object else { return }
        var data = obj["data"].object ?? [:]
        for (key, value) in plain {
            data[key] = .string(Base64.encode(Array((value.scalarText ?? "").utf8)))
        }
        obj["stringData"] = .null
        obj["data"] = .object(data)
    }

    static func namespace(_ obj: inout JSONValue) {
        child(&obj, "metadata", create: true) { meta in
            if let name = meta["name"].string {
                child(&meta, "labels", create: true) { $0["kubernetes.io/metadata.name"] = .string(name) }
            }
        }
        child(&obj, "spec", create: true) { setDefault(&$0, "finalizers", ["kubernetes"]) }
        child(&obj, "status", create: true) { setDefault(&$0, "phase", "Active") }
    }

    static func node(_ obj: inout JSONValue) {
        child(&obj, "status") { status in
            if status["allocatable"].isNull, !status["capacity"].isNull { status["allocatable"] = status["capacity"] }
        }
    }
}

/// Standard base64 (what Go's encoding/json does to []byte).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes standard base64; nil when the text is not valid.
    public static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        var padding = 0
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(c - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(c - 97 + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(c - 48 + 52)
            case UInt8(ascii: "+"): values.append(62)
            case UInt8(ascii: "/"): values.append(63)
            case UInt8(ascii: "="): padding += 1; continue
            default: return nil
            }
            if padding > 0 { return nil }
        }
        guard (values.count + padding) % 4 == 0, padding <= 2 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < values.count {
            let chunk = values[i..<min(i + 4, values.count)]
            var n: UInt32 = 0
            for (j, v) in chunk.enumerated() { n |= UInt32(v) << UInt32(18 - 6 * j) }
            out.append(UInt8(n >> 16 & 255))
            if chunk.count > 2 { out.append(UInt8(n >> 8 & 255)) }
            if chunk.count > 3 { out.append(UInt8(n & 255)) }
            i += 4
        }
        return out
    }
}
