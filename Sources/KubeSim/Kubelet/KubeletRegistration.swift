import KubeAPI

/// What a kubelet does as it starts: it registers its Node if the API server has none (after
/// `kubectl delete node`), then posts a fresh status — every condition healthy, heartbeats now —
/// with the events `kubectl describe node` lists after a restart.
enum KubeletRegistration {
    static let nodeType = ResourceRegistry.forKind("Node")!

    /// The four conditions a healthy kubelet reports, in the order it reports them.
    static let healthy: [(type: String, status: String, reason: String, message: String)] = [
        ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
    ]

    /// `rebooted`: the machine booted again, so the kernel has a new boot ID, which the kubelet's
    /// machine-info setter reports with a `Rebooted` warning.
    static func register(_ agent: NodeAgent, rebooted: Bool = false, in cluster: Cluster) {
        let ref = ObjectRef(nodeType, namespace: "", name: agent.name)
        let stamp = Timestamp.rfc3339(cluster.now)
        var existing = cluster.store.get(ref)
        if existing == nil, !agent.registration.isNull {
            var node: JSONValue = ["apiVersion": "v1", "kind": "Node"]
            var metadata: JSONValue = ["name": .string(agent.name)]
            metadata["labels"] = agent.registration["metadata"]["labels"]
            metadata["annotations"] = agent.registration["metadata"]["annotations"]
            node["metadata"] = metadata
            var spec = agent.registration["spec"]
            spec["unschedulable"] = nil
            // The kubelet registers its own taints only; the controllers' come back if still due.
            let own = spec["taints"].items.filter { !($0["key"].string ?? "").hasPrefix("node.kubernetes.io/") }
            spec["taints"] = own.isEmpty ? nil : .array(own)
            node["spec"] = spec
            var status = agent.registration["status"]
            status["conditions"] = nil
            node["status"] = status
            existing = try? cluster.store.create(nodeType, node)
            if let created = existing {
                cluster.recordEvent(for: created, type: "Normal", reason: "RegisteredNode",
                                    message: "Node \(agent.name) event: Registered Node \(agent.name) in Controller", source: "node-controller")
            }
        }
        guard let node = existing else { return }
        cluster.recordEvent(for: node, type: "Normal", reason: "Starting", message: "Starting kubelet.", source: "kubelet", host: agent.name)
        let bootID = rebooted ? cluster.rng.uuid() : nil
        if let bootID {
            cluster.recordEvent(for: node, type: "Warning", reason: "Rebooted",
                                message: "Node \(agent.name) has been rebooted, boot id: \(bootID)", source: "kubelet", host: agent.name)
        }
        let old = node["status"]["conditions"].items
        let conditions: [JSONValue] = healthy.map { c in
            let previous = old.first { $0["type"].string == c.type }
            let since = previous?["status"].string == c.status ? previous?["lastTransitionTime"] ?? .string(stamp) : .string(stamp)
            return ["lastHeartbeatTime": .string(stamp), "lastTransitionTime": since, "message": .string(c.message),
                    "reason": .string(c.reason), "status": .string(c.status), "type": .string(c.type)]
        }
        _ = try? cluster.store.modify(ref) { node in
            node["status"]["conditions"] = .array(conditions)
            if let bootID { node["status"]["nodeInfo"]["bootID"] = .string(bootID) }
        }
        for c in healthy where c.type != "Ready" {
            cluster.recordEvent(for: node, type: "Normal", reason: "Node" + String(c.reason.dropFirst("Kubelet".count)),
                                message: "Node \(agent.name) status is now: Node\(c.reason.dropFirst("Kubelet".count))",
                                source: "kubelet", host: agent.name)
        }
        cluster.recordEvent(for: node, type: "Normal", reason: "NodeAllocatableEnforced",
                            message: "Updated Node Allocatable limit across pods", source: "kubelet", host: agent.name)
        if old.contains(where: { $0["type"].string == "Ready" && $0["status"].string != "True" }) || old.isEmpty {
            cluster.recordEvent(for: node, type: "Normal", reason: "NodeReady", message: "Node \(agent.name) status is now: NodeReady",
                                source: "kubelet", host: agent.name)
        }
    }
}
