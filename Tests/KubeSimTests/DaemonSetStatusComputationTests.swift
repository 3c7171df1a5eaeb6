import KubeAPI
import Testing
@testable import KubeSim

/// The DaemonSet status numbers from nodes and their pods (`updateDaemonSetStatus`), and the status
/// object written from them.
@Suite struct DaemonSetStatusComputationTests {
    static let now = Timestamp.parse("2025-06-02T09:10:00Z")!

    static func pod(_ name: String, hash: String = "new", ready: String? = nil, created: String = "2025-06-02T09:00:00Z") -> JSONValue {
        var pod: JSONValue = ["metadata": ["name": .string(name), "creationTimestamp": .string(created),
                                           "labels": ["controller-revision-hash": .string(hash)]],
                              "spec": ["nodeName": "n"], "status": ["phase": "Running"]]
        if let ready {
            pod["status"]["conditions"] = [["type": "Ready", "status": "True", "lastTransitionTime": .string(ready)]]
        }
        return pod
    }

    static func counts(_ nodes: [DaemonSetStatusComputation.Node], minReadySeconds: Int = 0) -> DaemonSetStatusComputation.Counts {
        DaemonSetStatusComputation.counts(nodes, minReadySeconds: minReadySeconds, now: now) {
            $0.label("controller-revision-hash") == "new"
        }
    }

    @Test func eachNodeCountsOnceByItsOldestPod() {
        let c = Self.counts([
            .init(shouldRun: true, pods: [Self.pod("a", ready: "2025-06-02T09:01:00Z")]),
            // The oldest of two pods decides: old and not ready.
            .init(shouldRun: true, pods: [Self.pod("b2", ready: "2025-06-02T09:05:00Z", created: "2025-06-02T09:04:00Z"),
                                          Self.pod("b1", hash: "old", created: "2025-06-02T09:00:00Z")]),
            .init(shouldRun: true, pods: []),
            .init(shouldRun: false, pods: [Self.pod("d", ready: "2025-06-02T09:01:00Z")]),
            .init(shouldRun: false, pods: []),
        ])
        #expect(c == DaemonSetStatusComputation.Counts(desired: 3, current: 2, misscheduled: 1, ready: 1, updated: 1, available: 1))
        #expect(c.unavailable == 2)
    }

    @Test func minReadySecondsDelaysAvailability() {
        let nodes: [DaemonSetStatusComputation.Node] = [
            .init(shouldRun: true, pods: [Self.pod("a", ready: "2025-06-02T09:09:30Z")]),
            .init(shouldRun: true, pods: [Self.pod("b", ready: "2025-06-02T09:08:00Z")]),
        ]
        let c = Self.counts(nodes, minReadySeconds: 60)
        #expect(c.ready == 2 && c.available == 1 && c.unavailable == 1)
    }

    @Test func theStatusOmitsZeroOptionalCountsAndKeepsItsGeneration() {
        let c = DaemonSetStatusComputation.Counts(desired: 2, current: 2, misscheduled: 0, ready: 0, updated: 0, available: 0)
        let previous: JSONValue = ["observedGeneration": 3, "collisionCount": 1]
        #expect(DaemonSetStatusComputation.status(c, previous: previous, observedGeneration: nil, collisionCount: 1) == [
            "collisionCount": 1, "currentNumberScheduled": 2, "desiredNumberScheduled": 2, "numberMisscheduled": 0,
            "numberReady": 0, "numberUnavailable": 2, "observedGeneration": 3,
        ])
        let done = DaemonSetStatusComputation.Counts(desired: 2, current: 2, misscheduled: 0, ready: 2, updated: 2, available: 2)
        #expect(DaemonSetStatusComputation.status(done, previous: previous, observedGeneration: 4, collisionCount: 0) == [
            "currentNumberScheduled": 2, "desiredNumberScheduled": 2, "numberAvailable": 2, "numberMisscheduled": 0,
            "numberReady": 2, "observedGeneration": 4, "updatedNumberScheduled": 2,
        ])
    }

    @Test func aPodIsUpdatedByItsHashOrItsTemplateGeneration() {
        let pod: JSONValue = ["metadata": ["labels": ["controller-revision-hash": "abc", "pod-template-generation": "2"]]]
        #expect(DaemonSetPodControl.isUpdated(pod, hash: "abc", generation: 3))
        #expect(DaemonSetPodControl.isUpdated(pod, hash: "xyz", generation: 2))
        #expect(!DaemonSetPodControl.isUpdated(pod, hash: "xyz", generation: 3))
        #expect(!DaemonSetPodControl.isUpdated(pod, hash: "xyz", generation: nil))
    }
}
