import KubeAPI

/// One column of a kind's table, as the server's Table response describes it.
public struct TableColumn: Hashable, Sendable {
    public let name: String
    /// Shown only with `-o wide` (a non-zero priority in the Table response).
    public let wide: Bool

    public init(_ name: String, wide: Bool = false) {
        self.name = name
        self.wide = wide
    }
}

/// The columns of a kind and how to fill a row from an object; rows always hold every column.
public struct ResourceTable: Sendable {
    public let columns: [TableColumn]
    public let row: @Sendable (_ object: JSONValue, _ now: Millis) -> [String]

    public init(columns: [TableColumn], row: @escaping @Sendable (JSONValue, Millis) -> [String]) {
        self.columns = columns
        self.row = row
    }

    /// The table kubectl prints for a kind; kinds without a printer get the server's default table.
    public static func forKind(_ kind: String) -> ResourceTable {
        switch kind {
        case "Pod": return PodTable.table
        case "StatefulSet": return WorkloadTables.statefulSet
        case "Deployment": return WorkloadTables.deployment
        case "ReplicaSet": return WorkloadTables.replicaSet
        case "DaemonSet": return WorkloadTables.daemonSet
        case "Job": return WorkloadTables.job
        case "CronJob": return WorkloadTables.cronJob
        case "ControllerRevision": return WorkloadTables.controllerRevision
        case "ReplicationController": return WorkloadTables.replicationController
        case "Service": return NetworkTables.service
        case "Endpoints": return NetworkTables.endpoints
        case "PersistentVolume": return StorageTables.persistentVolume
        case "PersistentVolumeClaim": return StorageTables.persistentVolumeClaim
        case "StorageClass": return StorageTables.storageClass
        case "Node": return ClusterTables.node
        case "Namespace": return ClusterTables.namespace
        case "ConfigMap": return ClusterTables.configMap
        case "Secret": return ClusterTables.secret
        case "ServiceAccount": return ClusterTables.serviceAccount
        case "Event": return ClusterTables.event
        case "RoleBinding", "ClusterRoleBinding": return ClusterTables.roleBinding
        case "PodDisruptionBudget": return ClusterTables.podDisruptionBudget
        case "Lease": return ClusterTables.lease
        case "ResourceQuota": return ClusterTables.resourceQuota
        case "LimitRange", "PodTemplate": return ClusterTables.createdAt
        case "ComponentStatus": return ClusterTables.componentStatus
        default: return ClusterTables.defaultTable
        }
    }
}
