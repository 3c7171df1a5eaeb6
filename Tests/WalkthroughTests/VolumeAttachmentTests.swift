import Testing

/// A network block volume (`standard`, Longhorn's CSI driver) is attached through a VolumeAttachment
/// named as the CSI attacher names it, `csi-<sha256(volume handle + driver + node)>`. It stays
/// attached to a lost node until the force detach, then a new one attaches the volume to the node
/// the StatefulSet's pod moved to.
@Suite struct VolumeAttachmentTests {
    static let transcript = WalkthroughHarness.run(folder: "seed003", script: """
        kubectl apply -f mysql-sts.yml
        sleep 65
        kubectl get volumeattachments
        kubectl get volumeattachment -o jsonpath={.items[0].metadata.finalizers}; echo
        vagrant halt k8s-node1
        sleep 400
        kubectl delete node k8s-node1
        kubectl get volumeattachments.storage.k8s.io
        sleep 480
        kubectl get volumeattachments
        kubectl get po mysql-0 -o wide
        kubectl api-resources --api-group=storage.k8s.io
        """, nodeNames: ["k8s-master", "k8s-node1", "k8s-node2"])

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    static let header = "NAME                                                                   ATTACHER             PV                                         NODE        ATTACHED   AGE"
    static let pv = "pvc-116a7537-1175-47e5-a790-5a1d447cd6c4"
    /// sha256("pvc-116a7537-...k8s-node1") as Python's hashlib computes it.
    static let onNode1 = "csi-24816cfabecddd215b24c6bf35c244598b1afdcc065e5ff1a14e93660d6c4004"
    static let onNode2 = "csi-2a74014b45ed3bd29b291f32f983a683fed6455d36a6b5725b3a4f6c5e0d04cc"

    @Test func theAttachmentIsNamedAsTheCSIAttacherNamesItAndHeldByItsFinalizer() {
        #expect(out("kubectl get volumeattachments") == [
            Self.header, "\(Self.onNode1)   driver.longhorn.io   \(Self.pv)   k8s-node1   true       64s",
        ])
        #expect(out("kubectl get volumeattachment -o jsonpath={.items[0].metadata.finalizers}; echo") == [#"["external-attacher/driver-longhorn-io"]"#])
    }

    @Test func itStaysOnTheLostNodeUntilTheForceDetachThenFollowsThePod() {
        #expect(out("kubectl get volumeattachments.storage.k8s.io") == [
            Self.header, "\(Self.onNode1)   driver.longhorn.io   \(Self.pv)   k8s-node1   true       7m48s",
        ])
        #expect(out("kubectl get volumeattachments", 2) == [
            Self.header, "\(Self.onNode2)   driver.longhorn.io   \(Self.pv)   k8s-node2   true       69s",
        ])
        #expect(out("kubectl get po mysql-0 -o wide")[1].contains("Running"))
        #expect(out("kubectl api-resources --api-group=storage.k8s.io") == [
            "NAME                SHORTNAMES   APIVERSION          NAMESPACED   KIND",
            "storageclasses      sc           storage.k8s.io/v1   false        StorageClass",
            "volumeattachments                storage.k8s.io/v1   false        VolumeAttachment",
        ])
    }
}
