/// The `patchStrategy` / `patchMergeKey` tags of the API's Go types, which tell a strategic merge
/// patch to merge a list element by element instead of replacing it. Keyed by the schema's type
/// name and field, as upstream keys them by struct and field (`k8s.io/api/core/v1/types.go`).
public enum PatchStrategies {
    /// How one list field merges.
    public struct ListMerge: Equatable, Sendable {
        /// The field naming an element (`name`, `containerPort`); nil for lists of scalars, which merge as sets.
        public let mergeKey: String?
    }

    static let lists: [String: ListMerge] = [
        "ObjectMeta.finalizers": ListMerge(mergeKey: nil),
        "ObjectMeta.ownerReferences": ListMerge(mergeKey: "uid"),
        "PodSpec.volumes": ListMerge(mergeKey: "name"),
        "PodSpec.initContainers": ListMerge(mergeKey: "name"),
        "PodSpec.containers": ListMerge(mergeKey: "name"),
        "PodSpec.ephemeralContainers": ListMerge(mergeKey: "name"),
        "PodSpec.imagePullSecrets": ListMerge(mergeKey: "name"),
        "PodSpec.hostAliases": ListMerge(mergeKey: "ip"),
        "PodSpec.topologySpreadConstraints": ListMerge(mergeKey: "topologyKey"),
        "PodSpec.resourceClaims": ListMerge(mergeKey: "name"),
        "PodSpec.schedulingGates": ListMerge(mergeKey: "name"),
        "Container.ports": ListMerge(mergeKey: "containerPort"),
        "Container.env": ListMerge(mergeKey: "name"),
        "Container.volumeMounts": ListMerge(mergeKey: "mountPath"),
        "Container.volumeDevices": ListMerge(mergeKey: "devicePath"),
        "EphemeralContainer.ports": ListMerge(mergeKey: "containerPort"),
        "EphemeralContainer.env": ListMerge(mergeKey: "name"),
        "EphemeralContainer.volumeMounts": ListMerge(mergeKey: "mountPath"),
        "EphemeralContainer.volumeDevices": ListMerge(mergeKey: "devicePath"),
        "PodStatus.conditions": ListMerge(mergeKey: "type"),
        "PodStatus.podIPs": ListMerge(mergeKey: "ip"),
        "PodStatus.hostIPs": ListMerge(mergeKey: "ip"),
        "ServiceSpec.ports": ListMerge(mergeKey: "port"),
        "NodeSpec.podCIDRs": ListMerge(mergeKey: nil),
        "NodeStatus.conditions": ListMerge(mergeKey: "type"),
        "NodeStatus.addresses": ListMerge(mergeKey: "type"),
        "NamespaceStatus.conditions": ListMerge(mergeKey: "type"),
        "PersistentVolumeClaimStatus.conditions": ListMerge(mergeKey: "type"),
        "DeploymentStatus.conditions": ListMerge(mergeKey: "type"),
        "StatefulSetStatus.conditions": ListMerge(mergeKey: "type"),
        "DaemonSetStatus.conditions": ListMerge(mergeKey: "type"),
        "ReplicaSetStatus.conditions": ListMerge(mergeKey: "type"),
        "ReplicationControllerStatus.conditions": ListMerge(mergeKey: "type"),
        "JobStatus.conditions": ListMerge(mergeKey: "type"),
    ]

    /// How `field` of the object type `typeName` merges when it is a list; nil means it is replaced whole.
    public static func list(_ typeName: String, _ field: String) -> ListMerge? { lists[typeName + "." + field] }
}
