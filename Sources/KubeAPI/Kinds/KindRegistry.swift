/// The kinds this API server serves, each described once (see `KindDescriptor`), in the order
/// `kubectl api-resources` lists them.
public enum KindRegistry {
    public static let all: [KindDescriptor] = [
        // core/v1
        .binding, .componentStatus, .configMap, .endpoints, .event, .limitRange, .namespace, .node,
        .persistentVolumeClaim, .persistentVolume, .pod, .podTemplate, .replicationController, .resourceQuota,
        .secret, .serviceAccount, .service,
        // apps/v1
        .controllerRevision, .daemonSet, .deployment, .replicaSet, .statefulSet,
        // batch/v1
        .cronJob, .job,
        // coordination.k8s.io/v1
        .lease,
        // discovery.k8s.io/v1
        .endpointSlice,
        // policy/v1
        .podDisruptionBudget,
        // rbac.authorization.k8s.io/v1
        .clusterRoleBinding, .clusterRole, .roleBinding, .role,
        // storage.k8s.io/v1
        .storageClass, .volumeAttachment,
    ]

    private static let byKind: [String: KindDescriptor] = Dictionary(all.map { ($0.resource.kind, $0) }) { first, _ in first }

    /// The descriptor of a served kind; nil for kinds this server does not serve.
    public static func descriptor(forKind kind: String) -> KindDescriptor? { byKind[kind] }
}
