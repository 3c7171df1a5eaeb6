import KubeAPI

/// How kubectl prints one kind: the columns of its table (what the server's Table response carries)
/// and its describer, registered per kind as kubectl's printers `AddHandlers` and describe's
/// `describerMap` do. Every served kind has an entry, even when it is the server's default table or
/// the generic describer (a test checks), so a new kind is printed on purpose, not by a fallback.
struct KindPrinters: Sendable {
    /// What a describer reads besides the object.
    struct DescribeContext {
        let store: ObjectStore
        /// The object's events, or nil with `--show-events=false`.
        let events: [JSONValue]?
        let now: Millis
    }

    typealias Describe = @Sendable (_ w: inout DescribeWriter, _ object: JSONValue, _ context: DescribeContext) -> Void

    let table: ResourceTable
    let describe: Describe

    /// The entry for `kind`; kinds this server does not serve get the default table and generic describer.
    static func forKind(_ kind: String) -> KindPrinters { byKind[kind] ?? fallback }

    static let fallback = KindPrinters(table: ClusterTables.defaultTable, describe: generic)

    private static let generic: Describe = { w, o, c in Describer.generic(&w, o, c.events, now: c.now) }

    /// A describer of workloads that appends the events section after the kind's own text.
    private static func withEvents(_ body: @escaping @Sendable (inout DescribeWriter, JSONValue, ObjectStore) -> Void) -> Describe {
        { w, o, c in
            body(&w, o, c.store)
            Describer.eventsSection(&w, c.events, now: c.now)
        }
    }

    static let byKind: [String: KindPrinters] = [
        "Binding": .init(table: ClusterTables.defaultTable, describe: generic),
        "ComponentStatus": .init(table: ClusterTables.componentStatus, describe: generic),
        "ConfigMap": .init(table: ClusterTables.configMap) { w, o, c in Describer.configMap(&w, o, c.events, now: c.now) },
        "Endpoints": .init(table: NetworkTables.endpoints) { w, o, c in Describer.endpoints(&w, o, c.events, now: c.now) },
        "Event": .init(table: ClusterTables.event, describe: generic),
        "LimitRange": .init(table: ClusterTables.createdAt, describe: generic),
        "Namespace": .init(table: ClusterTables.namespace) { w, o, c in Describer.namespace(&w, o, store: c.store) },
        "Node": .init(table: ClusterTables.node) { w, o, c in Describer.node(&w, o, store: c.store, c.events, now: c.now) },
        "PersistentVolumeClaim": .init(table: StorageTables.persistentVolumeClaim) { w, o, c in
            Describer.persistentVolumeClaim(&w, o, store: c.store, c.events, now: c.now)
        },
        "PersistentVolume": .init(table: StorageTables.persistentVolume) { w, o, c in Describer.persistentVolume(&w, o, c.events, now: c.now) },
        "Pod": .init(table: PodTable.table) { w, o, c in Describer.pod(&w, o, c.events, now: c.now) },
        "PodTemplate": .init(table: ClusterTables.createdAt, describe: generic),
        "ReplicationController": .init(table: WorkloadTables.replicationController, describe: generic),
        "ResourceQuota": .init(table: ClusterTables.resourceQuota, describe: generic),
        "Secret": .init(table: ClusterTables.secret) { w, o, _ in Describer.secret(&w, o) },
        "ServiceAccount": .init(table: ClusterTables.serviceAccount) { w, o, c in Describer.serviceAccount(&w, o, c.events, now: c.now) },
        "Service": .init(table: NetworkTables.service) { w, o, c in Describer.service(&w, o, store: c.store, c.events, now: c.now) },
        "ControllerRevision": .init(table: WorkloadTables.controllerRevision, describe: generic),
        "DaemonSet": .init(table: WorkloadTables.daemonSet, describe: withEvents { WorkloadDescriber.daemonSet(&$0, $1, store: $2) }),
        "Deployment": .init(table: WorkloadTables.deployment, describe: withEvents { WorkloadDescriber.deployment(&$0, $1, store: $2) }),
        "ReplicaSet": .init(table: WorkloadTables.replicaSet, describe: withEvents { WorkloadDescriber.replicaSet(&$0, $1, store: $2) }),
        "StatefulSet": .init(table: WorkloadTables.statefulSet) { w, o, c in Describer.statefulSet(&w, o, store: c.store, c.events, now: c.now) },
        "CronJob": .init(table: WorkloadTables.cronJob, describe: withEvents { w, o, _ in WorkloadDescriber.cronJob(&w, o) }),
        "Job": .init(table: WorkloadTables.job, describe: withEvents { w, o, _ in WorkloadDescriber.job(&w, o) }),
        "EndpointSlice": .init(table: EndpointSlicePrinters.table) { w, o, c in EndpointSlicePrinters.describe(&w, o, c.events, now: c.now) },
        "Lease": .init(table: ClusterTables.lease, describe: generic),
        "PodDisruptionBudget": .init(table: ClusterTables.podDisruptionBudget, describe: generic),
        "ClusterRoleBinding": .init(table: ClusterTables.roleBinding) { w, o, _ in RBACDescriber.binding(&w, o) },
        "ClusterRole": .init(table: ClusterTables.defaultTable) { w, o, _ in RBACDescriber.role(&w, o) },
        "RoleBinding": .init(table: ClusterTables.roleBinding) { w, o, _ in RBACDescriber.binding(&w, o) },
        "Role": .init(table: ClusterTables.defaultTable) { w, o, _ in RBACDescriber.role(&w, o) },
        "VolumeAttachment": .init(table: StorageTables.volumeAttachment, describe: generic),
        "StorageClass": .init(table: StorageTables.storageClass) { w, o, c in Describer.storageClass(&w, o, c.events, now: c.now) },
    ]
}
