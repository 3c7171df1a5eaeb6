import KubeAPI
import Testing

@testable import KubeSim

/// The kubelet's lease heartbeat and the node lifecycle controller's timing: a stopped kubelet's
/// node turns Unknown once its last renewal is 50 s old (noticed on the 5 s monitor grid), gets
/// the unreachable taints, and is Ready again with the taints gone when the kubelet returns.
@Suite struct NodeLifecycleTests {
    static func node(_ cluster: Cluster, _ name: String) -> JSONValue? { cluster.store.get(Sim.type("Node"), namespace: nil, name: name) }
    static func lease(_ cluster: Cluster, _ name: String) -> JSONValue? {
        cluster.store.get(Sim.type("Lease"), namespace: "kube-node-lease", name: name)
    }

    @Test func leasesAreRenewedOnTheTenSecondGridAfterALongSleep() throws {
        let cluster = Sandbox.make(seed: 3, workerNodes: 1)
        let before = try #require(Self.lease(cluster, "k8s-node1")?["spec"]["renewTime"].string.flatMap(Timestamp.parse))
        cluster.advance(by: 3_600_000)
        let after = try #require(Self.lease(cluster, "k8s-node1")?["spec"]["renewTime"].string.flatMap(Timestamp.parse))
        #expect(after - before == 3_600_000)
        #expect(cluster.now - after < 10_000)
        #expect(Self.lease(cluster, "k8s-node1")?["spec"]["holderIdentity"] == "k8s-node1")
        #expect(Self.lease(cluster, "k8s-node1")?["metadata"]["ownerReferences"][0]["kind"] == "Node")
    }

    @Test func aStoppedKubeletsNodeTurnsUnknownAfterTheGracePeriod() throws {
        let cluster = Sandbox.make(seed: 3, workerNodes: 1)
        cluster.stopNode("k8s-node1")
        let renewed = try #require(Self.lease(cluster, "k8s-node1")?["spec"]["renewTime"].string.flatMap(Timestamp.parse))
        let noticed = NodeHealth.observed(renewed) + NodeHealth.gracePeriod
        cluster.advance(to: noticed - 1)
        #expect(NodeHealth.readyStatus(try #require(Self.node(cluster, "k8s-node1"))) == "True")
        cluster.advance(to: noticed)
        let lost = try #require(Self.node(cluster, "k8s-node1"))
        #expect(lost["status"]["conditions"].items.map { $0["status"].string ?? "" } == ["Unknown", "Unknown", "Unknown", "Unknown"])
        #expect(lost["status"]["conditions"][3]["message"] == "Kubelet stopped posting node status.")
        #expect(lost["spec"]["taints"].items.map { "\($0["key"].string ?? ""):\($0["effect"].string ?? "")" } == [
            "node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/unreachable:NoSchedule",
        ])
        cluster.startNode("k8s-node1")
        let back = try #require(Self.node(cluster, "k8s-node1"))
        #expect(NodeHealth.readyStatus(back) == "True")
        #expect(back["spec"]["taints"].isNull)
    }

    @Test func theGracePeriodIsV132s() {
        #expect(NodeHealth.gracePeriod == 50_000)
        #expect(NodeHealth.observed(10_001) == 15_000)
        #expect(NodeHealth.observed(15_000) == 15_000)
    }
}

/// A lease's MicroTime: the seconds as RFC 3339, then the milliseconds and three zeros.
@Suite struct LeaseMicroTimeTests {
    @Test func millisecondsArePaddedAndMicrosecondsZero() {
        #expect(NodeHeartbeat.microTime(1_748_854_803_120) == "2025-06-02T09:00:03.120000Z")
        #expect(NodeHeartbeat.microTime(1_748_854_803_007) == "2025-06-02T09:00:03.007000Z")
        #expect(NodeHeartbeat.microTime(1_748_854_803_000) == "2025-06-02T09:00:03.000000Z")
        #expect(NodeHeartbeat.microTime(-1) == "1969-12-31T23:59:59.999000Z")
    }
}
