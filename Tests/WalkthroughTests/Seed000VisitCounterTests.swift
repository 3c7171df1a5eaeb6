import GoldenTesting
import Testing

/// Seed 000: a headless Service and a StatefulSet with a volumeClaimTemplate, scaled 2 → 4 → 2.
@Suite struct Seed000VisitCounterTests {
    static let transcript = WalkthroughHarness.runWalkthrough("seed000")

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    @Test func applyCreatesTheServiceAndTheStatefulSet() {
        #expect(out("kubectl apply -f visit-cnt-stfs.yaml") == [
            "service/visit-cnt-stfs-svc created",
            "statefulset.apps/visit-cnt-stfs created",
        ])
    }

    @Test func podsAreCreatedInOrder() {
        let rows = out("kubectl get pods")
        #expect(rows.first?.hasPrefix("NAME ") == true)
        #expect(rows.contains { $0.hasPrefix("visit-cnt-stfs-0 ") })
        #expect(!rows.contains { $0.hasPrefix("visit-cnt-stfs-1 ") }, "pod -1 must wait until -0 is Running and Ready")
    }

    @Test func twoReplicasRunOnTheWorkers() {
        let rows = out("kubectl get sts,po,svc -o wide | grep visit")
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("statefulset.apps/visit-cnt-stfs   2/2 "))
        #expect(rows[0].hasSuffix("stfs-container   dbgurum/mynode:fc.stfs"))
        for (i, row) in rows[1...2].enumerated() {
            #expect(row.hasPrefix("pod/visit-cnt-stfs-\(i) "))
            #expect(row.contains(" 1/1 ") && row.contains(" Running ") && row.contains("<none>"))
            #expect(row.contains("k8s-node1") || row.contains("k8s-node2"))
        }
        #expect(rows[3].hasPrefix("service/visit-cnt-stfs-svc"))
        #expect(rows[3].contains("ClusterIP   None ") && rows[3].contains("8080/TCP") && rows[3].hasSuffix("app=visit-cnt-stfs"))
    }

    @Test func scaleUpAddsPodsAndVolumes() {
        #expect(out("kubectl scale sts visit-cnt-stfs --replicas 4") == ["statefulset.apps/visit-cnt-stfs scaled"])
        let rows = out("kubectl get sts,po,svc,pv -o wide | grep visit")
        #expect(rows.first?.hasPrefix("statefulset.apps/visit-cnt-stfs   4/4 ") == true)
        for i in 0..<4 {
            #expect(rows.contains { $0.hasPrefix("pod/visit-cnt-stfs-\(i) ") && $0.contains(" Running ") })
        }
        let pvs = rows.filter { $0.hasPrefix("persistentvolume/pvc-") }
        #expect(pvs.count == 4)
        for i in 0..<4 {
            #expect(pvs.contains { $0.contains(" Bound ") && $0.contains("default/data-visit-cnt-stfs-\(i) ") && $0.contains("openebs-hostpath") && $0.contains(" Delete ") && $0.contains("1Gi") && $0.contains("RWO") })
        }
    }

    @Test func scaleDownRemovesTheHighestOrdinalsAndKeepsTheVolumes() {
        #expect(out("kubectl scale sts visit-cnt-stfs --replicas 2") == ["statefulset.apps/visit-cnt-stfs scaled"])
        let rows = out("kubectl get sts,po,svc,pv -o wide | grep visit", 2)
        #expect(rows.first?.hasPrefix("statefulset.apps/visit-cnt-stfs   2/2 ") == true)
        #expect(rows.filter { $0.hasPrefix("pod/") }.map { String($0.prefix(18)) } == ["pod/visit-cnt-stfs", "pod/visit-cnt-stfs"])
        #expect(!rows.contains { $0.hasPrefix("pod/visit-cnt-stfs-2") || $0.hasPrefix("pod/visit-cnt-stfs-3") })
        #expect(rows.filter { $0.hasPrefix("persistentvolume/") && $0.contains(" Bound ") }.count == 4)
        #expect(out("kubectl get pvc").filter { $0.hasPrefix("data-visit-cnt-stfs-") && $0.contains(" Bound ") }.count == 4)
    }

    @Test func explainShowsThePodManagementPolicyField() {
        let text = out("kubectl explain statefulset.spec.podManagementPolicy")
        #expect(Array(text.prefix(6)) == ["GROUP:      apps", "KIND:       StatefulSet", "VERSION:    v1", "",
                                          "FIELD: podManagementPolicy <string>", "ENUM:"])
        #expect(text.contains("    OrderedReady") && text.contains("    Parallel"))
        #expect(text.contains("DESCRIPTION:"))
    }

    @Test func theSameScriptTwiceGivesTheSameBytes() {
        #expect(WalkthroughHarness.runWalkthrough("seed000") == Self.transcript)
    }

    @Test func anotherSeedChangesVolatileValuesOnly() {
        let other = WalkthroughHarness.runWalkthrough("seed000", seed: 42)
        #expect(other != Self.transcript)
        let difference = GoldenFile.firstDifference(
            expected: WalkthroughHarness.withoutVolatileValues(Self.transcript),
            actual: WalkthroughHarness.withoutVolatileValues(other))
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test func transcriptMatchesTheGolden() {
        WalkthroughHarness.expectGolden(Self.transcript, folder: "seed000", name: "transcript.golden")
    }
}
