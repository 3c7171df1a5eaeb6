import Testing

/// Seed 004: the removed apps/v1beta1 is refused; with apps/v1 the claims survive delete and re-apply.
@Suite struct Seed004ReapplyTests {
    static let transcript = WalkthroughHarness.runWalkthrough("seed004")

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    @Test func removedAPIVersionIsRefusedAsTheServerDoes() {
        #expect(out("kubectl apply -f statefulset-v1beta1.yaml") == [
            "error: resource mapping not found for name: \"sample-statefuleset\" namespace: \"\" from \"statefulset-v1beta1.yaml\": no matches for kind \"StatefulSet\" in version \"apps/v1beta1\"",
            "ensure CRDs are installed first",
        ])
    }

    @Test func nfsVolumesAreRetainedAndReboundAfterReapply() {
        let before = out("kubectl get pvc")
        let after = out("kubectl get pvc", 2)
        #expect(before.count == 3 && after.count == 3)
        let volumes = { (rows: [String]) in rows.dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] } }
        #expect(volumes(before) == volumes(after), "the same PersistentVolumes are bound again")
        #expect(after.dropFirst().allSatisfy { $0.contains(" Bound ") && $0.contains(" nfs ") })
        let pvs = out("kubectl get pv", 2)
        #expect(pvs.count == 3)
        #expect(pvs.dropFirst().allSatisfy { $0.contains(" Retain ") && $0.contains(" Bound ") && $0.contains("default/sample-pvc-sample-statefuleset-") })
    }

    @Test func deleteAndReapplyPrintKubectlMessages() {
        #expect(out("kubectl delete -f statefulset.yaml") == ["statefulset.apps \"sample-statefuleset\" deleted"])
        #expect(out("kubectl apply -f statefulset.yaml", 2) == ["statefulset.apps/sample-statefuleset created"])
    }
}
