import KubeAPI

/// A running kubelet's two heartbeats: it renews its Lease in `kube-node-lease` every 10 s
/// (`renewInterval`, a quarter of the 40 s lease duration) and reports its node's status, whose
/// conditions carry `lastHeartbeatTime`, when something changed or every 5 minutes
/// (`nodeStatusReportFrequency`). Both are written lazily (see `Ticker`) with the time of the
/// latest period, so they read as if written on time while costing one write per look.
public final class NodeHeartbeat: Ticker {
    public static let leaseDurationSeconds = 40
    public static let renewInterval: Millis = 10_000
    public static let statusReportInterval: Millis = 300_000
    public static let leaseNamespace = "kube-node-lease"

    static let leaseType = ResourceRegistry.forKind("Lease")!
    static let nodeType = ResourceRegistry.forKind("Node")!

    unowned let kubelet: Kubelet
    public private(set) var nextDue: Millis = .max

    init(kubelet: Kubelet) { self.kubelet = kubelet }

    /// The latest instant at or before `now` on the grid `start + k * period`.
    static func latestTick(start: Millis, period: Millis, now: Millis) -> Millis {
        now < start ? start : start + (now - start) / period * period
    }

    /// The latest lease renewal of a running kubelet, whether or not it has been written yet; nil
    /// when the kubelet is not running (its last renewal is the one stored).
    public func renewTime(of node: String, at now: Millis) -> Millis? {
        guard let agent = kubelet.agents[node], agent.running else { return nil }
        return Self.latestTick(start: agent.kubeletStartedAt, period: Self.renewInterval, now: now)
    }

    /// Asks for a catch-up at the next look (a kubelet started or its node registered).
    func wake(at time: Millis) { nextDue = min(nextDue, time) }

    public func catchUp(in cluster: Cluster) {
        let now = cluster.now
        var next = Millis.max
        for name in kubelet.agents.keys.sorted() {
            guard let agent = kubelet.agents[name], agent.running,
                let node = cluster.store.get(Self.nodeType, namespace: nil, name: name)
            else { continue }
            let renew = Self.latestTick(start: agent.kubeletStartedAt, period: Self.renewInterval, now: now)
            renewLease(of: node, at: renew, in: cluster)
            let report = Self.latestTick(start: agent.kubeletStartedAt, period: Self.statusReportInterval, now: now)
            reportStatus(of: node, at: report, in: cluster)
            next = min(next, renew + Self.renewInterval)
        }
        nextDue = next
    }

    /// `2025-06-02T09:00:03.120000Z`: a MicroTime, as leases store their times.
    static func microTime(_ ms: Millis) -> String {
        let whole = Timestamp.rfc3339(ms)
        let millis = Int(((ms % 1000) + 1000) % 1000)
        guard whole.utf8.count == 20 else {
            let digits = String(millis)
            return String(whole.dropLast()) + "." + String(repeating: "0", count: 3 - digits.count) + digits + "000Z"
        }
        // Every lease renewal formats one: the seconds part's 19 bytes, then `.mmm000Z`.
        return String(unsafeUninitializedCapacity: 27) { out in
            var i = 0
            for byte in whole.utf8.prefix(19) {
                out[i] = byte
                i += 1
            }
            out[19] = 46  // .
            out[20] = UInt8(truncatingIfNeeded: 48 + millis / 100)
            out[21] = UInt8(truncatingIfNeeded: 48 + millis / 10 % 10)
            out[22] = UInt8(truncatingIfNeeded: 48 + millis % 10)
            out[23] = 48
            out[24] = 48
            out[25] = 48
            out[26] = 90  // Z
            return 27
        }
    }

    private func renewLease(of node: JSONValue, at renew: Millis, in cluster: Cluster) {
        let ref = ObjectRef(Self.leaseType, namespace: Self.leaseNamespace, name: node.name)
        let stamp = JSONValue.string(Self.microTime(renew))
        if let lease = cluster.store.get(ref) {
            if lease["spec"]["renewTime"] == stamp { return }
            _ = try? cluster.store.modify(ref) { $0["spec"]["renewTime"] = stamp }
            return
        }
        let lease: JSONValue = [
            "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
            "metadata": [
                "name": .string(node.name), "namespace": .string(Self.leaseNamespace),
                "ownerReferences": [["apiVersion": "v1", "kind": "Node", "name": .string(node.name), "uid": .string(node.uid)]],
            ],
            "spec": ["holderIdentity": .string(node.name), "leaseDurationSeconds": .int(Self.leaseDurationSeconds), "renewTime": stamp],
        ]
        // The lease's uid comes from the node's, not from the cluster's generator, so that adding
        // leases moved no other random value (names, IPs, placements) of an existing session.
        let makeUID = cluster.store.makeUID
        var generator = SeededGenerator(seed: node.uid.utf8.reduce(1_469_598_103_934_665_603) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 })
        cluster.store.makeUID = { generator.uuid() }
        defer { cluster.store.makeUID = makeUID }
        _ = try? cluster.store.create(Self.leaseType, lease)
    }

    /// Moves every condition's lastHeartbeatTime to the latest report, unless the node lifecycle
    /// controller has since marked them Unknown (a kubelet that came back reports afresh instead).
    private func reportStatus(of node: JSONValue, at report: Millis, in cluster: Cluster) {
        let stamp = JSONValue.string(Timestamp.rfc3339(report))
        let conditions = node["status"]["conditions"].items
        guard conditions.contains(where: { $0["lastHeartbeatTime"].string.flatMap(Timestamp.parse) ?? 0 < report }),
            !conditions.contains(where: { $0["status"].string == "Unknown" })
        else { return }
        _ = try? cluster.store.modify(ObjectRef(Self.nodeType, namespace: "", name: node.name)) { n in
            n["status"]["conditions"] = .array(conditions.map { c in
                var c = c
                c["lastHeartbeatTime"] = stamp
                return c
            })
        }
    }
}

extension Kubelet {
    /// Gives each kubelet its own phase within the renewal period, as kubelets started at
    /// different moments have (one draw per node, in name order).
    func staggerHeartbeats(using rng: inout SeededGenerator) {
        for name in agents.keys.sorted() {
            let offset = Millis(rng.int(in: 5_000...55_000))
            agents[name]?.kubeletStartedAt -= offset % NodeHeartbeat.renewInterval
        }
        heartbeat.wake(at: .min)
    }
}
