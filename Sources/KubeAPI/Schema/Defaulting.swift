
/// The API server's defaulting (`SetDefaults_*` in pkg/apis/*/v1/defaults.go) plus the pure parts of the
/// registry strategies and admission plugins that run on create. The helpers and the pod spec's
/// defaults shared by every kind with a pod template live here; each kind's own defaults live in its
/// descriptor's file under `Kinds/`.
enum Defaulting {
    /// Runs the kind's defaulting; on create the status is reset to the kind's initial status.
    static func apply(_ obj: inout JSONValue, _ descriptor: KindDescriptor, operation: Admission.Operation, old: JSONValue?) {
        descriptor.defaults?(&obj, operation, old)
        if operation == .create, let empty = descriptor.initialStatus {
            // Create ignores client-supplied status; non-omitempty counters serialize as zero.
            obj["status"] = empty
        }
    }

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

    /// Template pod specs defaulted before (see `AdmissionMemo`): a CronJob's Jobs share its template's spec.
    private static let templateSpecs = AdmissionMemo<Int, JSONValue>()

    static func podTemplate(_ obj: inout JSONValue) {
        templateMetadata(&obj)
        child(&obj, "spec", create: true) { spec in
            let given = spec
            spec = templateSpecs.value(for: given, variant: 0) {
                var defaulted = given
                podSpec(&defaulted)
                return defaulted
            }
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
