import KubeAPI
import Testing

@testable import KubeSim

/// RollingUpdate (highest ordinal first, partition) and OnDelete.
@Suite struct StatefulSetUpdateStrategyTests {
    func revisionOf(_ bed: WLTestBed, _ pod: String) -> String {
        bed.get(WLTestBed.pod, pod)?.labels["controller-revision-hash"] ?? ""
    }

    @Test func partitionKeepsLowerOrdinalsOnTheCurrentRevision() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(
            name: "web", replicas: 3, claimClass: nil,
            extraSpec: "  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: 2"))
        bed.advance(seconds: 30)
        let old = bed.get(WLTestBed.sts, "web")!.status["currentRevision"].string!
        bed.setImage("web", "nginx:1.26")
        bed.advance(seconds: 30)
        let sts = bed.get(WLTestBed.sts, "web")!
        let new = sts.status["updateRevision"].string!
        #expect(new != old)
        #expect(revisionOf(bed, "web-2") == new)
        #expect(revisionOf(bed, "web-1") == old)
        #expect(revisionOf(bed, "web-0") == old)
        #expect(sts.status["currentRevision"].string == old)
        #expect(sts.status["currentReplicas"] == 2)
        #expect(sts.status["updatedReplicas"] == 1)

        // A pod below the partition deleted by hand comes back at the current revision.
        bed.delete(WLTestBed.pod, "web-0")
        bed.advance(seconds: 30)
        #expect(revisionOf(bed, "web-0") == old)
        #expect(bed.get(WLTestBed.pod, "web-0")!.spec["containers"][0]["image"] == "nginx:1.25")

        let timeline = bed.recordPodTimeline()
        _ = try! bed.store.modify(ObjectRef(WLTestBed.sts, namespace: "default", name: "web")) {
            $0["spec"]["updateStrategy"]["rollingUpdate"]["partition"] = 0
        }
        bed.advance(seconds: 60)
        #expect(timeline.entries == ["-web-1", "x web-1", "+web-1", "-web-0", "x web-0", "+web-0"])
        let done = bed.get(WLTestBed.sts, "web")!
        #expect(done.status["currentRevision"].string == new)
        #expect(done.status["currentReplicas"] == 3)
        #expect(done.status["updatedReplicas"] == 3)
    }

    @Test func onDeleteOnlyUpdatesPodsDeletedByHand() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 3, claimClass: nil, extraSpec: "  updateStrategy:\n    type: OnDelete"))
        bed.advance(seconds: 30)
        let old = revisionOf(bed, "web-2")
        let timeline = bed.recordPodTimeline()
        bed.setImage("web", "nginx:1.26")
        bed.advance(seconds: 60)
        #expect(timeline.entries.isEmpty)
        let new = bed.get(WLTestBed.sts, "web")!.status["updateRevision"].string!
        #expect(new != old)
        bed.delete(WLTestBed.pod, "web-1")
        bed.advance(seconds: 30)
        #expect(revisionOf(bed, "web-1") == new)
        #expect(revisionOf(bed, "web-0") == old)
        #expect(revisionOf(bed, "web-2") == old)
        let sts = bed.get(WLTestBed.sts, "web")!
        #expect(sts.status["currentRevision"].string == old)
        #expect(sts.status["updatedReplicas"] == 1)
        #expect(sts.status["currentReplicas"] == 2)
    }

    @Test func rollingUpdateWaitsForEachPodToBeReady() {
        let bed = WLTestBed(startDelay: 10_000)
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 2, claimClass: nil))
        bed.advance(seconds: 60)
        let timeline = bed.recordPodTimeline()
        bed.setImage("web", "nginx:1.26")
        bed.advance(seconds: 5)
        #expect(timeline.entries == ["-web-1", "x web-1", "+web-1"])
        bed.advance(seconds: 10)
        #expect(timeline.entries.contains("-web-0"))
    }
}
