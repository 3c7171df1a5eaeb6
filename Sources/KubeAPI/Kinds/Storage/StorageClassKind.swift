/// StorageClass (storage.k8s.io/v1): how claims of the class are provisioned and bound.
extension KindDescriptor {
    static let storageClass = KindDescriptor(
        ResourceType(kind: "StorageClass", plural: "storageclasses", shortNames: ["sc"], group: "storage.k8s.io", namespaced: false),
        schema: StorageSchemas.storageClass, defaults: { obj, _, _ in Defaulting.storageClass(&obj) },
        validate: { v, obj in v.storageClass(obj) })
}

extension Defaulting {
    static func storageClass(_ obj: inout JSONValue) {
        setDefault(&obj, "reclaimPolicy", "Delete")
        setDefault(&obj, "volumeBindingMode", "Immediate")
    }
}

extension Validation {
    mutating func storageClass(_ obj: JSONValue) {
        let provisioner = obj["provisioner"].string ?? ""
        if provisioner.isEmpty { add("provisioner", .required) }
        else {
            // Checked lower-cased, as validateProvisioner does.
            let lower = provisioner.lowercased()
            for m in NameRules.qualifiedName(lower) { add("provisioner", .invalid(value: GoFormat.quoted(lower)), m) }
        }
        if let policy = obj["reclaimPolicy"].string, policy != "Delete", policy != "Retain" {
            add("reclaimPolicy", .unsupported(value: GoFormat.quoted(policy), allowed: ["Delete", "Retain"]))
        }
        if let mode = obj["volumeBindingMode"].string, mode != "Immediate", mode != "WaitForFirstConsumer" {
            add("volumeBindingMode", .unsupported(value: GoFormat.quoted(mode), allowed: ["Immediate", "WaitForFirstConsumer"]))
        }
    }
}
