import KubeAPI
import Testing
@testable import KubeSim

/// Events of one instant keep the order they happened in: kubectl lists events by name and
/// describe sorts by a one-second timestamp, so the names must grow with each recording.
@Suite struct EventOrderTests {
    @Test func eventsOfOneInstantListInRecordingOrder() throws {
        let cluster = Sandbox.make(seed: 11, workerNodes: 1)
        let pod = try Sim.create(cluster, Sim.nginxPod("order"))
        let reasons = (0..<40).map { "Step\($0)" }
        for reason in reasons {
            cluster.recordEvent(for: pod, type: "Normal", reason: reason, message: reason, source: "test")
        }
        let listed = cluster.store.list(Sim.type("Event"), namespace: "default")
            .filter { $0["involvedObject"]["name"].string == "order" && $0["source"]["component"].string == "test" }
            .map { $0["reason"].string ?? "" }
        #expect(listed == reasons)
    }

    /// A pulled image is reported before the container made from it, a provisioning start before
    /// its success, a claim before the pod that needs it.
    @Test func aStartingStatefulSetPodReportsCauseBeforeEffect() throws {
        let cluster = Sandbox.make(seed: 3, workerNodes: 2)
        try Sim.create(cluster, Sim.webStatefulSet(claims: """

              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
            """))
        cluster.advance(by: 40_000)
        let listed = cluster.store.list(Sim.type("Event"), namespace: "default").map { $0["reason"].string ?? "" }
        func before(_ a: String, _ b: String) -> Bool {
            guard let i = listed.firstIndex(of: a), let j = listed.firstIndex(of: b) else { return false }
            return i < j
        }
        #expect(before("Pulled", "Created"))
        #expect(before("Created", "Started"))
        #expect(before("Provisioning", "ProvisioningSucceeded"))
        let created = cluster.store.list(Sim.type("Event"), namespace: "default")
            .filter { $0["reason"].string == "SuccessfulCreate" }.map { $0["message"].string ?? "" }
        #expect(created.map { String($0.prefix(12)) } == ["create Claim", "create Pod w"])
    }

    /// An init container is created before it is started, on its first run and on every restart, and
    /// the main container's events follow the init container's.
    @Test func initContainersAreCreatedBeforeTheyStart() throws {
        let cluster = Sandbox.make(seed: 5, workerNodes: 1)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata: {name: two}
            spec:
              initContainers: [{name: init, image: busybox}]
              containers: [{name: main, image: busybox}]
            """)
        cluster.advance(by: 30_000)
        let listed = cluster.store.list(Sim.type("Event"), namespace: "default")
            .filter { $0["involvedObject"]["name"].string == "two" && $0["source"]["component"].string == "kubelet" }
            .map { ($0["reason"].string ?? "") + " " + ($0["involvedObject"]["fieldPath"].string ?? "") }
        #expect(listed == [
            "Pulling spec.initContainers{init}", "Pulled spec.initContainers{init}",
            "Created spec.initContainers{init}", "Started spec.initContainers{init}",
            "Pulling spec.containers{main}", "Pulled spec.containers{main}",
            "Created spec.containers{main}", "Started spec.containers{main}",
        ])
    }
}
