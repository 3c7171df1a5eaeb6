/// The resource types this API server knows, and how kubectl names resolve to them.
public enum ResourceRegistry {
    /// Every served type, from the kinds' descriptors (see `KindRegistry`).
    public static let all: [ResourceType] = KindRegistry.all.map(\.resource)

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
