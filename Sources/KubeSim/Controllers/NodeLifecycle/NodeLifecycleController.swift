import KubeAPI

/// The node lifecycle controller (pkg/controller/nodelifecycle): it watches each node's Lease in
/// `kube-node-lease`; once a lease has not been renewed for the node-monitor grace period it sets
/// the node's conditions to Unknown ("Kubelet stopped posting node status."), records
/// `NodeNotReady`, marks the node's pods not Ready, and keeps the `node.kubernetes.io/unreachable`
/// (or `not-ready`) NoSchedule and NoExecute taints in step with the Ready condition. Evicting the
/// pods is the taint eviction controller's part.
///
/// Rather than a pass every 5 s over every node, it arms one timer at the earliest instant a
/// healthy node's lease could expire, which a renewal pushes back.
public final class NodeLifecycleController: Controller {
    public let name = "node-controller"
    public let watchedKinds = WatchedKinds.only(["Node", "Pod"])
    static let nodeType = ResourceRegistry.forKind("Node")!
    static let podType = ResourceRegistry.forKind("Pod")!
    static let leaseType = ResourceRegistry.forKind("Lease")!
    static let monitorKey = "\u{0}monitor"

    private var armedAt: Millis?
    /// Nodes in the monitor, by name (kept from Node events so a pass reads no objects while
    /// every kubelet keeps renewing).
    private var known: Set<String> = []
    /// While set, the monitor arms no timer: the sandbox fast-forwards its twelve days of healthy
    /// uptime without a check every 50 s, then wakes the monitor at the session's start.
    var isDormant = false

    public init() {}

    /// Ends dormancy and checks every node now.
    func wake(in cluster: Cluster) {
        isDormant = false
        cluster.enqueue(self, key: Self.monitorKey)
    }

    /// Pods by node, for marking a lost node's pods not Ready.
    private let podsOnNodes = PodsOnNodes()

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        podsOnNodes.observe(event)
        guard event.resource.kind == "Node" else { return [] }
        guard event.kind != .deleted else {
            known.remove(event.object.name)
            return []
        }
        let node = event.object
        known.insert(node.name)
        let oldReady = event.old.flatMap(NodeHealth.readyStatus)
        // New nodes join the monitor; a changed Ready condition or stray taints need a pass.
        if event.kind == .added || oldReady != NodeHealth.readyStatus(node)
            || NodeHealth.taints(for: node, now: cluster.now) != node["spec"]["taints"].items
        {
            return [node.name, Self.monitorKey]
        }
        return []
    }

    public func sync(_ key: String, in cluster: Cluster) {
        if key == Self.monitorKey {
            monitor(in: cluster)
            return
        }
        guard let node = cluster.store.get(Self.nodeType, namespace: nil, name: key) else { return }
        let taints = NodeHealth.taints(for: node, now: cluster.now)
        if taints != node["spec"]["taints"].items {
            _ = try? cluster.store.modify(ObjectRef(Self.nodeType, namespace: "", name: key)) { n in
                n["spec"]["taints"] = taints.isEmpty ? nil : .array(taints)
            }
        }
    }

    /// The lease's last renewal: a running kubelet's latest one (written or not yet, see `Ticker`),
    /// else the stored one, else the node's creation.
    private func lastRenewal(of name: String, heartbeat: NodeHeartbeat?, in cluster: Cluster) -> Millis? {
        if let pending = heartbeat?.renewTime(of: name, at: cluster.now) { return pending }
        let lease = cluster.store.get(Self.leaseType, namespace: NodeHeartbeat.leaseNamespace, name: name)
        if let renewed = lease?["spec"]["renewTime"].string.flatMap(Timestamp.parse) { return renewed }
        return cluster.store.get(Self.nodeType, namespace: nil, name: name)?.creationTimestamp.flatMap(Timestamp.parse)
    }

    /// `monitorNodeHealth`: marks the nodes whose grace period ran out and re-arms for the rest.
    private func monitor(in cluster: Cluster) {
        armedAt = nil
        var next = Millis.max
        let heartbeat = cluster.controller(Kubelet.self)?.heartbeat
        for name in known.sorted() {
            let deadline = NodeHealth.observed(lastRenewal(of: name, heartbeat: heartbeat, in: cluster) ?? cluster.now) + NodeHealth.gracePeriod
            if cluster.now < deadline {
                next = min(next, deadline)
            } else if let node = cluster.store.get(Self.nodeType, namespace: nil, name: name), NodeHealth.readyStatus(node) != "Unknown" {
                markLost(node, in: cluster)
            }
        }
        arm(at: next, in: cluster)
    }

    private func arm(at time: Millis, in cluster: Cluster) {
        guard !isDormant, time != .max, armedAt.map({ time < $0 }) ?? true else { return }
        armedAt = time
        cluster.schedule(at: time) { [weak self, unowned cluster] in
            guard let self, self.armedAt == time else { return }
            cluster.enqueue(self, key: Self.monitorKey)
        }
    }

    private func markLost(_ node: JSONValue, in cluster: Cluster) {
        let wasReady = NodeHealth.readyStatus(node) == "True"
        let conditions = NodeHealth.unknownConditions(node["status"]["conditions"].items, now: cluster.now)
        guard let updated = try? cluster.store.modify(ObjectRef(Self.nodeType, namespace: "", name: node.name), { n in
            n["status"]["conditions"] = .array(conditions)
        }) else { return }
        guard wasReady else { return }
        cluster.recordEvent(for: updated, type: "Normal", reason: "NodeNotReady",
                            message: "Node \(node.name) status is now: NodeNotReady", source: name)
        markPodsNotReady(on: node.name, in: cluster)
    }

    /// `MarkPodsNotReady`: the Ready condition of every pod on the node turns False, so Services
    /// and DNS stop answering with them; the containers' own statuses stay as last reported.
    private func markPodsNotReady(on node: String, in cluster: Cluster) {
        let stamp = JSONValue.string(Timestamp.rfc3339(cluster.now))
        for pod in podsOnNodes.pods(on: node, in: cluster.store) {
            let conditions = pod["status"]["conditions"].items
            guard conditions.contains(where: { $0["type"].string == "Ready" && $0["status"].string != "False" }) else { continue }
            let ref = ObjectRef(Self.podType, namespace: pod.namespace ?? "default", name: pod.name)
            guard let updated = try? cluster.store.modify(ref, { p in
                p["status"]["conditions"] = .array(conditions.map { c in
                    guard c["type"].string == "Ready" else { return c }
                    var c = c
                    c["status"] = "False"
                    c["lastTransitionTime"] = stamp
                    return c
                })
            }) else { continue }
            cluster.recordEvent(for: updated, type: "Warning", reason: "NodeNotReady", message: "Node is not ready", source: name)
        }
    }
}
