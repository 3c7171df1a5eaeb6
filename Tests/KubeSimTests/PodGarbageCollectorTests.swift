import KubeAPI
import Testing
@testable import KubeSim

/// `kubectl delete node X` (seed 003): the pod garbage collector removes X's pods once the
/// quarantine has passed, and a StatefulSet then recreates its pod on a node that exists.
@Suite struct PodGarbageCollectorTests {
    static let statefulSet = Sim.webStatefulSet()

    @Test func podsOnADeletedNodeAreForceDeletedAfterTheQuarantine() throws {
        let cluster = Sandbox.make(seed: 5, workerNodes: 2)
        try Sim.create(cluster, Self.statefulSet)
        cluster.advance(by: 30_000)
        let node = try #require(Sim.pod(cluster, "web-0")?["spec"]["nodeName"].string)
        let other = node == "k8s-node1" ? "k8s-node2" : "k8s-node1"
        try Sim.create(cluster, Sim.nginxPod("pinned", extra: "  nodeName: \(node)"))
        cluster.advance(by: 10_000)
        let firstUID = Sim.pod(cluster, "web-0")?.uid
        try cluster.api.delete(ObjectRef(Sim.type("Node"), namespace: "", name: node))
        cluster.advance(by: 35_000)
        #expect(Sim.pod(cluster, "pinned")?["status"]["phase"] == "Running", "still within the quarantine")
        var seen: [String] = []
        cluster.store.watch({ $0.kind == "Pod" }) { event in
            guard event.object.name == "pinned" else { return }
            seen.append("\(event.kind) \(event.object["status"]["phase"].string ?? "")")
            if let c = event.object["status"]["conditions"].items.first(where: { $0["type"] == "DisruptionTarget" }) {
                seen.append("\(c["reason"].string ?? ""): \(c["message"].string ?? "")")
            }
        }
        cluster.advance(by: 30_000)
        #expect(Sim.pod(cluster, "pinned") == nil)
        // The force delete writes its deletion timestamp (grace period 0) before the pod goes.
        #expect(seen.prefix(5) == ["modified Failed", "DeletionByPodGC: PodGC: node no longer exists",
                                   "modified Failed", "DeletionByPodGC: PodGC: node no longer exists", "deleted Failed"])
        cluster.advance(by: 30_000)
        let recreated = Sim.pod(cluster, "web-0")
        #expect(recreated != nil && recreated?.uid != firstUID)
        #expect(recreated?["spec"]["nodeName"].string == other)
    }

    @Test func aNodeThatComesBackKeepsItsPods() throws {
        let cluster = Sandbox.make(seed: 5, workerNodes: 2)
        try Sim.create(cluster, Sim.nginxPod("pinned", extra: "  nodeName: k8s-node1"))
        cluster.advance(by: 10_000)
        let node = try #require(cluster.store.get(Sim.type("Node"), namespace: nil, name: "k8s-node1"))
        try cluster.api.delete(ObjectRef(Sim.type("Node"), namespace: "", name: "k8s-node1"))
        cluster.advance(by: 5_000)
        var fresh = node
        fresh["metadata"] = ["name": "k8s-node1", "labels": node["metadata"]["labels"]]
        _ = try cluster.store.create(Sim.type("Node"), fresh)
        cluster.advance(by: 120_000)
        #expect(Sim.pod(cluster, "pinned") != nil)
    }
}
