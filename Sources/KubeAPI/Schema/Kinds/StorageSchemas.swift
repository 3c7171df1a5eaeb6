/// PersistentVolumeClaim, PersistentVolume and StorageClass.
enum StorageSchemas {
    typealias M = MetaSchemas

    static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]

    static let typedLocalObjectReference = ObjectSchema("TypedLocalObjectReference", "Names an object of some kind in the same namespace.", [
        F("apiGroup", .string, "Group of the kind; empty for the core group."),
        F("kind", .string, "Kind of the object.", required: true),
        F("name", .string, "Name of the object.", required: true),
    ])
    static let typedObjectReference = ObjectSchema("TypedObjectReference", "Names an object of some kind, possibly in another namespace.", [
        F("apiGroup", .string, "Group of the kind; empty for the core group."),
        F("kind", .string, "Kind of the object.", required: true),
        F("name", .string, "Name of the object.", required: true),
        F("namespace", .string, "Namespace of the object."),
    ])
    static let volumeResourceRequirements = ObjectSchema("VolumeResourceRequirements", "Storage a claim asks for.", [
        F("limits", .map(.quantity), "Most storage the claim may use."),
        F("requests", .map(.quantity), "Least storage the claim needs; storage is the key that matters."),
    ])
    static let pvcSpec = ObjectSchema("PersistentVolumeClaimSpec", "What storage a claim needs.", [
        F("accessModes", .array(.string), "How the volume may be mounted: ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod."),
        F("dataSource", .object(typedLocalObjectReference), "A snapshot or claim to copy data from."),
        F("dataSourceRef", .object(typedObjectReference), "Like dataSource, but may name any populator object."),
        F("resources", .object(volumeResourceRequirements), "How much storage is needed."),
        F("selector", .object(M.labelSelector), "Only bind to volumes with these labels."),
        F("storageClassName", .string, "StorageClass to provision from; the default class is used when unset, \"\" means none."),
        F("volumeAttributesClassName", .string, "VolumeAttributesClass for mutable volume attributes."),
        F("volumeMode", .string, "Filesystem or Block; defaults to Filesystem.", enum: ["Block", "Filesystem"],
          docs: ["exposes the volume as a raw block device.", "mounts the volume as a directory."]),
        F("volumeName", .string, "Bind to this specific PersistentVolume."),
    ])
    static let pvcCondition = ObjectSchema("PersistentVolumeClaimCondition", "One aspect of a claim's state.", [
        F("lastProbeTime", .time, "Last check."), F("lastTransitionTime", .time, "Last change."),
        F("message", .string, "Detail."), F("reason", .string, "Short cause."),
        F("status", .string, "True, False or Unknown.", required: true), F("type", .string, "Condition type.", required: true),
    ])
    static let pvcStatus = ObjectSchema("PersistentVolumeClaimStatus", "Observed state of a claim.", [
        F("accessModes", .array(.string), "Access modes of the bound volume."),
        F("allocatedResourceStatuses", .map(.string), "Progress of resize operations."),
        F("allocatedResources", .map(.quantity), "Storage allocated for the claim."),
        F("capacity", .map(.quantity), "Actual size of the bound volume."),
        F("conditions", .array(.object(pvcCondition)), "Current conditions, such as Resizing."),
        F("currentVolumeAttributesClassName", .string, "Attributes class in effect."),
        F("modifyVolumeStatus", .freeForm, "Progress of an attributes change."),
        F("phase", .string, "Pending, Bound or Lost.", enum: ["Bound", "Lost", "Pending"]),
    ])
    static let pvc = M.resource("PersistentVolumeClaim",
        "A PersistentVolumeClaim is a request for storage by a user; it binds to one PersistentVolume.", [
        F("spec", .object(pvcSpec), "The storage requested."),
        F("status", .object(pvcStatus), "The observed state. Read-only."),
    ])
    /// The claim shape inside a StatefulSet's volumeClaimTemplates.
    static let pvcTemplate = ObjectSchema("PersistentVolumeClaim",
        "A PersistentVolumeClaim is a request for storage by a user; it binds to one PersistentVolume.", pvc.fields)

    static let objectReference = ObjectSchema("ObjectReference", "Points at any object.", [
        F("apiVersion", .string, "API version of the object."), F("fieldPath", .string, "A field within the object."),
        F("kind", .string, "Kind of the object."), F("name", .string, "Name of the object."),
        F("namespace", .string, "Namespace of the object."), F("resourceVersion", .string, "Version the reference was made at."),
        F("uid", .string, "UID of the object."),
    ])
    static let localVolume = ObjectSchema("LocalVolumeSource", "A disk or directory attached to one node.", [
        F("fsType", .string, "Filesystem type for block devices."),
        F("path", .string, "Full path on the node.", required: true),
    ])
    static let csiPersistentVolume = ObjectSchema("CSIPersistentVolumeSource", "A volume managed by a CSI driver.", [
        F("controllerExpandSecretRef", .freeForm, "Secret for expand calls."),
        F("controllerPublishSecretRef", .freeForm, "Secret for publish calls."),
        F("driver", .string, "Name of the CSI driver.", required: true),
        F("fsType", .string, "Filesystem type."),
        F("nodeExpandSecretRef", .freeForm, "Secret for node expand calls."),
        F("nodePublishSecretRef", .freeForm, "Secret for node publish calls."),
        F("nodeStageSecretRef", .freeForm, "Secret for node stage calls."),
        F("readOnly", .boolean, "Mount read-only."),
        F("volumeAttributes", .map(.string), "Driver-specific attributes."),
        F("volumeHandle", .string, "ID the driver knows the volume by.", required: true),
    ])
    static let volumeNodeAffinity = ObjectSchema("VolumeNodeAffinity", "Nodes a volume can be used from.", [
        F("required", .object(PodSchemas.nodeSelector), "Nodes that can reach the volume."),
    ])
    static let pvSpec = ObjectSchema("PersistentVolumeSpec", "A piece of storage and how it may be used.",
        PodSchemas.legacyVolumeSources.filter { $0.name != "gitRepo" } + [
        F("accessModes", .array(.string), "How the volume may be mounted."),
        F("capacity", .map(.quantity), "Size of the volume, under the key storage."),
        F("claimRef", .object(objectReference), "The claim this volume is bound to."),
        F("csi", .object(csiPersistentVolume), "Storage from a CSI driver."),
        F("hostPath", .object(PodSchemas.hostPath), "A directory on one node; for tests and single-node clusters."),
        F("local", .object(localVolume), "A disk attached to one node; needs nodeAffinity."),
        F("mountOptions", .array(.string), "Extra mount options."),
        F("nfs", .object(PodSchemas.nfs), "An NFS export."),
        F("nodeAffinity", .object(volumeNodeAffinity), "Nodes that can use the volume."),
        F("persistentVolumeReclaimPolicy", .string, "What happens when the claim is released. Defaults to Retain (Delete for provisioned volumes).",
          enum: ["Delete", "Recycle", "Retain"],
          docs: ["deletes the volume and its storage.", "scrubs the volume for reuse (deprecated).", "keeps the volume for manual cleanup."]),
        F("storageClassName", .string, "StorageClass the volume belongs to."),
        F("volumeAttributesClassName", .string, "VolumeAttributesClass of the volume."),
        F("volumeMode", .string, "Filesystem or Block; defaults to Filesystem.", enum: ["Block", "Filesystem"]),
    ])
    static let pvStatus = ObjectSchema("PersistentVolumeStatus", "Observed state of a volume.", [
        F("lastPhaseTransitionTime", .time, "When the phase last changed."),
        F("message", .string, "Detail."),
        F("phase", .string, "Lifecycle phase.", enum: ["Available", "Bound", "Failed", "Pending", "Released"]),
        F("reason", .string, "Short cause."),
    ])
    static let pv = M.resource("PersistentVolume",
        "A PersistentVolume is a piece of cluster storage, provisioned by an administrator or by a StorageClass.", [
        F("spec", .object(pvSpec), "The storage and its policies."),
        F("status", .object(pvStatus), "The observed state. Read-only."),
    ])

    static let topologySelectorRequirement = ObjectSchema("TopologySelectorLabelRequirement", "A topology label and allowed values.", [
        F("key", .string, "Label key.", required: true), F("values", .array(.string), "Allowed values.", required: true),
    ])
    static let topologySelectorTerm = ObjectSchema("TopologySelectorTerm", "Topology labels that must match.", [
        F("matchLabelExpressions", .array(.object(topologySelectorRequirement)), "Label requirements."),
    ])
    static let volumeAttachmentSource = ObjectSchema("VolumeAttachmentSource", "The volume to attach.", [
        F("inlineVolumeSpec", .freeForm, "An inline volume migrated to CSI."),
        F("persistentVolumeName", .string, "Name of the PersistentVolume to attach."),
    ])
    static let volumeError = ObjectSchema("VolumeError", "An attach or detach failure.", [
        F("errorCode", .int32, "A numeric error code."), F("message", .string, "What went wrong."), F("time", .time, "When it happened."),
    ])
    static let volumeAttachment = M.resource("VolumeAttachment",
        "A VolumeAttachment asks a CSI driver to attach one volume to one node; the attach/detach controller creates it and the driver's attacher reports the result.", [
        F("spec", .object(ObjectSchema("VolumeAttachmentSpec", "The attachment wanted.", [
            F("attacher", .string, "Name of the CSI driver that attaches the volume.", required: true),
            F("nodeName", .string, "Node the volume is attached to.", required: true),
            F("source", .object(volumeAttachmentSource), "The volume.", required: true),
        ])), "The attachment wanted.", required: true),
        F("status", .object(ObjectSchema("VolumeAttachmentStatus", "What the attacher reports.", [
            F("attachError", .object(volumeError), "The last attach failure."),
            F("attached", .boolean, "Whether the volume is attached.", required: true),
            F("attachmentMetadata", .map(.string), "Driver information passed to the node when mounting."),
            F("detachError", .object(volumeError), "The last detach failure."),
        ])), "What the attacher reports. Read-only."),
    ])

    static let storageClass = ObjectSchema("StorageClass",
        "A StorageClass describes a kind of storage and the provisioner that creates volumes of it on demand.", [
        F("allowVolumeExpansion", .boolean, "Whether claims of this class may grow."),
        F("allowedTopologies", .array(.object(topologySelectorTerm)), "Where volumes may be provisioned."),
        M.apiVersionField, M.kindField, M.metadataField,
        F("mountOptions", .array(.string), "Mount options for provisioned volumes."),
        F("parameters", .map(.string), "Provisioner-specific settings."),
        F("provisioner", .string, "Name of the volume provisioner.", required: true),
        F("reclaimPolicy", .string, "Reclaim policy of provisioned volumes; defaults to Delete.", enum: ["Delete", "Recycle", "Retain"]),
        F("volumeBindingMode", .string, "When claims are bound; defaults to Immediate.", enum: ["Immediate", "WaitForFirstConsumer"],
          docs: ["binds and provisions as soon as the claim exists.", "waits until a pod using the claim is scheduled."]),
    ])
}
