/// The resource types this API server knows, and how kubectl names resolve to them.
public enum ResourceRegistry {
    public static let all: [ResourceType] = [
        ResourceType(kind: "Binding", plural: "bindings"),
        ResourceType(kind: "ComponentStatus", plural: "componentstatuses", shortNames: ["cs"], namespaced: false),
        ResourceType(kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"]),
        ResourceType(kind: "Endpoints", plural: "endpoints", shortNames: ["ep"]),
        ResourceType(kind: "Event", plural: "events", shortNames: ["ev"]),
        ResourceType(kind: "LimitRange", plural: "limitranges", shortNames: ["limits"]),
        ResourceType(kind: "Namespace", plural: "namespaces", shortNames: ["ns"], namespaced: false),
        ResourceType(kind: "Node", plural: "nodes", shortNames: ["no"], namespaced: false),
        ResourceType(kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims", shortNames: ["pvc"]),
        ResourceType(kind: "PersistentVolume", plural: "persistentvolumes", shortNames: ["pv"], namespaced: false),
        ResourceType(kind: "Pod", plural: "pods", shortNames: ["po"], categories: ["all"]),
        ResourceType(kind: "PodTemplate", plural: "podtemplates"),
        ResourceType(kind: "ReplicationController", plural: "replicationcontrollers", shortNames: ["rc"], categories: ["all"]),
        ResourceType(kind: "ResourceQuota", plural: "resourcequotas", shortNames: ["quota"]),
        ResourceType(kind: "Secret", plural: "secrets"),
        ResourceType(kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"]),
        ResourceType(kind: "Service", plural: "services", shortNames: ["svc"], categories: ["all"]),
        ResourceType(kind: "ControllerRevision", plural: "controllerrevisions", group: "apps"),
        ResourceType(kind: "DaemonSet", plural: "daemonsets", shortNames: ["ds"], group: "apps", categories: ["all"]),
        ResourceType(kind: "Deployment", plural: "deployments", shortNames: ["deploy"], group: "apps", categories: ["all"]),
        ResourceType(kind: "ReplicaSet", plural: "replicasets", shortNames: ["rs"], group: "apps", categories: ["all"]),
        ResourceType(kind: "StatefulSet", plural: "statefulsets", shortNames: ["sts"], group: "apps", categories: ["all"]),
        ResourceType(kind: "CronJob", plural: "cronjobs", shortNames: ["cj"], group: "batch", categories: ["all"]),
        ResourceType(kind: "Job", plural: "jobs", group: "batch", categories: ["all"]),
        ResourceType(kind: "Lease", plural: "leases", group: "coordination.k8s.io"),
        ResourceType(kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", shortNames: ["pdb"], group: "policy"),
        ResourceType(kind: "ClusterRoleBinding", plural: "clusterrolebindings", group: "rbac.authorization.k8s.io", namespaced: false),
        ResourceType(kind: "ClusterRole", plural: "clusterroles", group: "rbac.authorization.k8s.io", namespaced: false),
        ResourceType(kind: "RoleBinding", plural: "rolebindings", group: "rbac.authorization.k8s.io"),
        ResourceType(kind: "Role", plural: "roles", group: "rbac.authorization.k8s.io"),
        ResourceType(kind: "StorageClass", plural: "storageclasses", shortNames: ["sc"], group: "storage.k8s.io", namespaced: false),
    ]

    /// Group/versions that once served these kinds and were removed; the server answers
    /// "no matches for kind" for them (apps/v1beta1 and v1beta2 went in 1.16, batch/v1beta1 in 1.25).
    public static let removedAPIVersions: Set<String> = [
        "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1", "batch/v1beta1", "batch/v2alpha1", "policy/v1beta1",
        "rbac.authorization.k8s.io/v1beta1", "storage.k8s.io/v1beta1",
    ]

    private static let byName: [String: ResourceType] = {
        var m: [String: ResourceType] = [:]
        for r in all {
            for n in [r.plural, r.singular] + r.shortNames {
                m[n] = m[n] ?? r
                if !r.group.isEmpty { m["\(n).\(r.group)"] = r; m["\(n).\(r.version).\(r.group)"] = r }
            }
        }
        return m
    }()

    private static let byKind: [String: ResourceType] = {
        var m: [String: ResourceType] = [:]
        for r in all { m[r.kind] = r }
        return m
    }()

    /// Resolves what a user typed (`po`, `pods`, `Pod`, `statefulset.apps`, `sts`) to a type.
    public static func lookup(_ name: String) -> ResourceType? {
        byName[name] ?? byName[name.lowercased()]
    }

    /// The type serving `kind` at `apiVersion`; nil when this server does not serve that pair.
    public static func forKind(_ kind: String, apiVersion: String) -> ResourceType? {
        guard let r = byKind[kind], r.apiVersion == apiVersion else { return nil }
        return r
    }

    public static func forKind(_ kind: String) -> ResourceType? { byKind[kind] }

    /// Types in a category, in the order `kubectl get all` prints them.
    public static func category(_ name: String) -> [ResourceType] {
        guard name == "all" else { return [] }
        let order = ["pods", "replicationcontrollers", "services", "daemonsets", "deployments", "replicasets",
                     "statefulsets", "horizontalpodautoscalers", "cronjobs", "jobs"]
        return order.compactMap { p in all.first { $0.plural == p } }
    }
}
