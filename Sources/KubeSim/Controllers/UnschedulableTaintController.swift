import KubeAPI

/// The node lifecycle controller's cordon rule: a node with `spec.unschedulable` carries the
/// `node.kubernetes.io/unschedulable:NoSchedule` taint (what `kubectl describe node` shows after
/// `kubectl cordon`), and loses it when made schedulable again.
public final class UnschedulableTaintController: Controller {
    public let name = "node-lifecycle-controller"
    public let watchedKinds = WatchedKinds.only(["Node"])
    static let nodeType = ResourceRegistry.forKind("Node") ?? ResourceType(kind: "Node", plural: "nodes", namespaced: false)
    static let taintKey = "node.kubernetes.io/unschedulable"

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        guard event.resource.kind == "Node", event.kind != .deleted, Self.needsChange(event.object) else { return [] }
        return [event.object.name]
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let node = cluster.store.get(Self.nodeType, namespace: nil, name: key), Self.needsChange(node) else { return }
        _ = try? cluster.store.modify(ObjectRef(Self.nodeType, namespace: "", name: key)) { node in
            var taints = node["spec"]["taints"].items.filter { $0["key"].string != Self.taintKey }
            if node["spec"]["unschedulable"].bool == true {
                taints.append(["effect": "NoSchedule", "key": .string(Self.taintKey)])
            }
            node["spec"]["taints"] = taints.isEmpty ? nil : .array(taints)
        }
    }

    private static func needsChange(_ node: JSONValue) -> Bool {
        let tainted = node["spec"]["taints"].items.contains { $0["key"].string == taintKey }
        return tainted != (node["spec"]["unschedulable"].bool == true)
    }
}
