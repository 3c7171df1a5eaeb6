import KubeAPI
import Testing

@testable import KubeSim

/// A repeated event about an object bumps the count of the event first recorded for it; events
/// that differ in any part of their key stay separate.
@Suite struct EventAggregationTests {
    static func counts(_ cluster: Cluster) -> [String] {
        cluster.store.list(Sim.type("Event"), namespace: "default")
            .filter { $0["involvedObject"]["name"].string == "web" }
            .sorted { $0.name < $1.name }
            .map { "\($0["reason"].string ?? "") \($0["message"].string ?? "") x\($0["count"].int ?? 0)" }
    }

    @Test func repeatsAggregateIntoTheMatchingEventAmongMany() throws {
        let cluster = Sandbox.make(seed: 2, workerNodes: 1)
        let pod = try Sim.create(cluster, Sim.nginxPod("web"))
        for i in 0..<200 {
            cluster.recordEvent(for: pod, type: "Normal", reason: "Note", message: "m\(i)", source: "test")
        }
        cluster.recordEvent(for: pod, type: "Normal", reason: "Note", message: "m7", source: "test")
        cluster.recordEvent(for: pod, type: "Normal", reason: "Note", message: "m7", source: "test")
        cluster.recordEvent(for: pod, type: "Warning", reason: "Note", message: "m7", source: "test")
        cluster.recordEvent(for: pod, type: "Normal", reason: "Note", message: "m7", source: "other")
        let notes = Self.counts(cluster).filter { $0.hasPrefix("Note m7 ") }
        #expect(notes == ["Note m7 x3", "Note m7 x1", "Note m7 x1"])
        #expect(Self.counts(cluster).filter { $0.hasPrefix("Note ") }.count == 202)
        #expect(cluster.events(about: pod.uid, namespace: "default").filter { $0["reason"] == "Note" }.count == 202)
    }

    @Test(arguments: [false, true])
    func anExpiredEventIsForgottenSoARepeatStartsANewOne(manyOthers: Bool) throws {
        let cluster = Sandbox.make(seed: 2, workerNodes: 1)
        let pod = try Sim.create(cluster, Sim.nginxPod("web"))
        cluster.recordEvent(for: pod, type: "Normal", reason: "Note", message: "once", source: "test")
        // With many others, the object's events are found through the hashed index.
        for i in 0..<(manyOthers ? EventAggregator.EventsAbout.indexedFrom : 0) {
            cluster.recordEvent(for: pod, type: "Normal", reason: "Note", message: "m\(i)", source: "test")
        }
        cluster.advance(by: EventExpiry.timeToLive + 1_000)
        #expect(!Self.counts(cluster).contains { $0.hasPrefix("Note once") })
        cluster.recordEvent(for: pod, type: "Normal", reason: "Note", message: "once", source: "test")
        #expect(Self.counts(cluster).filter { $0.hasPrefix("Note once") } == ["Note once x1"])
        cluster.recordEvent(for: pod, type: "Normal", reason: "Note", message: "once", source: "test")
        #expect(Self.counts(cluster).filter { $0.hasPrefix("Note ") } == ["Note once x2"])
    }
}
