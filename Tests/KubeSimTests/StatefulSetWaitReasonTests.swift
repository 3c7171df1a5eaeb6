import KubeAPI
import Testing
@testable import KubeSim

/// The StatefulSet controller says why it waits, in the words a lesson's hint shows.
@Suite struct StatefulSetWaitReasonTests {
    static func reason(_ cluster: Cluster) -> String? {
        cluster.waitReasons.reason(kind: "StatefulSet", namespace: "default", name: "web")
    }

    @Test func orderedCreationWaitsForThePreviousOrdinal() throws {
        let cluster = Sandbox.make(seed: 7, workerNodes: 2)
        try Sim.create(cluster, Sim.webStatefulSet().replacingOccurrences(of: "replicas: 1", with: "replicas: 3"))
        cluster.settle()
        #expect(Self.reason(cluster) == "web-1 waits: web-0 is Pending")
        _ = cluster.advance(until: { Sim.condition(Sim.pod(cluster, "web-0"), "Ready") == "True" }, limit: 60_000)
        cluster.settle()
        #expect(Self.reason(cluster) == "web-2 waits: web-1 is Pending")
        _ = cluster.advance(until: { Sim.condition(Sim.pod(cluster, "web-2"), "Ready") == "True" }, limit: 60_000)
        cluster.settle()
        #expect(Self.reason(cluster) == nil)
        #expect(cluster.waitReasons.all.isEmpty)
    }

    @Test func aScaleDownWaitsForTheTerminatingPodAndTheReasonGoesWithTheSet() throws {
        let cluster = Sandbox.make(seed: 7, workerNodes: 2)
        try Sim.create(cluster, Sim.webStatefulSet().replacingOccurrences(of: "replicas: 1", with: "replicas: 2"))
        _ = cluster.advance(until: { Sim.condition(Sim.pod(cluster, "web-1"), "Ready") == "True" }, limit: 60_000)
        cluster.settle()
        let ref = ObjectRef(Sim.type("StatefulSet"), namespace: "default", name: "web")
        try cluster.store.modify(ref) { $0["spec"]["replicas"] = 0 }
        cluster.settle()
        #expect(Self.reason(cluster) == "the scale-down waits: web-1 is Terminating")
        _ = try cluster.api.delete(ref)
        cluster.settle()
        #expect(Self.reason(cluster) == nil)
    }
}
