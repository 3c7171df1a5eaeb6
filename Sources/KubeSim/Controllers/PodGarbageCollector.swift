import KubeAPI

/// The pod garbage collector's orphan rule (pkg/controller/podgc): pods bound to a node that no
/// longer exists are marked Failed with a `DisruptionTarget` condition and force-deleted, so a
/// StatefulSet can recreate them elsewhere after `kubectl delete node`. Upstream checks every 20 s
/// and waits a 40 s quarantine before trusting that the node is gone.
public final class PodGarbageCollector: Controller {
    public let name = "pod-garbage-collector"
    public let watchedKinds = WatchedKinds.only(["Node"])
    static let checkPeriod: Millis = 20_000
    static let quarantine: Millis = 40_000
    static let podType = ResourceRegistry.forKind("Pod") ?? ResourceType(kind: "Pod", plural: "pods")
    static let nodeType = ResourceRegistry.forKind("Node") ?? ResourceType(kind: "Node", plural: "nodes", namespaced: false)

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        guard event.resource.kind == "Node", event.kind == .deleted else { return [] }
        return [event.object.name]
    }

    /// A deleted node is noticed at the next 20 s check and trusted gone one quarantine later.
    public func sync(_ node: String, in cluster: Cluster) {
        let noticed = (cluster.now / Self.checkPeriod + 1) * Self.checkPeriod
        cluster.schedule(at: noticed + Self.quarantine) { [weak self] in
            self?.collectOrphans(of: node, in: cluster)
        }
    }

    func collectOrphans(of node: String, in cluster: Cluster) {
        guard cluster.store.get(Self.nodeType, namespace: nil, name: node) == nil else { return }
        let orphans = cluster.store.list(Self.podType, namespace: nil).filter { $0["spec"]["nodeName"].string == node }
        for pod in orphans {
            let ref = ObjectRef(Self.podType, namespace: pod.namespace ?? "default", name: pod.name)
            let phase = pod["status"]["phase"].string
            if phase != "Succeeded" && phase != "Failed" {
                let now = Timestamp.rfc3339(cluster.now)
                _ = try? cluster.store.modify(ref) { pod in
                    pod["status"]["phase"] = "Failed"
                    var conditions = pod["status"]["conditions"].items.filter { $0["type"].string != "DisruptionTarget" }
                    conditions.append([
                        "lastProbeTime": .null, "lastTransitionTime": .string(now), "message": "PodGC: node no longer exists",
                        "reason": "DeletionByPodGC", "status": "True", "type": "DisruptionTarget",
                    ])
                    pod["status"]["conditions"] = .array(conditions)
                }
            }
            _ = try? cluster.api.delete(ref, gracePeriodSeconds: 0)
        }
    }
}
