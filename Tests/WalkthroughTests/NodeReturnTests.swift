import Testing

/// What a node's pods do when the node comes back. After `vagrant halt`/`vagrant up` the machine
/// has a new boot ID (a `Rebooted` warning), its pods get new sandboxes (`SandboxChanged`, a new
/// IP) and their containers start again, counting a restart whose last state is containerd's
/// `Unknown`, exit code 255. After a kubelet-only restart the containers ran on: same IP, no
/// restart. Either way the kubelet's status replaces the node controller's Ready=False, so the
/// Deployment is whole again. A kube-proxy pod the DaemonSet recreates runs.
@Suite struct NodeReturnTests {
    static let columns = "'custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IP:.status.podIP,"
        + "RESTARTS:.status.containerStatuses[0].restartCount,READY:.status.conditions[?(@.type==\"Ready\")].status'"
    static let lastState = "custom-columns=NODE:.spec.nodeName,REASON:.status.containerStatuses[0].lastState.terminated.reason,"
        + "CODE:.status.containerStatuses[0].lastState.terminated.exitCode"
    static let bootID = "kubectl get node k8s-node1 -o jsonpath='{.status.nodeInfo.bootID}{\"\\n\"}'"
    static let transcript = WalkthroughHarness.run(folder: "drain", script: """
        kubectl create deployment web --image nginx:1.27 --replicas 2
        sleep 30
        kubectl get po -o \(columns) --no-headers
        \(bootID)
        vagrant halt k8s-node1
        sleep 120
        kubectl get deploy web --no-headers
        vagrant up k8s-node1
        sleep 20
        kubectl get po -o \(columns) --no-headers
        kubectl get deploy web --no-headers
        \(bootID)
        kubectl get events --field-selector reason=Rebooted -o custom-columns=TYPE:.type,MESSAGE:.message --no-headers
        kubectl get events --field-selector reason=SandboxChanged -o custom-columns=OBJECT:.involvedObject.name,MESSAGE:.message --no-headers
        kubectl get po -o \(lastState) --no-headers
        vagrant ssh k8s-node2 -c 'sudo systemctl stop kubelet'
        sleep 120
        kubectl get deploy web --no-headers
        vagrant ssh k8s-node2 -c 'sudo systemctl start kubelet'
        sleep 10
        kubectl get po -o \(columns) --no-headers
        kubectl get deploy web --no-headers
        kubectl get events --field-selector reason=SandboxChanged --no-headers -o name
        kubectl delete pod -n kube-system -l k8s-app=kube-proxy --field-selector spec.nodeName=k8s-node1
        sleep 30
        kubectl get po -n kube-system -l k8s-app=kube-proxy --field-selector spec.nodeName=k8s-node1 --no-headers
        kubectl get ds -n kube-system kube-proxy --no-headers
        """)

    static func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: transcript, occurrence: occurrence)
    }

    static func words(_ lines: [String]) -> [[String]] { lines.map { $0.split(separator: " ").map(String.init) } }

    @Test func aRebootStartsThePodsAgainInNewSandboxes() throws {
        let pods = "kubectl get po -o \(Self.columns) --no-headers"
        #expect(Self.words(Self.out(pods, 1)) == [
            ["web-5c94f75b5d-5s86c", "k8s-node1", "10.244.1.2", "0", "True"],
            ["web-5c94f75b5d-b7cc9", "k8s-node2", "10.244.2.2", "0", "True"],
        ])
        #expect(Self.words(Self.out("kubectl get deploy web --no-headers", 1)).first?.prefix(2) == ["web", "1/2"])
        #expect(Self.words(Self.out(pods, 2)) == [
            ["web-5c94f75b5d-5s86c", "k8s-node1", "10.244.1.3", "1", "True"],
            ["web-5c94f75b5d-b7cc9", "k8s-node2", "10.244.2.2", "0", "True"],
        ])
        #expect(Self.words(Self.out("kubectl get deploy web --no-headers", 2)).first?.prefix(2) == ["web", "2/2"])
        #expect(Self.words(Self.out("kubectl get po -o \(Self.lastState) --no-headers")) == [
            ["k8s-node1", "Unknown", "255"], ["k8s-node2", "<none>", "<none>"],
        ])
        #expect(Self.words(Self.out("kubectl get events --field-selector reason=SandboxChanged -o custom-columns=OBJECT:.involvedObject.name,MESSAGE:.message --no-headers"))
            == [["web-5c94f75b5d-5s86c", "Pod", "sandbox", "changed,", "it", "will", "be", "killed", "and", "re-created."]])
    }

    @Test func aRebootGivesTheNodeANewBootID() throws {
        let before = try #require(Self.out(Self.bootID, 1).first)
        let after = try #require(Self.out(Self.bootID, 2).first)
        let oldID = before, newID = after
        #expect(oldID != newID)
        #expect(Self.out("kubectl get events --field-selector reason=Rebooted -o custom-columns=TYPE:.type,MESSAGE:.message --no-headers")
            == ["Warning   Node k8s-node1 has been rebooted, boot id: \(newID)"])
    }

    @Test func aKubeletRestartFindsTheContainersRunning() {
        #expect(Self.words(Self.out("kubectl get deploy web --no-headers", 3)).first?.prefix(2) == ["web", "1/2"])
        #expect(Self.words(Self.out("kubectl get po -o \(Self.columns) --no-headers", 3)) == [
            ["web-5c94f75b5d-5s86c", "k8s-node1", "10.244.1.3", "1", "True"],
            ["web-5c94f75b5d-b7cc9", "k8s-node2", "10.244.2.2", "0", "True"],
        ])
        #expect(Self.words(Self.out("kubectl get deploy web --no-headers", 4)).first?.prefix(2) == ["web", "2/2"])
        #expect(Self.out("kubectl get events --field-selector reason=SandboxChanged --no-headers -o name").count == 1)
    }

    @Test func aRecreatedKubeProxyPodRuns() {
        let pod = Self.words(Self.out("kubectl get po -n kube-system -l k8s-app=kube-proxy --field-selector spec.nodeName=k8s-node1 --no-headers"))
        #expect(pod.count == 1)
        #expect(pod.first.map { Array($0.dropFirst().prefix(3)) } == ["1/1", "Running", "0"])
        #expect(Self.words(Self.out("kubectl get ds -n kube-system kube-proxy --no-headers")).first?.prefix(6)
            == ["kube-proxy", "3", "3", "3", "3", "3"])
    }
}

/// The kubelet reports a cordon and an uncordon with its next node status update (every 10 s).
@Suite struct NodeSchedulableEventTests {
    static let transcript = WalkthroughHarness.run(folder: "drain", script: """
        kubectl cordon k8s-node1
        sleep 15
        kubectl uncordon k8s-node1
        kubectl cordon k8s-node2
        kubectl uncordon k8s-node2
        sleep 15
        kubectl get events --field-selector involvedObject.kind=Node
        """)

    @Test func cordonAndUncordonAreReportedAtTheNextStatusUpdate() {
        let events = WalkthroughHarness.output(of: "kubectl get events --field-selector involvedObject.kind=Node", in: Self.transcript)
        // k8s-node2 was uncordoned before its kubelet's next update: nothing to report.
        #expect(events.map { $0.split(separator: " ").dropFirst().joined(separator: " ") } == [
            "SEEN TYPE REASON OBJECT MESSAGE",
            "Normal NodeNotSchedulable node/k8s-node1 Node k8s-node1 status is now: NodeNotSchedulable",
            "Normal NodeSchedulable node/k8s-node1 Node k8s-node1 status is now: NodeSchedulable",
        ])
    }
}
