import KubeAPI

/// A reconcile loop, as in kube-controller-manager: watch events map to keys, and `sync`
/// brings the world for one key closer to what its spec asks for.
public protocol Controller: AnyObject {
    /// A short name used in events (`statefulset-controller`).
    var name: String { get }
    /// The keys a store change should enqueue for this controller (often an owner's key).
    func keys(for event: WatchEvent, in cluster: Cluster) -> [String]
    /// Reconciles one key. Changes go through `cluster.store`, which may enqueue more work.
    func sync(_ key: String, in cluster: Cluster)
}
