import Testing

/// After a node is lost, the taint eviction controller deletes its pods once their 300 s
/// tolerations run out: a Deployment replaces its pod on a healthy node at once, a StatefulSet
/// does not (its pod keeps its name and stays Terminating). Drain's refusals read as kubectl's.
@Suite struct NodeLossWorkloadTests {
    static let transcript = WalkthroughHarness.run(folder: "seed003", script: """
        kubectl create deployment web --image nginx --replicas 2
        kubectl apply -f mysql-sts.yml
        sleep 30
        kubectl get po -o wide --no-headers
        vagrant ssh k8s-node1 -c 'sudo systemctl stop kubelet'
        sleep 60
        kubectl describe node k8s-node1 | grep -A1 '^Taints'
        sleep 300
        kubectl get po -o wide --no-headers
        kubectl get events --field-selector reason=TaintManagerEviction -o custom-columns=REASON:.reason,FROM:.source.component --no-headers
        vagrant ssh k8s-node1 -c 'sudo systemctl start kubelet'
        sleep 10
        kubectl get po -o wide --no-headers
        kubectl cordon k8s-node1
        kubectl run lone --image nginx
        sleep 5
        kubectl drain k8s-node2 --ignore-daemonsets
        kubectl drain nope
        """, seed: 2)

    static func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: transcript, occurrence: occurrence)
    }

    @Test func deploymentPodsAreReplacedAndStatefulSetPodsAreNot() {
        let before = Self.out("kubectl get po -o wide --no-headers")
        let lost = before.filter { $0.contains(" k8s-node1 ") }.map { String($0.prefix { $0 != " " }) }
        #expect(!lost.isEmpty)
        #expect(Self.out("kubectl describe node k8s-node1 | grep -A1 '^Taints'") == [
            "Taints:             node.kubernetes.io/unreachable:NoExecute",
            "                    node.kubernetes.io/unreachable:NoSchedule",
        ])
        let after = Self.out("kubectl get po -o wide --no-headers", 2)
        for name in lost {
            let row = after.first { $0.hasPrefix(name + " ") }
            #expect(row?.contains(" Terminating ") == true, "\(name) is marked for deletion on the lost node")
        }
        #expect(lost.contains("mysql-0"))
        let webRunning = after.filter { $0.hasPrefix("web-") && $0.contains(" Running ") }
        #expect(webRunning.count == 2, "the Deployment runs two pods again")
        #expect(webRunning.allSatisfy { $0.contains(" k8s-node2 ") })
        #expect(after.filter { $0.hasPrefix("mysql-0 ") }.count == 1, "mysql-0 is not started twice")
        #expect(Self.out("kubectl get events --field-selector reason=TaintManagerEviction -o custom-columns=REASON:.reason,FROM:.source.component --no-headers")
            .allSatisfy { $0.hasPrefix("TaintManagerEviction") && $0.hasSuffix("taint-eviction-controller") })
    }

    @Test func theKubeletsReturnFinishesTheDeletions() {
        let back = Self.out("kubectl get po -o wide --no-headers", 3)
        #expect(back.count == 3 && !back.contains { $0.contains(" Terminating ") })
    }

    @Test func drainRefusesPodsWithoutAController() {
        let drain = Self.out("kubectl drain k8s-node2 --ignore-daemonsets")
        #expect(drain.first == "node/k8s-node2 cordoned")
        #expect(drain.contains("There are pending nodes to be drained:"))
        #expect(drain.contains(" k8s-node2"))
        #expect(drain.last == "error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/lone")
        #expect(Self.out("kubectl drain nope") == ["Error from server (NotFound): nodes \"nope\" not found"])
    }
}
