/// PersistentVolumeClaim (v1): the binder fills volumeName, the default-class admission storageClassName,
/// and the protection controller its finalizer; a replace keeps them.
extension KindDescriptor {
    static let persistentVolumeClaim = KindDescriptor(
        ResourceType(kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims", shortNames: ["pvc"]),
        schema: StorageSchemas.pvc, defaults: { obj, operation, _ in Defaulting.pvc(&obj, resetStatus: operation == .create) },
        validate: { v, obj in v.claimSpec(obj["spec"], path: "spec") }, validateUpdate: UpdateValidation.claim,
        serverFilledSpecFields: ["volumeName", "storageClassName"], keepsFinalizers: true)
}

extension Defaulting {
    static func pvc(_ obj: inout JSONValue, resetStatus: Bool) {
        child(&obj, "spec", create: true) { setDefault(&$0, "volumeMode", "Filesystem") }
        if resetStatus { obj["status"] = ["phase": "Pending"] }
    }
}

extension UpdateValidation {
    static let claimMessage = "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"

    /// ValidatePersistentVolumeClaimUpdate: only the requested size and the attributes class may change.
    static func claim(_ new: JSONValue, old: JSONValue) -> [FieldError] {
        var a = new["spec"], b = old["spec"]
        a["resources"]["requests"] = .null; b["resources"]["requests"] = .null
        a["volumeAttributesClassName"] = .null; b["volumeAttributesClassName"] = .null
        return a.normalisedEmpty == b.normalisedEmpty ? [] : [FieldError("spec", .forbidden, claimMessage)]
    }
}
