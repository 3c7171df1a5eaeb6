import KubeAPI
import Testing

@testable import KubeSim

/// Identity, ordering and self-healing of StatefulSet pods (seed 001's points among them).
@Suite struct StatefulSetControllerTests {
    @Test func podsCarryTheirStableIdentity() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 2))
        bed.advance(seconds: 30)
        let set = bed.get(WLTestBed.sts, "web")!
        let pod = bed.get(WLTestBed.pod, "web-1")!
        let revision = set.status["updateRevision"].string!
        #expect(pod.labels == [
            "app": "web", "apps.kubernetes.io/pod-index": "1", "controller-revision-hash": revision,
            "statefulset.kubernetes.io/pod-name": "web-1",
        ])
        #expect(pod["metadata"]["generateName"] == "web-")
        #expect(pod.spec["hostname"] == "web-1")
        #expect(pod.spec["subdomain"] == "nginx")
        // Claim volumes come first; admission may append the service-account token volume.
        #expect(pod.spec["volumes"][0] == ["name": "www", "persistentVolumeClaim": ["claimName": "www-web-1"]])
        #expect(pod.ownerReferences == [[
            "apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web", "uid": .string(set.uid),
            "controller": true, "blockOwnerDeletion": true,
        ]])
        let claim = bed.get(WLTestBed.pvc, "www-web-1")!
        #expect(claim.labels == ["app": "web"])
        #expect(claim.ownerReferences.isEmpty)
    }

    @Test func ordinalsStartShiftsNames() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 2, extraSpec: "  ordinals:\n    start: 5"))
        bed.advance(seconds: 30)
        #expect(bed.readyPods("web") == ["web-5", "web-6"])
        #expect(bed.claimNames() == ["www-web-5", "www-web-6"])
        #expect(bed.get(WLTestBed.pod, "web-5")!.labels["apps.kubernetes.io/pod-index"] == "5")
    }

    @Test func orderedReadyCreatesOneAtATimeAfterReadiness() {
        let bed = WLTestBed(startDelay: 5_000)
        let timeline = bed.recordPodTimeline()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 3, claimClass: nil))
        #expect(bed.podNames("web") == ["web-0"])
        bed.advance(seconds: 4.9)
        #expect(bed.podNames("web") == ["web-0"])
        bed.advance(seconds: 0.2)
        #expect(bed.podNames("web") == ["web-0", "web-1"])
        bed.advance(seconds: 30)
        #expect(timeline.entries == ["+web-0", "+web-1", "+web-2"])
        #expect(bed.readyPods("web") == ["web-0", "web-1", "web-2"])
    }

    @Test func parallelCreatesAndDeletesAllAtOnce() {
        let bed = WLTestBed()
        let timeline = bed.recordPodTimeline()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 5, claimClass: nil, extraSpec: "  podManagementPolicy: Parallel"))
        #expect(bed.podNames("web") == (0...4).map { "web-\($0)" })
        bed.advance(seconds: 10)
        #expect(bed.readyPods("web").count == 5)
        timeline.entries.removeAll()
        bed.scale("web", to: 1)
        #expect(Set(timeline.entries) == Set((1...4).map { "-web-\($0)" }))
        bed.advance(seconds: 10)
        #expect(bed.podNames("web") == ["web-0"])
    }

    @Test func deletedPodComesBackUnderTheSameNameAndClaim() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 2))
        bed.advance(seconds: 30)
        let oldUID = bed.get(WLTestBed.pod, "web-1")!.uid
        let claimUID = bed.get(WLTestBed.pvc, "www-web-1")!.uid
        let volumes = bed.volumes().map(\.name)
        bed.delete(WLTestBed.pod, "web-1")
        bed.advance(seconds: 30)
        let pod = bed.get(WLTestBed.pod, "web-1")!
        #expect(pod.uid != oldUID)
        #expect(bed.readyPods("web") == ["web-0", "web-1"])
        #expect(bed.get(WLTestBed.pvc, "www-web-1")!.uid == claimUID)
        #expect(PodConditions.claimNames(pod) == ["www-web-1"])
        #expect(bed.volumes().map(\.name) == volumes)
    }

    @Test func failedAndSucceededPodsAreReplaced() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 2, claimClass: nil))
        bed.advance(seconds: 30)
        let failedUID = bed.get(WLTestBed.pod, "web-0")!.uid
        bed.kubelet.finish("web-0", phase: "Failed", in: bed.cluster)
        let doneUID = bed.get(WLTestBed.pod, "web-1")!.uid
        bed.kubelet.finish("web-1", phase: "Succeeded", in: bed.cluster)
        bed.advance(seconds: 30)
        #expect(bed.readyPods("web") == ["web-0", "web-1"])
        #expect(bed.get(WLTestBed.pod, "web-0")!.uid != failedUID)
        #expect(bed.get(WLTestBed.pod, "web-1")!.uid != doneUID)
        #expect(bed.eventMessages(reason: "SuccessfulDelete").contains("delete Pod web-0 in StatefulSet web successful"))
    }

    @Test func scaleDownRemovesHighestFirstAndScaleUpReusesClaims() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 3))
        bed.advance(seconds: 60)
        let claims = bed.store.list(WLTestBed.pvc, namespace: "default").map(\.uid)
        let timeline = bed.recordPodTimeline()
        bed.scale("web", to: 1)
        bed.advance(seconds: 30)
        #expect(timeline.entries == ["-web-2", "x web-2", "-web-1", "x web-1"])
        #expect(bed.claimNames() == ["www-web-0", "www-web-1", "www-web-2"])
        timeline.entries.removeAll()
        bed.scale("web", to: 3)
        bed.advance(seconds: 60)
        #expect(timeline.entries == ["+web-1", "+web-2"])
        #expect(bed.store.list(WLTestBed.pvc, namespace: "default").map(\.uid) == claims)
        #expect(bed.volumes().count == 3)
    }

    @Test func scaleDownWaitsWhileAPodIsUnhealthy() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 3, claimClass: nil))
        bed.advance(seconds: 60)
        // web-0 stops being ready: a monotonic set deletes nothing but the first unhealthy pod.
        _ = try! bed.store.modify(ObjectRef(WLTestBed.pod, namespace: "default", name: "web-0")) {
            $0["status"]["conditions"] = [["type": "Ready", "status": "False"]]
        }
        bed.scale("web", to: 2)
        bed.advance(seconds: 30)
        #expect(bed.podNames("web") == ["web-0", "web-1", "web-2"])
    }

    @Test func orphanPodsMatchingTheSetAreAdopted() {
        let bed = WLTestBed()
        _ = try! bed.cluster.api.create(try! YAMLLoader.parse("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web-0, labels: {app: web}}
            spec:
              containers: [{name: nginx, image: nginx}]
            """)!, as: WLTestBed.pod)
        bed.cluster.settle()
        bed.advance(seconds: 10)
        let uid = bed.get(WLTestBed.pod, "web-0")!.uid
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 2, claimClass: nil))
        let adopted = bed.get(WLTestBed.pod, "web-0")!
        #expect(adopted.uid == uid)
        #expect(adopted.controllerRef?["name"] == "web")
        #expect(adopted.labels["statefulset.kubernetes.io/pod-name"] == "web-0")
        #expect(bed.eventMessages(reason: "SuccessfulUpdate") == ["update Pod web-0 in StatefulSet web successful"])
        // It has no revision label, so the rolling update replaces it once the set is healthy.
        bed.advance(seconds: 30)
        let replaced = bed.get(WLTestBed.pod, "web-0")!
        #expect(replaced.uid != uid)
        #expect(replaced.labels["controller-revision-hash"] == bed.get(WLTestBed.sts, "web")!.status["updateRevision"].string)
        #expect(bed.readyPods("web") == ["web-0", "web-1"])
    }

    @Test func minReadySecondsHoldsTheNextPod() {
        let bed = WLTestBed(startDelay: 2_000)
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 2, claimClass: nil, extraSpec: "  minReadySeconds: 10"))
        bed.advance(seconds: 11)
        #expect(bed.podNames("web") == ["web-0"])
        #expect(bed.get(WLTestBed.sts, "web")!.status["availableReplicas"] == 0)
        bed.advance(seconds: 1.5)
        #expect(bed.podNames("web") == ["web-0", "web-1"])
        #expect(bed.get(WLTestBed.sts, "web")!.status["availableReplicas"] == 1)
    }

    @Test func aDeletedSetOnlyUpdatesStatusAndItsPodsGoWithIt() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 2))
        bed.advance(seconds: 30)
        bed.delete(WLTestBed.sts, "web")
        bed.advance(seconds: 10)
        #expect(bed.podNames("web").isEmpty)
        #expect(bed.claimNames() == ["www-web-0", "www-web-1"])
        #expect(bed.store.list(WLTestBed.cr, namespace: "default").isEmpty)
    }

    @Test func hugeReplicaCountsAreCapped() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 1, claimClass: nil))
        _ = try! bed.store.modify(ObjectRef(WLTestBed.sts, namespace: "default", name: "web")) { $0["spec"]["replicas"] = .int(Int.max) }
        bed.cluster.settle()
        #expect(StatefulSetSpecView(bed.get(WLTestBed.sts, "web")!).replicas == StatefulSetSpecView.maxReplicas)
    }

    @Test func ordinalsParseLikeTheControllerRegex() {
        #expect(PodOrdinal("web-0") == PodOrdinal("web-0"))
        #expect(PodOrdinal("web-12")?.ordinal == 12)
        #expect(PodOrdinal("my-web-3")?.parent == "my-web")
        #expect(PodOrdinal("web") == nil)
        #expect(PodOrdinal("web-") == nil)
        #expect(PodOrdinal("web-x1") == nil)
        #expect(PodOrdinal("web-99999999999") == nil)
    }
}

/// The same seed and actions give the same objects, byte for byte.
@Suite struct StatefulSetDeterminismTests {
    static func scenario(seed: UInt64) -> [String] {
        let bed = WLTestBed(seed: seed)
        bed.apply(StatefulSetSeedScenarioTests.visitCounter)
        bed.advance(seconds: 60)
        bed.scale("visit-cnt-stfs", to: 4)
        bed.advance(seconds: 60)
        bed.setImage("visit-cnt-stfs", "dbgurum/mynode:2")
        bed.scale("visit-cnt-stfs", to: 2)
        bed.advance(seconds: 120)
        return bed.store.allObjects().map { RevisionHash.compactJSON($0.1) }
    }

    @Test func sameSeedSameObjects() {
        let a = Self.scenario(seed: 11), b = Self.scenario(seed: 11)
        #expect(a == b)
        #expect(a != Self.scenario(seed: 12))
    }
}
