import Testing

/// Seed 004 typed as the seed shows it, `sudo` included, compared with the output the seed shows
/// (the seed's scrape drops table headers and collapses spaces; ages and UIDs are masked). Only the
/// two `touch` lines differ: the seed names its own PV UIDs, which a learner replaces with theirs.
/// The seed's `kubectl exec POD ls` (no `--`) is refused by kubectl 1.31 and later, so each is
/// followed by the form with `--`, as a learner retypes it.
@Suite struct Seed004VerbatimTests {
    static let transcript = WalkthroughHarness.run(folder: "seed004", script: """
        sudo kubectl get sts
        sudo kubectl apply -f statefulset.yaml
        sleep 40
        sudo kubectl get pod
        sudo kubectl get statefulset
        sudo kubectl get pvc
        sudo kubectl get pv
        ls -1 /var/share/nfs
        touch $(ls -d /var/share/nfs/default-sample-pvc-sample-statefuleset-0-pvc-*)/sample001.txt
        touch $(ls -d /var/share/nfs/default-sample-pvc-sample-statefuleset-1-pvc-*)/sample002.txt
        sudo kubectl exec -it sample-statefuleset-0 ls /var/data
        sudo kubectl exec -it sample-statefuleset-0 -- ls /var/data
        sudo kubectl exec -it sample-statefuleset-1 ls /var/data
        sudo kubectl exec -it sample-statefuleset-1 -- ls /var/data
        sudo kubectl delete -f statefulset.yaml
        sudo kubectl apply -f statefulset.yaml
        """)

    /// A row as the seed's scrape shows it: single spaces, ages and PV UIDs masked.
    static func scraped(_ line: String) -> String {
        line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .replacingOccurrences(of: #"pvc-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, with: "pvc-UID", options: .regularExpression)
            .replacingOccurrences(of: #" (\d+[smhd])+$"#, with: " AGE", options: .regularExpression)
    }

    func rows(_ command: String) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript).dropFirst().map(Self.scraped)
    }

    @Test func sudoRunsKubectlAndTheTablesMatchTheSeed() {
        #expect(WalkthroughHarness.output(of: "sudo kubectl get sts", in: Self.transcript) == ["No resources found in default namespace."])
        #expect(WalkthroughHarness.output(of: "sudo kubectl apply -f statefulset.yaml", in: Self.transcript) == ["statefulset.apps/sample-statefuleset created"])
        #expect(rows("sudo kubectl get pod") == ["sample-statefuleset-0 1/1 Running 0 AGE", "sample-statefuleset-1 1/1 Running 0 AGE"])
        #expect(rows("sudo kubectl get statefulset") == ["sample-statefuleset 2/2 AGE"])
        #expect(rows("sudo kubectl get pvc").map { $0.replacingOccurrences(of: " <unset>", with: "") } == [
            "sample-pvc-sample-statefuleset-0 Bound pvc-UID 1Gi RWO nfs AGE",
            "sample-pvc-sample-statefuleset-1 Bound pvc-UID 1Gi RWO nfs AGE",
        ])
        #expect(rows("sudo kubectl get pv").map { $0.replacingOccurrences(of: " <unset>", with: "") }.sorted() == [
            "pvc-UID 1Gi RWO Retain Bound default/sample-pvc-sample-statefuleset-0 nfs AGE",
            "pvc-UID 1Gi RWO Retain Bound default/sample-pvc-sample-statefuleset-1 nfs AGE",
        ])
    }

    @Test func theExportAndThePodsShowTheSeedsFiles() {
        #expect(WalkthroughHarness.output(of: "ls -1 /var/share/nfs", in: Self.transcript).map(Self.scraped) == [
            "default-sample-pvc-sample-statefuleset-0-pvc-UID", "default-sample-pvc-sample-statefuleset-1-pvc-UID",
        ])
        for pod in ["sample-statefuleset-0", "sample-statefuleset-1"] {
            #expect(WalkthroughHarness.output(of: "sudo kubectl exec -it \(pod) ls /var/data", in: Self.transcript) == [
                "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead",
                "See 'kubectl exec -h' for help and examples",
            ])
        }
        #expect(WalkthroughHarness.output(of: "sudo kubectl exec -it sample-statefuleset-0 -- ls /var/data", in: Self.transcript) == ["sample001.txt"])
        #expect(WalkthroughHarness.output(of: "sudo kubectl exec -it sample-statefuleset-1 -- ls /var/data", in: Self.transcript) == ["sample002.txt"])
        #expect(WalkthroughHarness.output(of: "sudo kubectl delete -f statefulset.yaml", in: Self.transcript) == ["statefulset.apps \"sample-statefuleset\" deleted"])
    }
}
