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
    /// Whether and how the registry strategy keeps `metadata.generation`.
    public let generation: GenerationPolicy

    /// How a kind's `metadata.generation` counts changes.
    public enum GenerationPolicy: Hashable, Sendable {
        /// No generation: pods (before 1.33), services, claims, volumes, nodes and namespaces.
        case none
        /// Set to 1 on create, bumped when the spec changes.
        case spec
        /// Also bumped when annotations change (the Deployment strategy: rollback annotations count).
        case specAndAnnotations
    }

    public init(kind: String, plural: String, shortNames: [String] = [], group: String = "", version: String = "v1",
                namespaced: Bool = true, categories: [String] = [], generation: GenerationPolicy = .none)
    {
        self.kind = kind
        self.plural = plural
        self.singular = kind.lowercased()
        self.shortNames = shortNames
        self.group = group
        self.version = version
        self.namespaced = namespaced
        self.categories = categories
        self.generation = generation
        self.qualifiedPlural = group.isEmpty ? plural : "\(plural).\(group)"
        self.storageID = StorageID.number(for: qualifiedPlural)
    }

    /// `apps/v1`, or `v1` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// `statefulsets.apps`, or `pods`: the qualified resource named in API errors.
    public let qualifiedPlural: String
    /// This type's table in the store (see `StorageID`); follows from `qualifiedPlural`.
    let storageID: Int
    /// Whether the API server keeps `metadata.generation` (see `GenerationPolicy`).
    public var tracksGeneration: Bool { generation != .none }

    /// `statefulset.apps`, or `pod`: the prefix kubectl prints before `/name`.
    public var qualifiedKind: String { group.isEmpty ? kind.lowercased() : "\(kind.lowercased()).\(group)" }
}
