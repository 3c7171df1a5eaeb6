/// VolumeAttachment (storage.k8s.io/v1): the attach/detach controller's request that a CSI driver
/// attach one PersistentVolume to one node, named `csi-<sha256(volume handle, driver, node)>`.
extension KindDescriptor {
    static let volumeAttachment = KindDescriptor(
        ResourceType(kind: "VolumeAttachment", plural: "volumeattachments", group: "storage.k8s.io", namespaced: false),
        schema: StorageSchemas.volumeAttachment, validate: { v, obj in v.volumeAttachment(obj) })
}

extension Validation {
    /// As `ValidateVolumeAttachment`: the attacher and node are required, and the source names
    /// exactly one volume.
    mutating func volumeAttachment(_ obj: JSONValue) {
        let spec = obj["spec"]
        if (spec["attacher"].string ?? "").isEmpty { add("spec.attacher", .required) }
        if (spec["nodeName"].string ?? "").isEmpty { add("spec.nodeName", .required) }
        let named = spec["source"]["persistentVolumeName"].string.map { !$0.isEmpty } ?? false
        let inline = !spec["source"]["inlineVolumeSpec"].isNull
        let exactlyOne = "must specify exactly one of inlineVolumeSpec and persistentVolumeName"
        if !named && !inline { add("spec.source", .required, exactlyOne) }
        if named && inline { add("spec.source", .forbidden, exactlyOne) }
    }
}
