import KubeAPI

/// Which pods are bound to each node, kept from the watch like an informer's `spec.nodeName`
/// index, so a controller that acts on one node's pods (marking them not Ready, evicting them)
/// reads that node's few hundred pods instead of listing and sorting every pod in the cluster.
///
/// The index is built from the store the first time it is asked (pods stored before the
/// controller watched) and kept by `observe` from then on.
final class PodsOnNodes {
    private struct PodKey: Hashable {
        let namespace: String
        let name: String
    }

    private var byNode: [String: Set<PodKey>] = [:]
    private var loaded = false

    static let podType = ResourceRegistry.forKind("Pod")!

    /// Updates the index for one store change (any kind; only pods count).
    func observe(_ event: WatchEvent) {
        guard loaded, event.resource.kind == "Pod" else { return }
        let oldNode = event.old.flatMap(Self.node(of:))
        let newNode = event.kind == .deleted ? nil : Self.node(of: event.object)
        guard oldNode != newNode else { return }
        let key = PodKey(namespace: event.object.namespace ?? "", name: event.object.name)
        if let oldNode {
            byNode[oldNode]?.remove(key)
            if byNode[oldNode]?.isEmpty == true { byNode[oldNode] = nil }
        }
        if let newNode { byNode[newNode, default: []].insert(key) }
    }

    /// The pods bound to `node`, in the order `ObjectStore.list` gives them (namespace, then name).
    func pods(on node: String, in store: ObjectStore) -> [JSONValue] {
        if !loaded {
            loaded = true
            for pod in store.list(Self.podType, namespace: nil) {
                if let node = Self.node(of: pod) {
                    byNode[node, default: []].insert(PodKey(namespace: pod.namespace ?? "", name: pod.name))
                }
            }
        }
        return (byNode[node] ?? []).sorted(by: Self.listedBefore).compactMap {
            store.get(Self.podType, namespace: $0.namespace, name: $0.name)
        }
    }

    private static func node(of pod: JSONValue) -> String? { pod["spec"]["nodeName"].string }

    /// etcd's order of `namespace/name` keys, as the store lists them.
    private static func listedBefore(_ a: PodKey, _ b: PodKey) -> Bool {
        if a.namespace == b.namespace { return a.name < b.name }
        return a.namespace + "/" < b.namespace + "/"
    }
}
