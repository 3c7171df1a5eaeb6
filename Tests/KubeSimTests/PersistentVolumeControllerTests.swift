import KubeAPI
import Testing

@testable import KubeSim

/// Provisioning per StorageClass, binding, reclaiming and the protection finalizers.
@Suite struct PersistentVolumeControllerTests {
    static func claim(_ name: String, className: String?, size: String = "1Gi", modes: String = "[ReadWriteOnce]",
                      extra: String = "") -> String
    {
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: \(name)
        spec:
          accessModes: \(modes)
        \(className.map { "  storageClassName: \"\($0)\"" } ?? "")
          resources:
            requests:
              storage: \(size)
        \(extra)
        """
    }

    static func staticVolume(_ name: String, size: String, className: String = "", reclaim: String = "Retain",
                             labels: String = "{}") -> String
    {
        """
        apiVersion: v1
        kind: PersistentVolume
        metadata:
          name: \(name)
          labels: \(labels)
        spec:
          capacity:
            storage: \(size)
          accessModes: [ReadWriteOnce, ReadOnlyMany]
          persistentVolumeReclaimPolicy: \(reclaim)
          storageClassName: "\(className)"
          hostPath:
            path: /data/\(name)
        """
    }

    @Test func immediateClassProvisionsAfterAboutASecond() {
        let bed = WLTestBed()
        bed.apply(Self.claim("data", className: "nfs"))
        #expect(bed.volumes().isEmpty)
        let claim = bed.get(WLTestBed.pvc, "data")!
        #expect(claim.annotations["volume.kubernetes.io/storage-provisioner"] == "cluster.local/nfs-subdir-external-provisioner")
        #expect(claim.annotations["volume.beta.kubernetes.io/storage-provisioner"] == "cluster.local/nfs-subdir-external-provisioner")
        bed.advance(seconds: 0.9)
        #expect(bed.volumes().isEmpty)
        bed.advance(seconds: 1)
        let pv = bed.volumes()[0]
        #expect(pv.name == "pvc-" + claim.uid)
        #expect(pv.spec["claimRef"] == [
            "apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": "data", "namespace": "default",
            "resourceVersion": .string(claim["metadata"]["resourceVersion"].string!), "uid": .string(claim.uid),
        ])
        #expect(pv.status["phase"] == "Bound")
        let bound = bed.get(WLTestBed.pvc, "data")!
        #expect(bound.status == ["accessModes": ["ReadWriteOnce"], "capacity": ["storage": "1Gi"], "phase": "Bound"])
        #expect(bound.spec["volumeName"].string == pv.name)
        #expect(bound.annotations["pv.kubernetes.io/bind-completed"] == "yes")
        #expect(bound.annotations["pv.kubernetes.io/bound-by-controller"] == "yes")
        #expect(bed.eventMessages(reason: "ProvisioningSucceeded") == ["Successfully provisioned volume \(pv.name)"])
        #expect(bed.eventMessages(reason: "Provisioning") == ["External provisioner is provisioning volume for claim \"default/data\""])
    }

    @Test func waitForFirstConsumerWaitsForTheSelectedNode() {
        let bed = WLTestBed()
        bed.apply(Self.claim("data", className: "standard"))
        bed.advance(seconds: 30)
        #expect(bed.volumes().isEmpty)
        #expect(bed.get(WLTestBed.pvc, "data")!.status["phase"] == "Pending")
        #expect(bed.eventMessages(reason: "WaitForFirstConsumer") == ["waiting for first consumer to be created before binding"])
        // The binder looks again every 15 s, so the event counts up: at 0 s, 15 s and 30 s.
        let waiting = bed.store.list(WLTestBed.event, namespace: "default").first { $0["reason"] == "WaitForFirstConsumer" }
        #expect(waiting?["count"] == 3)
        _ = try! bed.store.modify(ObjectRef(WLTestBed.pvc, namespace: "default", name: "data")) {
            $0["metadata"]["annotations"] = ["volume.kubernetes.io/selected-node": "k8s-node2"]
        }
        bed.advance(seconds: 3)
        let pv = bed.volumes()[0]
        #expect(pv.spec["hostPath"] == ["path": .string("/var/local-path-provisioner/\(pv.name)_default_data"), "type": "DirectoryOrCreate"])
        #expect(VolumeDataLocation.node(of: pv) == "k8s-node2")
        #expect(pv.spec["persistentVolumeReclaimPolicy"] == "Delete")
        #expect(pv.spec["storageClassName"] == "standard")
        #expect(VolumeDataLocation.volumeName(forClaim: "data", namespace: "default", in: bed.store) == pv.name)
    }

    @Test func missingStorageClassLeavesTheClaimPending() {
        let bed = WLTestBed()
        bed.apply(Self.claim("data", className: "fast"))
        bed.advance(seconds: 30)
        #expect(bed.get(WLTestBed.pvc, "data")!.status["phase"] == "Pending")
        #expect(bed.eventMessages(reason: "ProvisioningFailed") == [#"storageclass.storage.k8s.io "fast" not found"#])
        // Creating the class later lets it provision.
        bed.apply("""
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: fast}
            provisioner: cluster.local/nfs-subdir-external-provisioner
            """)
        bed.advance(seconds: 3)
        #expect(bed.get(WLTestBed.pvc, "data")!.status["phase"] == "Bound")
        #expect(bed.volumes()[0].spec["persistentVolumeReclaimPolicy"] == "Delete")
    }

    @Test func unknownProvisionerNeverAnswers() {
        let bed = WLTestBed()
        bed.apply("""
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: ebs}
            provisioner: ebs.csi.aws.com
            """)
        bed.apply(Self.claim("data", className: "ebs"))
        bed.advance(seconds: 60)
        #expect(bed.volumes().isEmpty)
        #expect(bed.eventMessages(reason: "ExternalProvisioning").first?.hasPrefix("Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com'") == true)
    }

    @Test func claimWithoutClassGetsTheDefaultClass() {
        let bed = WLTestBed()
        bed.apply(Self.claim("data", className: nil))
        #expect(bed.get(WLTestBed.pvc, "data")!.spec["storageClassName"] == "standard")
    }

    @Test func staticBindingPicksTheSmallestFittingVolume() {
        let bed = WLTestBed()
        bed.apply(Self.staticVolume("big", size: "10Gi"))
        bed.apply(Self.staticVolume("small", size: "500Mi"))
        bed.apply(Self.staticVolume("fit", size: "2Gi"))
        bed.apply(Self.staticVolume("other-class", size: "1Gi", className: "nfs"))
        #expect(bed.volumes().allSatisfy { $0.status["phase"] == "Available" })
        bed.apply(Self.claim("data", className: "", size: "1Gi"))
        let claim = bed.get(WLTestBed.pvc, "data")!
        #expect(claim.spec["volumeName"] == "fit")
        #expect(claim.status["capacity"] == ["storage": "2Gi"])
        #expect(claim.status["accessModes"] == ["ReadWriteOnce", "ReadOnlyMany"])
        let fit = bed.get(WLTestBed.pv, "fit")!
        #expect(fit.status["phase"] == "Bound")
        #expect(fit.annotations["pv.kubernetes.io/bound-by-controller"] == "yes")
        #expect(fit.spec["claimRef"]["name"] == "data")
        // Access modes the volume lacks, and a selector, rule volumes out.
        bed.apply(Self.claim("rwx", className: "", modes: "[ReadWriteMany]"))
        #expect(bed.get(WLTestBed.pvc, "rwx")!.status["phase"] == "Pending")
        #expect(bed.eventMessages(reason: "FailedBinding").contains("no persistent volumes available for this claim and no storage class is set"))
        bed.apply(Self.staticVolume("labelled", size: "5Gi", labels: "{tier: gold}"))
        bed.apply(Self.claim("gold", className: "", extra: "  selector:\n    matchLabels:\n      tier: gold"))
        #expect(bed.get(WLTestBed.pvc, "gold")!.spec["volumeName"] == "labelled")
    }

    @Test func claimPreboundToAVolumeByName() {
        let bed = WLTestBed()
        bed.apply(Self.staticVolume("mine", size: "1Gi"))
        bed.apply(Self.claim("data", className: "", extra: "  volumeName: mine"))
        let claim = bed.get(WLTestBed.pvc, "data")!
        #expect(claim.status["phase"] == "Bound")
        #expect(claim.annotations["pv.kubernetes.io/bound-by-controller"] == nil)
        #expect(bed.get(WLTestBed.pv, "mine")!.spec["claimRef"]["uid"].string == claim.uid)
    }

    @Test func deletedClaimReleasesRetainVolumesAndDeletesDeleteVolumes() {
        let bed = WLTestBed()
        bed.apply(Self.claim("kept", className: "nfs"))
        bed.apply(Self.claim("gone", className: "standard", extra: "  volumeName: \"\""))
        _ = try! bed.store.modify(ObjectRef(WLTestBed.pvc, namespace: "default", name: "gone")) {
            $0["metadata"]["annotations"] = ["volume.kubernetes.io/selected-node": "k8s-node1"]
        }
        bed.advance(seconds: 5)
        let kept = bed.get(WLTestBed.pvc, "kept")!.spec["volumeName"].string!
        let gone = bed.get(WLTestBed.pvc, "gone")!.spec["volumeName"].string!
        bed.delete(WLTestBed.pvc, "kept")
        bed.delete(WLTestBed.pvc, "gone")
        #expect(bed.get(WLTestBed.pv, kept)!.status["phase"] == "Released")
        #expect(bed.get(WLTestBed.pv, gone)!.status["phase"] == "Released")
        bed.advance(seconds: 5)
        #expect(bed.get(WLTestBed.pv, kept)!.status["phase"] == "Released")
        #expect(bed.get(WLTestBed.pv, kept)!.spec["claimRef"]["name"] == "kept")
        #expect(bed.get(WLTestBed.pv, gone) == nil)
    }

    @Test func staticDeleteVolumeWithoutProvisionerFails() {
        let bed = WLTestBed()
        bed.apply(Self.staticVolume("manual", size: "1Gi", reclaim: "Delete"))
        bed.apply(Self.claim("data", className: ""))
        bed.delete(WLTestBed.pvc, "data")
        let pv = bed.get(WLTestBed.pv, "manual")!
        #expect(pv.status["phase"] == "Failed")
        #expect(bed.store.list(WLTestBed.event, namespace: "default").contains { $0["reason"] == "VolumeFailedDelete" })
    }

    @Test func pvcProtectionHoldsTheClaimWhileAPodUsesIt() {
        let bed = WLTestBed()
        bed.apply(Self.claim("data", className: "nfs", extra: "").replacingOccurrences(
            of: "  name: data\n", with: "  name: data\n  finalizers: [kubernetes.io/pvc-protection]\n"))
        bed.advance(seconds: 3)
        bed.apply("""
            apiVersion: v1
            kind: Pod
            metadata: {name: user}
            spec:
              containers: [{name: c, image: busybox}]
              volumes: [{name: v, persistentVolumeClaim: {claimName: data}}]
            """)
        bed.advance(seconds: 5)
        bed.delete(WLTestBed.pvc, "data")
        bed.advance(seconds: 5)
        let claim = bed.get(WLTestBed.pvc, "data")
        #expect(claim?.isDeleting == true)
        #expect(claim?["metadata"]["finalizers"] == ["kubernetes.io/pvc-protection"])
        bed.delete(WLTestBed.pod, "user")
        bed.advance(seconds: 5)
        #expect(bed.get(WLTestBed.pvc, "data") == nil)
        #expect(bed.volumes()[0].status["phase"] == "Released")
    }

    @Test func pvProtectionHoldsABoundVolume() {
        let bed = WLTestBed()
        bed.apply(Self.staticVolume("vol", size: "1Gi").replacingOccurrences(
            of: "  name: vol\n", with: "  name: vol\n  finalizers: [kubernetes.io/pv-protection]\n"))
        bed.apply(Self.claim("data", className: ""))
        _ = try! bed.cluster.api.delete(ObjectRef(WLTestBed.pv, namespace: "", name: "vol"))
        bed.cluster.settle()
        #expect(bed.get(WLTestBed.pv, "vol")?.isDeleting == true)
        bed.delete(WLTestBed.pvc, "data")
        #expect(bed.get(WLTestBed.pv, "vol") == nil)
    }

    @Test func quantitiesCompareAcrossUnits() {
        #expect(StorageQuantity.bytes("1Gi") == 1_073_741_824)
        #expect(StorageQuantity.bytes("1G")! < StorageQuantity.bytes("1Gi")!)
        #expect(StorageQuantity.bytes("1500Mi")! > StorageQuantity.bytes("1Gi")!)
        #expect(StorageQuantity.bytes("1e3") == 1000)
        #expect(StorageQuantity.bytes("abc") == nil)
        #expect(StorageQuantity.bytes("") == nil)
        #expect(StorageQuantity.bytes("Gi") == nil)
    }
}
