import KubeAPI

/// The namespace controller: a namespace being deleted is marked Terminating, everything in it is
/// deleted, and once it is empty its `kubernetes` finalizer is dropped so the namespace goes.
public final class NamespaceController: Controller {
    public let name = "namespace-controller"
    public let watchedKinds = WatchedKinds.every
    static let namespaceType = ResourceRegistry.forKind("Namespace")
        ?? ResourceType(kind: "Namespace", plural: "namespaces", namespaced: false)

    /// Namespaces being emptied; deletions inside them wake the controller.
    private var terminating: Set<String> = []

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        if event.resource.kind == "Namespace" {
            if event.kind == .deleted {
                terminating.remove(event.object.name)
                return []
            }
            if event.object.isDeleting {
                terminating.insert(event.object.name)
                return [event.object.name]
            }
            return []
        }
        if event.kind == .deleted, let ns = event.object.namespace, terminating.contains(ns) { return [ns] }
        return []
    }

    public func sync(_ key: String, in cluster: Cluster) {
        let ref = ObjectRef(Self.namespaceType, namespace: "", name: key)
        guard let namespace = cluster.store.get(ref), namespace.isDeleting else { return }
        if namespace["status"]["phase"].string != "Terminating" {
            _ = try? cluster.store.modify(ref) { $0["status"]["phase"] = "Terminating" }
        }
        var remaining = 0
        for type in ResourceRegistry.all where type.namespaced {
            for obj in cluster.store.list(type, namespace: key) {
                remaining += 1
                if !obj.isDeleting {
                    _ = try? cluster.api.delete(ObjectRef(type, namespace: key, name: obj.name), propagation: .background)
                }
            }
        }
        if remaining > 0 {
            remaining = ResourceRegistry.all.filter(\.namespaced).reduce(0) { $0 + cluster.store.list($1, namespace: key).count }
        }
        if remaining == 0 {
            _ = try? cluster.store.modify(ref) { $0["spec"]["finalizers"] = .null }
        }
    }
}
