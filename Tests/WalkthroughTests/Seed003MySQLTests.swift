import Testing

/// Seed 003: deleting the MySQL StatefulSet keeps its claim and volume; re-applying re-binds them.
@Suite struct Seed003MySQLTests {
    static let transcript = WalkthroughHarness.runWalkthrough("seed003")

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    @Test func deleteRemovesServiceSetAndPodButNotStorage() {
        #expect(out("kubectl delete -f mysql-sts.yml") == ["service \"mysql\" deleted", "statefulset.apps \"mysql\" deleted"])
        // kubectl waits for the StatefulSet to go; its pod may still be stopping.
        let left = out("kubectl get svc,sts,po", 2)
        #expect(!left.contains { $0.hasPrefix("service/mysql ") || $0.hasPrefix("statefulset.apps/mysql ") })
        #expect(left.filter { $0.hasPrefix("pod/mysql-0 ") }.allSatisfy { $0.contains(" Terminating ") })
        let storage = out("kubectl get pvc,pv")
        #expect(storage.contains { $0.hasPrefix("persistentvolumeclaim/pvc-mysql-0 ") && $0.contains(" Bound ") })
        #expect(storage.contains { $0.hasPrefix("persistentvolume/pvc-") && $0.contains("default/pvc-mysql-0") })
    }

    @Test func reapplyBindsTheSameVolume() {
        let before = out("kubectl get pvc,pv")
        let after = out("kubectl get pvc,pv", 2)
        let volumeNames = { (rows: [String]) in rows.filter { $0.hasPrefix("persistentvolume/") }.map { $0.split(separator: " ")[0] } }
        #expect(volumeNames(before) == volumeNames(after) && volumeNames(after).count == 1)
        #expect(out("kubectl get po mysql-0 -o wide").last?.contains(" Running ") == true)
    }
}
