import KubeAPI
import Testing
@testable import KubeSim

/// A request no node can hold (`cpu: "1e30"`) leaves the pod Pending with the scheduler's words,
/// instead of counting as nothing.
@Suite struct HugeRequestTests {
    @Test func quantitiesBeyondAnyNodeSaturate() {
        #expect(ResourceQuantity.milliValue("1e30") == Int64.max / 2)
        #expect(ResourceQuantity.milliValue("1e-30") == 0)
        #expect(ResourceQuantity.milliValue("2e3") == 2_000_000)
    }

    @Test func aPodAskingForMoreThanAnyNodeIsNotScheduled() throws {
        let cluster = Sandbox.make(seed: 7, workerNodes: 2)
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: big}
            spec:
              containers:
              - name: c
                image: nginx
                resources: {requests: {cpu: "1e30"}}
            """
        try Sim.create(cluster, text)
        cluster.advance(by: 5_000)
        let pod = try #require(Sim.pod(cluster, "big"))
        #expect(pod["spec"]["nodeName"].isNull)
        #expect(Sim.events(cluster, about: "big").first?.hasPrefix("FailedScheduling 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.") == true)
    }
}
