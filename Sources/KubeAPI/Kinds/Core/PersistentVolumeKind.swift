/// PersistentVolume (v1): cluster-scoped storage; the protection controller's finalizer survives a replace.
extension KindDescriptor {
    static let persistentVolume = KindDescriptor(
        ResourceType(kind: "PersistentVolume", plural: "persistentvolumes", shortNames: ["pv"], namespaced: false),
        schema: StorageSchemas.pv, defaults: { obj, operation, _ in Defaulting.pv(&obj, resetStatus: operation == .create) },
        validate: { v, obj in v.persistentVolume(obj["spec"]) }, serverFilledSpecFields: ["storageClassName"], keepsFinalizers: true)
}

extension Defaulting {
    static func pv(_ obj: inout JSONValue, resetStatus: Bool) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "persistentVolumeReclaimPolicy", "Retain")
            setDefault(&spec, "volumeMode", "Filesystem")
            child(&spec, "hostPath") { setDefault(&$0, "type", "") }
        }
        if resetStatus { obj["status"] = ["phase": "Pending"] }
    }
}

extension Validation {
    mutating func persistentVolume(_ spec: JSONValue) {
        if spec["accessModes"].items.isEmpty { add("spec.accessModes", .required) }
        for m in spec["accessModes"].items {
            let mode = m.string ?? ""
            if !StorageSchemas.accessModes.contains(mode) {
                add("spec.accessModes", .unsupported(value: GoFormat.quoted(mode), allowed: StorageSchemas.accessModes))
            }
        }
        if spec["capacity"].object?.isEmpty ?? true { add("spec.capacity", .required) }
        else if spec["capacity"]["storage"].isNull {
            add("spec.capacity", .unsupported(value: GoFormat.quoted(spec["capacity"].object?.keys.first ?? ""), allowed: ["storage"]))
        }
        let sources = (["hostPath", "local", "nfs", "csi"] + PodSchemas.legacyVolumeSources.map(\.name)).filter { !spec[$0].isNull }
        if sources.isEmpty { add("spec", .required, "must specify a volume type") }
        if let policy = spec["persistentVolumeReclaimPolicy"].string, !["Delete", "Recycle", "Retain"].contains(policy) {
            add("spec.persistentVolumeReclaimPolicy", .unsupported(value: GoFormat.quoted(policy), allowed: ["Delete", "Recycle", "Retain"]))
        }
        storageClassName(spec, path: "spec")
        if !spec["local"].isNull && spec["nodeAffinity"].isNull {
            add("spec.nodeAffinity", .required, "Local volume requires node affinity")
        }
    }
}
