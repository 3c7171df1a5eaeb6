import KubeAPI

/// The taint eviction controller (pkg/controller/tainteviction): pods on a node with NoExecute
/// taints are deleted — at once when a taint is not tolerated, after the shortest
/// `tolerationSeconds` otherwise (300 s for the unreachable and not-ready tolerations every pod
/// gets from DefaultTolerationSeconds), never when tolerated without a limit (DaemonSet pods).
/// A deletion is graceful; on a lost node nothing confirms it, so the pod stays Terminating.
public final class TaintEvictionController: Controller {
    public let name = "taint-eviction-controller"
    public let watchedKinds = WatchedKinds.only(["Node", "Pod"])
    static let nodeType = ResourceRegistry.forKind("Node")!
    static let podType = ResourceRegistry.forKind("Pod")!

    private struct Scheduled {
        let createdAt: Millis
        let fireAt: Millis
        let uid: String
    }

    /// Pending evictions by pod key.
    private var scheduled: [String: Scheduled] = [:]
    /// Nodes that carry NoExecute taints, so pod changes elsewhere cost nothing.
    private var taintedNodes: Set<String> = []

    public init() {}

    static func noExecuteTaints(_ node: JSONValue) -> [JSONValue] {
        node["spec"]["taints"].items.filter { $0["effect"].string == "NoExecute" }
    }

    /// Pods by node, for a node whose NoExecute taints changed.
    private let podsOnNodes = PodsOnNodes()

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        podsOnNodes.observe(event)
        switch event.resource.kind {
        case "Node":
            let name = event.object.name
            let tainted = event.kind != .deleted && !Self.noExecuteTaints(event.object).isEmpty
            let was = taintedNodes.contains(name)
            if tainted { taintedNodes.insert(name) } else { taintedNodes.remove(name) }
            guard tainted || was else { return [] }
            if let old = event.old, Self.noExecuteTaints(old) == Self.noExecuteTaints(event.object) { return [] }
            return ["node/" + name]
        case "Pod":
            // No node tainted and no eviction pending: no pod change matters (the usual case).
            if taintedNodes.isEmpty && scheduled.isEmpty { return [] }
            let pod = event.object
            guard let node = pod["spec"]["nodeName"].string, taintedNodes.contains(node) || scheduled[event.namespacedKey] != nil else {
                return []
            }
            return ["pod/" + event.namespacedKey]
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        if key.hasPrefix("node/") {
            let node = String(key.dropFirst(5))
            for pod in podsOnNodes.pods(on: node, in: cluster.store) {
                process(pod, in: cluster)
            }
        } else if key.hasPrefix("pod/") {
            let podKey = String(key.dropFirst(4))
            guard let (ns, name) = NamespacedKey.split(podKey), let pod = cluster.store.get(Self.podType, namespace: ns, name: name)
            else {
                scheduled[podKey] = nil
                return
            }
            process(pod, in: cluster)
        }
    }

    /// `processPodOnNode`: schedules, keeps or cancels the pod's eviction.
    private func process(_ pod: JSONValue, in cluster: Cluster) {
        let key = pod.namespacedKey
        let node = pod["spec"]["nodeName"].string.flatMap { cluster.store.get(Self.nodeType, namespace: nil, name: $0) }
        let taints = node.map(Self.noExecuteTaints) ?? []
        if taints.isEmpty || pod.isDeleting || PodConditions.isTerminal(pod) {
            if scheduled.removeValue(forKey: key) != nil && !pod.isDeleting && taints.isEmpty {
                cluster.recordEvent(for: pod, type: "Normal", reason: "TaintManagerEviction",
                                    message: "Cancelling deletion of Pod \(key)", source: name)
            }
            return
        }
        let tolerations = pod["spec"]["tolerations"].items
        var shortest: Int? = nil
        for taint in taints {
            let matching = tolerations.filter { NodeMatching.tolerates($0, taint) }
            if matching.isEmpty {
                evict(pod, in: cluster)
                return
            }
            // A toleration without tolerationSeconds tolerates this taint for ever.
            let limits = matching.compactMap { $0["tolerationSeconds"].int }
            if limits.count == matching.count, let limit = limits.max() { shortest = min(shortest ?? limit, limit) }
        }
        guard let seconds = shortest else {
            scheduled[key] = nil
            return
        }
        let now = cluster.now
        let createdAt = scheduled[key].flatMap { $0.uid == pod.uid ? $0.createdAt : nil } ?? now
        let fireAt = createdAt + Millis(max(0, seconds)) * 1000
        if fireAt <= now {
            evict(pod, in: cluster)
            return
        }
        if let existing = scheduled[key], existing.uid == pod.uid, existing.fireAt == fireAt { return }
        scheduled[key] = Scheduled(createdAt: createdAt, fireAt: fireAt, uid: pod.uid)
        cluster.schedule(at: fireAt) { [weak self, unowned cluster] in
            guard let self, let s = self.scheduled[key], s.fireAt == fireAt, s.uid == pod.uid else { return }
            cluster.enqueue(self, key: "pod/" + key)
        }
    }

    /// `addConditionAndDeletePod`, announced by a `TaintManagerEviction` event.
    private func evict(_ pod: JSONValue, in cluster: Cluster) {
        let key = pod.namespacedKey
        scheduled[key] = nil
        cluster.recordEvent(for: pod, type: "Normal", reason: "TaintManagerEviction", message: "Marking for deletion Pod \(key)", source: name)
        let ref = ObjectRef(Self.podType, namespace: pod.namespace ?? "default", name: pod.name)
        let stamp = JSONValue.string(Timestamp.rfc3339(cluster.now))
        _ = try? cluster.store.modify(ref) { p in
            var conditions = p["status"]["conditions"].items.filter { $0["type"].string != "DisruptionTarget" }
            conditions.append(["lastProbeTime": nil, "lastTransitionTime": stamp, "message": "Taint manager: deleting due to NoExecute taint",
                               "reason": "DeletionByTaintManager", "status": "True", "type": "DisruptionTarget"])
            p["status"]["conditions"] = .array(conditions)
        }
        _ = try? cluster.api.delete(ref)
    }
}
