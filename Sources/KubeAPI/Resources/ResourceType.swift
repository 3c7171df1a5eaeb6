/// One REST resource the API server serves (what `kubectl api-resources` lists).
public struct ResourceType: Hashable, Sendable {
    public let kind: String
    public let plural: String
    public let singular: String
    public let shortNames: [String]
    /// API group; "" is the core group.
    public let group: String
    public let version: String
    public let namespaced: Bool
    /// Resource categories, e.g. "all" for `kubectl get all`.
    public let categories: [String]

    public init(kind: String, plural: String, shortNames: [String] = [], group: String = "", version: String = "v1",
                namespaced: Bool = true, categories: [String] = [])
    {
        self.kind = kind
        self.plural = plural
        self.singular = kind.lowercased()
        self.shortNames = shortNames
        self.group = group
        self.version = version
        self.namespaced = namespaced
        self.categories = categories
    }

    /// `apps/v1`, or `v1` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// `statefulsets.apps`, or `pods`: the qualified resource named in API errors.
    public var qualifiedPlural: String { group.isEmpty ? plural : "\(plural).\(group)" }
    /// Whether the API server keeps `metadata.generation`: its registry strategy sets 1 on create and
    /// counts spec changes. Pods (before 1.33), services, claims, volumes, nodes and namespaces have
    /// a spec but no generation.
    public var tracksGeneration: Bool { Self.generationKinds.contains(kind) }

    private static let generationKinds: Set<String> = [
        "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController", "Job", "CronJob",
        "PodDisruptionBudget", "Ingress", "NetworkPolicy",
    ]

    /// `statefulset.apps`, or `pod`: the prefix kubectl prints before `/name`.
    public var qualifiedKind: String { group.isEmpty ? kind.lowercased() : "\(kind.lowercased()).\(group)" }
}
