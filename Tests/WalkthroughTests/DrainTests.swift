import Testing

/// `kubectl drain` against a PodDisruptionBudget, emptyDir data and a dry run, with kubectl 1.32's
/// words: a blocked eviction is retried every 5 s until `--timeout`, then the pending pods and
/// the node are listed.
@Suite struct DrainTests {
    static let transcript = WalkthroughHarness.run(folder: "drain", script: """
        kubectl create deployment web --image nginx --replicas 2
        kubectl apply -f pdb.yaml
        kubectl apply -f scratch.yaml
        sleep 20
        kubectl get pdb
        kubectl drain k8s-node1 --ignore-daemonsets --timeout=12s
        kubectl uncordon k8s-node1
        kubectl drain k8s-node2 --ignore-daemonsets --pod-selector app=scratch
        kubectl drain k8s-node2 --ignore-daemonsets --pod-selector app=scratch --delete-emptydir-data --dry-run=client
        kubectl get nodes k8s-node2 --no-headers
        kubectl drain k8s-node2 --pod-selector 'app in (' --ignore-daemonsets
        kubectl drain
        """)

    static func out(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: transcript) }

    /// Draining a node whose kubelet is gone: evicted pods never finish terminating.
    static let unreachable = WalkthroughHarness.run(folder: "drain", script: """
        kubectl create deployment web --image nginx --replicas 2
        sleep 30
        vagrant ssh k8s-node1 -c 'sudo systemctl stop kubelet'
        sleep 60
        kubectl drain k8s-node1 --ignore-daemonsets --timeout=30s
        sleep 30
        kubectl drain k8s-node1 --ignore-daemonsets --skip-wait-for-delete-timeout=10
        kubectl drain k8s-node1 --ignore-daemonsets --disable-eviction --timeout=5s
        kubectl drain --delete-local-data k8s-node2
        kubectl uncordon node/k8s-node1
        kubectl cordon -n kube-system deploy/coredns
        """)

    static func unreachableOut(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: unreachable) }

    /// kubectl 1.32's wait for deletion polls until its context times out, and says so in the
    /// context's words (no more "global timeout reached" there).
    @Test func waitingForAnUnreachablePodEndsWithTheContextsDeadline() {
        let pod = "web-6dc5cd68db-5s86c"
        let waited = "error when waiting for pod \"\(pod)\" in namespace \"default\" to terminate: context deadline exceeded"
        #expect(Self.unreachableOut("kubectl drain k8s-node1 --ignore-daemonsets --timeout=30s") == [
            "node/k8s-node1 cordoned", "Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-cbzsd",
            "evicting pod default/\(pod)",
            "There are pending pods in node \"k8s-node1\" when an error occurred: \(waited)", "pod/\(pod)",
            "error: unable to drain node \"k8s-node1\" due to error: \(waited), continuing command...",
            "There are pending nodes to be drained:", " k8s-node1", "error: \(waited)",
        ])
        #expect(Self.unreachableOut("kubectl drain k8s-node1 --ignore-daemonsets --disable-eviction --timeout=5s").suffix(4) == [
            "error: unable to drain node \"k8s-node1\" due to error: context deadline exceeded, continuing command...",
            "There are pending nodes to be drained:", " k8s-node1", "error: context deadline exceeded",
        ])
    }

    /// `--skip-wait-for-delete-timeout=N`: a pod deleted more than N seconds ago is left alone.
    @Test func podsLongInDeletionAreSkipped() {
        #expect(Self.unreachableOut("kubectl drain k8s-node1 --ignore-daemonsets --skip-wait-for-delete-timeout=10") == [
            "node/k8s-node1 already cordoned", "Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-cbzsd",
            "node/k8s-node1 drained",
        ])
    }

    /// The wait lets go of a pod whose deletion time passed N seconds ago (upstream's
    /// `shouldSkipPod` in waitForDelete), saying so.
    @Test func theWaitSkipsAPodLongPastItsDeletionTime() {
        let transcript = WalkthroughHarness.run(folder: "drain", script: """
            kubectl create deployment web --image nginx --replicas 2
            sleep 30
            vagrant ssh k8s-node1 -c 'sudo systemctl stop kubelet'
            sleep 60
            kubectl drain k8s-node1 --ignore-daemonsets --skip-wait-for-delete-timeout=5
            """)
        let pod = "web-6dc5cd68db-5s86c"
        #expect(WalkthroughHarness.output(of: "kubectl drain k8s-node1 --ignore-daemonsets --skip-wait-for-delete-timeout=5", in: transcript) == [
            "node/k8s-node1 cordoned", "Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-cbzsd",
            "evicting pod default/\(pod)", "pod \"\(pod)\" has DeletionTimestamp older than 5 seconds, skipping",
            "node/k8s-node1 drained",
        ])
    }

    /// `--delete-local-data` is gone since kubectl 1.31; nodes may be named `node/NAME`.
    @Test func removedFlagsAndTypedNodeNames() {
        #expect(Self.unreachableOut("kubectl drain --delete-local-data k8s-node2")
            == ["Error: unknown flag: --delete-local-data", "See 'kubectl drain --help' for usage."])
        #expect(Self.unreachableOut("kubectl uncordon node/k8s-node1") == ["node/k8s-node1 uncordoned"])
        #expect(Self.unreachableOut("kubectl cordon -n kube-system deploy/coredns")
            == ["error: expected resource of type node, got \"apps/v1, Resource=deployments\""])
    }

    @Test func aBudgetThatAllowsNoDisruptionIsRetriedUntilTheTimeout() {
        #expect(Self.out("kubectl get pdb").map { $0.split(separator: " ").prefix(4).joined(separator: " ") }
            == ["NAME MIN AVAILABLE MAX", "web 2 N/A 0"])
        let drain = Self.out("kubectl drain k8s-node1 --ignore-daemonsets --timeout=12s")
        let pod = drain.first { $0.hasPrefix("evicting pod default/web-") }.map { String($0.dropFirst("evicting pod default/".count)) } ?? "?"
        let refusal = "error when evicting pods/\"\(pod)\" -n \"default\" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget."
        let timeout = "error when evicting pods/\"\(pod)\" -n \"default\": global timeout reached: 12s"
        #expect(drain.count == 15)
        #expect(drain.first == "node/k8s-node1 cordoned")
        #expect(Array(drain.dropFirst(2)) == [
            "evicting pod default/\(pod)", refusal, "evicting pod default/\(pod)", refusal, "evicting pod default/\(pod)", refusal,
            "evicting pod default/\(pod)",
            "There are pending pods in node \"k8s-node1\" when an error occurred: \(timeout)", "pod/\(pod)",
            "error: unable to drain node \"k8s-node1\" due to error: \(timeout), continuing command...",
            "There are pending nodes to be drained:", " k8s-node1", "error: \(timeout)",
        ])
    }

    @Test func emptyDirDataNeedsItsFlagAndADryRunChangesNothing() {
        let refused = Self.out("kubectl drain k8s-node2 --ignore-daemonsets --pod-selector app=scratch")
        #expect(refused.first == "node/k8s-node2 cordoned")
        #expect(refused.last?.hasPrefix("error: cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch-") == true)
        let dry = Self.out("kubectl drain k8s-node2 --ignore-daemonsets --pod-selector app=scratch --delete-emptydir-data --dry-run=client")
        // kubectl keeps the last filter's verdict, so a controlled pod's local-storage warning is not shown.
        #expect(dry.count == 3)
        #expect(dry.first == "node/k8s-node2 already cordoned")
        #expect(dry[1].hasPrefix("evicting pod default/scratch-") && dry[1].hasSuffix(" (dry run)"))
        #expect(dry.last == "node/k8s-node2 drained (dry run)")
    }

    @Test func badInputReadsAsKubectls() {
        #expect(Self.out("kubectl drain k8s-node2 --pod-selector 'app in (' --ignore-daemonsets")
            == ["error: --pod-selector=<pod_selector> must be a valid label selector"])
        #expect(Self.out("kubectl drain") == ["error: USAGE: drain NODE [flags]", "See 'kubectl drain -h' for help and examples"])
    }
}
