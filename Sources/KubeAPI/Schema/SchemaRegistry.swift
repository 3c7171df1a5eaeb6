/// The top-level schema for each kind the server serves.
public enum SchemaRegistry {
    static let byKind: [String: ObjectSchema] = [
        "Namespace": CoreSchemas.namespace, "Node": CoreSchemas.node, "Pod": PodSchemas.pod,
        "Service": CoreSchemas.service, "Endpoints": CoreSchemas.endpoints,
        "PersistentVolumeClaim": StorageSchemas.pvc, "PersistentVolume": StorageSchemas.pv,
        "StorageClass": StorageSchemas.storageClass, "Secret": CoreSchemas.secret, "ConfigMap": CoreSchemas.configMap,
        "ServiceAccount": CoreSchemas.serviceAccount, "Event": CoreSchemas.event,
        "StatefulSet": WorkloadSchemas.statefulSet, "ControllerRevision": WorkloadSchemas.controllerRevision,
        "Deployment": WorkloadSchemas.deployment, "ReplicaSet": WorkloadSchemas.replicaSet,
        "DaemonSet": WorkloadSchemas.daemonSet, "Job": WorkloadSchemas.job, "CronJob": WorkloadSchemas.cronJob,
        "PodDisruptionBudget": WorkloadSchemas.pdb,
        "Role": CoreSchemas.role, "ClusterRole": CoreSchemas.clusterRole,
        "RoleBinding": CoreSchemas.roleBinding, "ClusterRoleBinding": CoreSchemas.clusterRoleBinding,
        "PodTemplate": PolicySchemas.podTemplate, "ReplicationController": PolicySchemas.replicationController,
        "LimitRange": PolicySchemas.limitRange, "ResourceQuota": PolicySchemas.resourceQuota,
    ]

    /// The schema of a kind, or nil for kinds served without one (they are stored as given).
    public static func schema(forKind kind: String) -> ObjectSchema? { byKind[kind] }
}
