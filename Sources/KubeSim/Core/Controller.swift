import KubeAPI

/// A reconcile loop, as in kube-controller-manager: watch events map to keys, and `sync`
/// brings the world for one key closer to what its spec asks for.
public protocol Controller: AnyObject {
    /// A short name used in events (`statefulset-controller`).
    var name: String { get }
    /// The kinds whose changes this controller is told about, as the informers a real
    /// controller starts: events of other kinds never reach `keys(for:in:)`.
    var watchedKinds: WatchedKinds { get }
    /// The keys a store change should enqueue for this controller (often an owner's key).
    func keys(for event: WatchEvent, in cluster: Cluster) -> [String]
    /// Reconciles one key. Changes go through `cluster.store`, which may enqueue more work.
    func sync(_ key: String, in cluster: Cluster)
}

/// Which store changes a controller watches.
public enum WatchedKinds: Sendable {
    /// Every kind (the garbage collector and namespace controller follow any object).
    case every
    /// Only these kinds (`"Pod"`, `"Node"`...); `keys(for:in:)` must ignore, and keep no record
    /// of, every other kind.
    case only(Set<String>)

    public func contains(_ kind: String) -> Bool {
        switch self {
        case .every: return true
        case .only(let kinds): return kinds.contains(kind)
        }
    }
}
