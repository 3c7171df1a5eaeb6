import KubeAPI
import Testing

@testable import KubeSim

/// The walkthroughs of seeds 000 and 004, at the level of the controllers.
@Suite struct StatefulSetSeedScenarioTests {
    static let visitCounter = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: visit-cnt-stfs
        spec:
          selector:
            matchLabels:
              app: visit-cnt-stfs
          serviceName: visit-cnt-stfs-svc
          replicas: 2
          template:
            metadata:
              labels:
                app: visit-cnt-stfs
            spec:
              containers:
              - name: stfs-container
                image: dbgurum/mynode:fc.stfs
                ports:
                - name: http
                  containerPort: 8080
                volumeMounts:
                - name: data
                  mountPath: /var/data
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              resources:
                requests:
                  storage: 1Gi
              accessModes:
              - ReadWriteOnce
              storageClassName: "openebs-hostpath"
        """

    @Test func seed000ScaleUpAndDownKeepsVolumes() {
        let bed = WLTestBed()
        let timeline = bed.recordPodTimeline()
        bed.apply(Self.visitCounter)
        bed.advance(seconds: 1)
        #expect(bed.podNames("visit-cnt-stfs") == ["visit-cnt-stfs-0"])
        #expect(bed.claimNames() == ["data-visit-cnt-stfs-0"])

        bed.advance(seconds: 60)
        #expect(bed.readyPods("visit-cnt-stfs") == ["visit-cnt-stfs-0", "visit-cnt-stfs-1"])
        let sts = bed.get(WLTestBed.sts, "visit-cnt-stfs")!
        #expect(sts.status["replicas"] == 2)
        #expect(sts.status["readyReplicas"] == 2)
        #expect(sts.status["availableReplicas"] == 2)
        #expect(sts.status["currentReplicas"] == 2)
        #expect(sts.status["updatedReplicas"] == 2)
        #expect(sts.status["currentRevision"] == sts.status["updateRevision"])
        #expect(sts.status["collisionCount"] == 0)
        // -1 only after -0 was Running and Ready.
        #expect(timeline.entries == ["+visit-cnt-stfs-0", "+visit-cnt-stfs-1"])

        bed.scale("visit-cnt-stfs", to: 4)
        bed.advance(seconds: 60)
        #expect(bed.readyPods("visit-cnt-stfs") == (0...3).map { "visit-cnt-stfs-\($0)" })
        #expect(bed.volumes().count == 4)

        bed.scale("visit-cnt-stfs", to: 2)
        bed.advance(seconds: 60)
        #expect(bed.podNames("visit-cnt-stfs") == ["visit-cnt-stfs-0", "visit-cnt-stfs-1"])
        // Highest ordinal first, one at a time: -2 is asked to stop only after -3 is gone.
        #expect(Array(timeline.entries.suffix(4)) == ["-visit-cnt-stfs-3", "x visit-cnt-stfs-3", "-visit-cnt-stfs-2", "x visit-cnt-stfs-2"])

        let volumes = bed.volumes()
        #expect(volumes.count == 4)
        let claims = volumes.map { "\($0.spec["claimRef"]["namespace"].string ?? "")/\($0.spec["claimRef"]["name"].string ?? "")" }.sorted()
        #expect(claims == (0...3).map { "default/data-visit-cnt-stfs-\($0)" })
        for pv in volumes {
            #expect(pv.status["phase"] == "Bound")
            #expect(pv.spec["storageClassName"] == "openebs-hostpath")
            #expect(pv.spec["persistentVolumeReclaimPolicy"] == "Delete")
            #expect(pv.spec["capacity"]["storage"] == "1Gi")
            #expect(pv.spec["accessModes"] == ["ReadWriteOnce"])
            #expect(pv.spec["volumeMode"] == "Filesystem")
            #expect(pv.spec["local"]["path"].string == "/var/openebs/local/" + pv.name)
            #expect(pv.annotations["pv.kubernetes.io/provisioned-by"] == "openebs.io/local")
            let claim = bed.get(WLTestBed.pvc, pv.spec["claimRef"]["name"].string!)!
            #expect(pv.name == "pvc-" + claim.uid)
            #expect(claim.status["phase"] == "Bound")
            #expect(claim.spec["volumeName"].string == pv.name)
        }
        #expect(bed.claimNames() == (0...3).map { "data-visit-cnt-stfs-\($0)" })

        let events = bed.eventMessages()
        #expect(events.contains("create Claim data-visit-cnt-stfs-0 Pod visit-cnt-stfs-0 in StatefulSet visit-cnt-stfs success"))
        #expect(events.contains("create Pod visit-cnt-stfs-0 in StatefulSet visit-cnt-stfs successful"))
        #expect(events.contains("delete Pod visit-cnt-stfs-3 in StatefulSet visit-cnt-stfs successful"))
    }

    static let sampleSet = """
        kind: StatefulSet
        apiVersion: apps/v1
        metadata:
          name: sample-statefuleset
        spec:
          serviceName: statefuleset-service
          replicas: 2
          updateStrategy:
            type: RollingUpdate
          selector:
            matchLabels:
              app: sample-statefuleset
          template:
            metadata:
              labels:
                app: sample-statefuleset
            spec:
              containers:
              - name: sample-container
                image: gcr.io/google-samples/hello-app:1.0
                volumeMounts:
                - name: sample-pvc
                  mountPath: /var/data
          volumeClaimTemplates:
          - metadata:
              name: sample-pvc
            spec:
              resources:
                requests:
                  storage: 1Gi
              accessModes:
              - ReadWriteOnce
              storageClassName: nfs
        """

    @Test func seed004DeleteAndReapplyReusesClaimsAndVolumes() {
        let bed = WLTestBed()
        bed.apply(Self.sampleSet)
        bed.advance(seconds: 60)
        #expect(bed.readyPods("sample-statefuleset") == ["sample-statefuleset-0", "sample-statefuleset-1"])
        let claimsBefore = bed.store.list(WLTestBed.pvc, namespace: "default").map { "\($0.name) \($0.uid)" }
        let volumesBefore = bed.volumes().map(\.name)
        #expect(claimsBefore.count == 2)
        #expect(volumesBefore.count == 2)
        for pv in bed.volumes() {
            let claim = pv.spec["claimRef"]["name"].string!
            #expect(pv.spec["nfs"]["path"].string == "/var/share/nfs/default-\(claim)-\(pv.name)")
            #expect(pv.spec["nfs"]["server"].string == VolumeProvisioner.defaultNFSServer)
            #expect(pv.spec["persistentVolumeReclaimPolicy"] == "Retain")
            #expect(pv.spec["nodeAffinity"].isNull)
        }

        bed.delete(WLTestBed.sts, "sample-statefuleset")
        bed.advance(seconds: 30)
        #expect(bed.podNames("sample-statefuleset").isEmpty)
        #expect(bed.store.list(WLTestBed.pvc, namespace: "default").map { "\($0.name) \($0.uid)" } == claimsBefore)

        bed.apply(Self.sampleSet)
        bed.advance(seconds: 60)
        #expect(bed.readyPods("sample-statefuleset") == ["sample-statefuleset-0", "sample-statefuleset-1"])
        #expect(bed.store.list(WLTestBed.pvc, namespace: "default").map { "\($0.name) \($0.uid)" } == claimsBefore)
        #expect(bed.volumes().map(\.name) == volumesBefore)
        for pod in bed.store.list(WLTestBed.pod, namespace: "default") {
            let ordinal = pod.name.split(separator: "-").last!
            #expect(PodConditions.claimNames(pod) == ["sample-pvc-sample-statefuleset-\(ordinal)"])
        }
    }

    @Test func seed004RollingUpdateGoesFromTheHighestOrdinal() {
        let bed = WLTestBed()
        bed.apply(Self.sampleSet.replacingOccurrences(of: "replicas: 2", with: "replicas: 3"))
        bed.advance(seconds: 60)
        let oldRevision = bed.get(WLTestBed.sts, "sample-statefuleset")!.status["currentRevision"].string!
        let timeline = bed.recordPodTimeline()
        bed.apply(Self.sampleSet.replacingOccurrences(of: "replicas: 2", with: "replicas: 3")
            .replacingOccurrences(of: "hello-app:1.0", with: "hello-app:2.0"))
        // One pod at a time: the next is deleted only after the previous is back and Ready.
        bed.advance(seconds: 3)
        #expect(timeline.entries == ["-sample-statefuleset-2", "x sample-statefuleset-2", "+sample-statefuleset-2"])
        bed.advance(seconds: 60)
        #expect(timeline.entries == [
            "-sample-statefuleset-2", "x sample-statefuleset-2", "+sample-statefuleset-2",
            "-sample-statefuleset-1", "x sample-statefuleset-1", "+sample-statefuleset-1",
            "-sample-statefuleset-0", "x sample-statefuleset-0", "+sample-statefuleset-0",
        ])
        let sts = bed.get(WLTestBed.sts, "sample-statefuleset")!
        let newRevision = sts.status["updateRevision"].string!
        #expect(newRevision != oldRevision)
        #expect(sts.status["currentRevision"].string == newRevision)
        #expect(sts.status["updatedReplicas"] == 3)
        #expect(sts.status["currentReplicas"] == 3)
        for pod in bed.store.list(WLTestBed.pod, namespace: "default") {
            #expect(pod.labels["controller-revision-hash"] == newRevision)
            #expect(pod.spec["containers"][0]["image"] == "gcr.io/google-samples/hello-app:2.0")
        }
    }
}
