import KubeAPI
import Testing
@testable import KubeSim

/// Containers whose command says how they stop: a command starting with `trap` exits 0 on
/// SIGTERM, `exit2` exits 2, anything else ignores it (a shell or `sleep` as PID 1).
final class StoppingContainers: StoppingContainerBehaviour {
    func outcome(of launch: ContainerLaunch) -> ContainerOutcome { .runsUntilStopped }
    func image(_ reference: String) -> ImageInfo? { ImageReference.defaultInfo(for: reference) }
    func stopResponse(of launch: ContainerLaunch) -> StopSignalResponse {
        switch launch.command.first {
        case "trap": .exits(code: 0)
        case "exit2": .exits(code: 2)
        default: .ignored
        }
    }
}

/// A deleted pod's end as a v1.32 kubelet and API server make it: the containers answer SIGTERM
/// as their processes do, the last status carries the terminal phase (kubernetes PR #115331),
/// and every delete writes its deletion timestamp before the pod goes.
@Suite struct PodTerminationTests {
    static func cluster() -> Cluster {
        let cluster = Sandbox.make(seed: 3, workerNodes: 2)
        cluster.controller(Kubelet.self)?.behaviour = StoppingContainers()
        return cluster
    }

    static func pod(_ name: String, command: String, grace: Int? = nil, finalizer: Bool = false) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        \(finalizer ? "  finalizers: [example.com/keep]" : "")
        spec:
        \(grace.map { "  terminationGracePeriodSeconds: \($0)" } ?? "")
          containers:
          - {name: c, image: busybox, command: [\(command)]}
        """
    }

    /// Each change of `name` from now on: the watch event, the phase, the grace period and the
    /// first container's terminated exit code and reason.
    static func watch(_ cluster: Cluster, _ name: String) -> () -> [String] {
        var seen: [String] = []
        cluster.store.watch({ $0.kind == "Pod" }) { event in
            guard event.object.name == name else { return }
            let o = event.object
            let t = o["status"]["containerStatuses"][0]["state"]["terminated"]
            seen.append([event.kind.rawValue, o["status"]["phase"].string ?? "",
                         o["metadata"]["deletionGracePeriodSeconds"].int.map(String.init) ?? "-",
                         t["exitCode"].int.map(String.init) ?? "-", t["reason"].string ?? "-"].joined(separator: " "))
        }
        return { seen }
    }

    func delete(_ cluster: Cluster, _ name: String, grace: Int? = nil) throws {
        try cluster.api.delete(ObjectRef(Sim.type("Pod"), namespace: "default", name: name), gracePeriodSeconds: grace)
    }

    @Test func aProcessThatHandlesSIGTERMEndsTheDeletedPodSucceeded() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.pod("p", command: "trap"))
        cluster.advance(by: 20_000)
        let seen = Self.watch(cluster, "p")
        let t0 = cluster.now
        try delete(cluster, "p")
        #expect(cluster.advance(until: { Sim.pod(cluster, "p") == nil }, limit: 30_000))
        #expect(cluster.now - t0 >= 500 && cluster.now - t0 <= 3_000)
        #expect(seen() == ["MODIFIED Running 30 - -", "MODIFIED Succeeded 30 0 Completed",
                           "MODIFIED Succeeded 0 0 Completed", "DELETED Succeeded 0 0 Completed"])
    }

    @Test func aProcessThatIgnoresSIGTERMIsKilledWhenTheGracePeriodEnds() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.pod("p", command: "sleep, '3600'", grace: 12))
        cluster.advance(by: 20_000)
        let seen = Self.watch(cluster, "p")
        let t0 = cluster.now
        try delete(cluster, "p")
        #expect(cluster.advance(until: { Sim.pod(cluster, "p")?["status"]["phase"] == "Failed" }, limit: 30_000))
        #expect(cluster.now - t0 == 12_000)
        let pod = try #require(Sim.pod(cluster, "p"))
        #expect(Sim.condition(pod, "Ready") == "False")
        #expect(pod["status"]["conditions"].items.first { $0["type"] == "Ready" }?["reason"] == "PodFailed")
        #expect(cluster.advance(until: { Sim.pod(cluster, "p") == nil }, limit: 5_000))
        #expect(seen() == ["MODIFIED Running 12 - -", "MODIFIED Failed 12 137 Error",
                           "MODIFIED Failed 0 137 Error", "DELETED Failed 0 137 Error"])
    }

    /// The kubelet stops a pod's containers together and writes once the last is gone; each
    /// container keeps its own end: the one that handled SIGTERM finished first.
    @Test func containersThatStopApartKeepTheirOwnFinishTimes() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              terminationGracePeriodSeconds: 10
              containers:
              - {name: a, image: busybox, command: [trap]}
              - {name: b, image: busybox, command: [sleep]}
            """)
        cluster.advance(by: 20_000)
        let t0 = cluster.now
        try delete(cluster, "p")
        #expect(cluster.advance(until: { Sim.pod(cluster, "p")?["status"]["phase"] == "Failed" }, limit: 30_000))
        let statuses = try #require(Sim.pod(cluster, "p"))["status"]["containerStatuses"].items
        let ends = statuses.compactMap { $0["state"]["terminated"]["finishedAt"].string.flatMap(Timestamp.parse) }
        #expect(statuses.map { $0["state"]["terminated"]["exitCode"].int } == [0, 137])
        #expect(ends.count == 2 && ends[0] < t0 + 3_000 && ends[1] == Timestamp.parse(Timestamp.rfc3339(t0 + 10_000)))
    }

    @Test func aShorterGracePeriodOnTheDeleteWins() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.pod("p", command: "sleep"))
        cluster.advance(by: 20_000)
        let t0 = cluster.now
        try delete(cluster, "p", grace: 5)
        #expect(cluster.advance(until: { Sim.pod(cluster, "p")?["status"]["phase"] == "Failed" }, limit: 30_000))
        #expect(cluster.now - t0 == 5_000)
    }

    @Test func aGoProgramWithoutAHandlerExitsTwo() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.pod("p", command: "exit2"))
        cluster.advance(by: 20_000)
        let seen = Self.watch(cluster, "p")
        try delete(cluster, "p")
        #expect(cluster.advance(until: { Sim.pod(cluster, "p") == nil }, limit: 30_000))
        #expect(seen().dropFirst().first == "MODIFIED Failed 30 2 Error")
    }

    @Test func aPodDeletedBeforeItsContainersRanEndsWithUnknownContainers() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.pod("p", command: "trap"))
        let seen = Self.watch(cluster, "p")
        // Scheduled but not yet admitted by the kubelet.
        #expect(cluster.advance(until: { !(Sim.pod(cluster, "p")?["spec"]["nodeName"].string ?? "").isEmpty }, limit: 5_000))
        var ended: JSONValue?
        cluster.store.watch({ $0.kind == "Pod" }) { event in
            if event.object.name == "p", event.object["status"]["phase"] == "Failed", ended == nil { ended = event.object }
        }
        try delete(cluster, "p")
        #expect(cluster.advance(until: { Sim.pod(cluster, "p") == nil }, limit: 5_000))
        #expect(ended?["status"]["containerStatuses"][0]["state"]["terminated"] == [
            "exitCode": 137, "message": "The container could not be located when the pod was terminated",
            "reason": "ContainerStatusUnknown",
        ])
        #expect(seen().suffix(3) == ["MODIFIED Failed 30 137 ContainerStatusUnknown", "MODIFIED Failed 0 137 ContainerStatusUnknown",
                                     "DELETED Failed 0 137 ContainerStatusUnknown"])
    }

    /// `rest.BeforeDelete`: a force delete, and the delete of a pod no kubelet runs, write the
    /// deletion timestamp with grace period 0 and remove the pod in the same request.
    @Test func aForceDeleteWritesItsTimestampBeforeThePodGoes() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.pod("p", command: "trap"))
        cluster.advance(by: 20_000)
        let seen = Self.watch(cluster, "p")
        try delete(cluster, "p", grace: 0)
        #expect(Sim.pod(cluster, "p") == nil)
        #expect(seen() == ["MODIFIED Running 0 - -", "DELETED Running 0 - -"])
    }

    /// A second delete may only shorten the period; the timestamp moves back by the difference.
    @Test func aSecondDeleteShortensThePeriodAndMovesTheTimestampBack() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.pod("p", command: "sleep", grace: 60))
        cluster.advance(by: 20_000)
        let t0 = cluster.now
        try delete(cluster, "p")
        let first = Sim.pod(cluster, "p")?.deletionTimestamp
        #expect(first == Timestamp.rfc3339(t0 + 60_000))
        try delete(cluster, "p", grace: 90)
        #expect(Sim.pod(cluster, "p")?.deletionTimestamp == first, "a longer period changes nothing")
        try delete(cluster, "p", grace: 20)
        #expect(Sim.pod(cluster, "p")?.deletionTimestamp == Timestamp.rfc3339(t0 + 20_000))
        #expect(Sim.pod(cluster, "p")?["metadata"]["deletionGracePeriodSeconds"] == 20)
    }

    /// The kubelet's grace-0 delete and a later force delete leave a pod its finalizer holds.
    @Test func aFinalizerStillHoldsAPodWhoseDeletionHasNoTimeLeft() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.pod("p", command: "trap", finalizer: true))
        cluster.advance(by: 20_000)
        try delete(cluster, "p")
        cluster.advance(by: 10_000)
        #expect(Sim.pod(cluster, "p")?["metadata"]["deletionGracePeriodSeconds"] == 0)
        #expect(Sim.pod(cluster, "p")?["status"]["phase"] == "Succeeded")
        try delete(cluster, "p", grace: 0)
        #expect(Sim.pod(cluster, "p") != nil)
    }
}
