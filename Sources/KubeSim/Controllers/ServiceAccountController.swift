import KubeAPI

/// The service-account controller: every live namespace has a `default` ServiceAccount, recreated
/// if deleted.
public final class ServiceAccountController: Controller {
    public let name = "service-account-controller"
    public let watchedKinds = WatchedKinds.only(["Namespace", "ServiceAccount"])
    static let saType = ResourceRegistry.forKind("ServiceAccount") ?? ResourceType(kind: "ServiceAccount", plural: "serviceaccounts")
    static let namespaceType = ResourceRegistry.forKind("Namespace")
        ?? ResourceType(kind: "Namespace", plural: "namespaces", namespaced: false)

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        switch event.resource.kind {
        case "Namespace": return event.kind == .added ? [event.object.name] : []
        case "ServiceAccount":
            return event.kind == .deleted && event.object.name == "default" ? [event.object.namespace ?? "default"] : []
        default: return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let ns = cluster.store.get(Self.namespaceType, namespace: nil, name: key), !ns.isDeleting,
            cluster.store.get(Self.saType, namespace: key, name: "default") == nil
        else { return }
        let sa: JSONValue = ["apiVersion": "v1", "kind": "ServiceAccount",
                             "metadata": ["name": "default", "namespace": .string(key)]]
        _ = try? cluster.store.create(Self.saType, sa)
    }
}
