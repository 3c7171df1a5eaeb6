import KubeAPI
import Testing

@testable import KubeSim

/// persistentVolumeClaimRetentionPolicy through ownerReferences and garbage collection.
@Suite struct StatefulSetRetentionPolicyTests {
    static func set(whenDeleted: String, whenScaled: String, replicas: Int = 3) -> String {
        WLTestBed.statefulSet(
            name: "web", replicas: replicas,
            extraSpec: "  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: \(whenDeleted)\n    whenScaled: \(whenScaled)")
    }

    @Test func retainKeepsClaimsWithoutOwners() {
        let bed = WLTestBed()
        bed.apply(Self.set(whenDeleted: "Retain", whenScaled: "Retain"))
        bed.advance(seconds: 60)
        bed.scale("web", to: 1)
        bed.advance(seconds: 30)
        bed.delete(WLTestBed.sts, "web")
        bed.advance(seconds: 30)
        #expect(bed.claimNames() == ["www-web-0", "www-web-1", "www-web-2"])
        #expect(bed.store.list(WLTestBed.pvc, namespace: "default").allSatisfy { $0.ownerReferences.isEmpty })
        #expect(bed.volumes().count == 3)
    }

    @Test func whenScaledDeleteRemovesClaimsOfCondemnedPods() {
        let bed = WLTestBed()
        bed.apply(Self.set(whenDeleted: "Retain", whenScaled: "Delete"))
        bed.advance(seconds: 60)
        #expect(bed.store.list(WLTestBed.pvc, namespace: "default").allSatisfy { $0.ownerReferences.isEmpty })
        let volumeOf0 = bed.get(WLTestBed.pvc, "www-web-0")!.spec["volumeName"].string!
        let claim2 = bed.get(WLTestBed.pvc, "www-web-2")!.uid
        bed.scale("web", to: 1)
        // The condemned pod's claim is put under the pod before the pod is deleted.
        let pod2 = bed.get(WLTestBed.pod, "web-2")!
        #expect(bed.get(WLTestBed.pvc, "www-web-2")!.ownerReferences == [[
            "apiVersion": "v1", "kind": "Pod", "name": "web-2", "uid": .string(pod2.uid),
            "controller": true, "blockOwnerDeletion": true,
        ]])
        bed.advance(seconds: 30)
        #expect(bed.claimNames() == ["www-web-0"])
        // Their volumes (reclaim policy Delete) go too.
        #expect(bed.volumes().map(\.name) == [volumeOf0])
        // Scaling up again makes fresh claims.
        bed.scale("web", to: 3)
        bed.advance(seconds: 60)
        #expect(bed.readyPods("web") == ["web-0", "web-1", "web-2"])
        #expect(bed.get(WLTestBed.pvc, "www-web-2")!.uid != claim2)
        #expect(bed.get(WLTestBed.pvc, "www-web-2")!.ownerReferences.isEmpty)
    }

    @Test func whenDeletedDeleteRemovesClaimsWithTheSet() {
        let bed = WLTestBed()
        bed.apply(Self.set(whenDeleted: "Delete", whenScaled: "Retain", replicas: 2))
        bed.advance(seconds: 60)
        let set = bed.get(WLTestBed.sts, "web")!
        for claim in bed.store.list(WLTestBed.pvc, namespace: "default") {
            #expect(claim.ownerReferences == [[
                "apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web", "uid": .string(set.uid),
                "controller": true, "blockOwnerDeletion": true,
            ]])
        }
        bed.scale("web", to: 1)
        bed.advance(seconds: 30)
        #expect(bed.claimNames() == ["www-web-0", "www-web-1"])
        bed.delete(WLTestBed.sts, "web")
        bed.advance(seconds: 30)
        #expect(bed.claimNames().isEmpty)
        #expect(bed.volumes().isEmpty)
    }

    @Test func bothDeleteMovesOwnershipFromSetToPodOnScaleDown() {
        let bed = WLTestBed()
        bed.apply(Self.set(whenDeleted: "Delete", whenScaled: "Delete", replicas: 2))
        bed.advance(seconds: 60)
        let set = bed.get(WLTestBed.sts, "web")!
        #expect(bed.get(WLTestBed.pvc, "www-web-1")!.ownerReferences.map { $0["uid"] } == [.string(set.uid)])
        bed.scale("web", to: 1)
        let pod1 = bed.get(WLTestBed.pod, "web-1")!
        #expect(bed.get(WLTestBed.pvc, "www-web-1")!.ownerReferences.map { $0["uid"] } == [.string(pod1.uid)])
        #expect(bed.get(WLTestBed.pvc, "www-web-0")!.ownerReferences.map { $0["uid"] } == [.string(set.uid)])
        bed.advance(seconds: 30)
        #expect(bed.claimNames() == ["www-web-0"])
    }

    @Test func changingThePolicyRewritesOwnersOnExistingClaims() {
        let bed = WLTestBed()
        bed.apply(Self.set(whenDeleted: "Retain", whenScaled: "Retain", replicas: 2))
        bed.advance(seconds: 60)
        bed.apply(Self.set(whenDeleted: "Delete", whenScaled: "Retain", replicas: 2))
        let set = bed.get(WLTestBed.sts, "web")!
        #expect(bed.store.list(WLTestBed.pvc, namespace: "default").allSatisfy {
            $0.ownerReferences.map { $0["uid"] } == [.string(set.uid)]
        })
        bed.apply(Self.set(whenDeleted: "Retain", whenScaled: "Retain", replicas: 2))
        #expect(bed.store.list(WLTestBed.pvc, namespace: "default").allSatisfy { $0.ownerReferences.isEmpty })
    }
}
