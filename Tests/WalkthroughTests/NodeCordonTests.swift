import Testing

/// Seed 003's `kubectl cordon node2` / `kubectl uncordon node2`: the node takes no new pods while
/// cordoned, shows SchedulingDisabled and the unschedulable taint, and takes pods again after.
@Suite struct NodeCordonTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl cordon k8s-node2
        kubectl cordon k8s-node2
        kubectl get nodes
        kubectl describe node k8s-node2 | grep -E '^(Taints|Unschedulable):'
        kubectl run a --image nginx
        kubectl run b --image nginx
        kubectl run c --image nginx
        sleep 5
        kubectl get pods -o wide --no-headers
        kubectl uncordon k8s-node2
        kubectl describe node k8s-node2 | grep -E '^(Taints|Unschedulable):'
        kubectl cordon
        kubectl cordon nope
        kubectl cordon k8s-node1 -l a=b
        """)

    static func output(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: transcript) }

    @Test func cordonedNodeTakesNoNewPods() {
        #expect(Self.output("kubectl cordon k8s-node2") == ["node/k8s-node2 cordoned"])
        #expect(Self.output("kubectl cordon k8s-node2").count == 1)
        #expect(WalkthroughHarness.output(of: "kubectl cordon k8s-node2", in: Self.transcript, occurrence: 2) == ["node/k8s-node2 already cordoned"])
        #expect(Self.output("kubectl get nodes").contains { $0.hasPrefix("k8s-node2    Ready,SchedulingDisabled   <none>") })
        let pods = Self.output("kubectl get pods -o wide --no-headers")
        #expect(pods.count == 3 && pods.allSatisfy { $0.contains(" k8s-node1 ") })
    }

    @Test func theTaintFollowsTheFlag() {
        let describe = "kubectl describe node k8s-node2 | grep -E '^(Taints|Unschedulable):'"
        #expect(Self.output(describe) == ["Taints:             node.kubernetes.io/unschedulable:NoSchedule", "Unschedulable:      true"])
        #expect(WalkthroughHarness.output(of: describe, in: Self.transcript, occurrence: 2) == ["Taints:             <none>", "Unschedulable:      false"])
        #expect(Self.output("kubectl uncordon k8s-node2") == ["node/k8s-node2 uncordoned"])
    }

    @Test func mistakesAreWordedAsKubectlWordsThem() {
        #expect(Self.output("kubectl cordon") == ["error: USAGE: cordon NODE [flags]", "See 'kubectl cordon -h' for help and examples"])
        #expect(Self.output("kubectl cordon nope") == ["Error from server (NotFound): nodes \"nope\" not found"])
        #expect(Self.output("kubectl cordon k8s-node1 -l a=b")
            == ["error: cannot specify both a node name and a --selector option", "See 'kubectl cordon -h' for help and examples"])
    }
}
