import Testing

/// `exec`, `logs`, `attach` and `cp` go through the API server to the kubelet of the pod's node.
/// A stopped kubelet refuses the connection while its containers run on; a halted machine does
/// not answer; a deleted node cannot be looked up. Each answers in the API server's words, the
/// command exits 1, and the session goes on.
@Suite struct KubeletUnreachableTests {
    static let names = ["master", "node1", "node2"]
    static let transcript = WalkthroughHarness.run(folder: "seed003", script: """
        kubectl apply -f mysql-sts.yml
        sleep 70
        kubectl get po mysql-0 -o jsonpath={.spec.nodeName}; echo
        vagrant ssh node2 -c 'sudo systemctl stop kubelet'
        kubectl exec mysql-0 -- hostname; echo "exit $?"
        kubectl logs mysql-0 --tail=1
        kubectl attach mysql-0
        kubectl cp mysql-0:/etc/hostname hostname.txt
        vagrant ssh node2 -c 'sudo systemctl start kubelet'
        kubectl exec mysql-0 -- hostname
        vagrant halt node2
        kubectl exec mysql-0 -- hostname
        kubectl logs mysql-0 -c mysql --tail=1
        kubectl delete node node2
        kubectl exec mysql-0 -- hostname
        kubectl get no -o name
        """, seed: 7, nodeNames: names)

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    @Test func aStoppedKubeletRefusesTheConnection() {
        #expect(out("kubectl get po mysql-0 -o jsonpath={.spec.nodeName}; echo") == ["node2"])
        #expect(out("kubectl exec mysql-0 -- hostname; echo \"exit $?\"") == [
            "Error from server: error dialing backend: dial tcp 192.168.56.12:10250: connect: connection refused", "exit 1",
        ])
        #expect(out("kubectl logs mysql-0 --tail=1") == [
            "Error from server: Get \"https://192.168.56.12:10250/containerLogs/default/mysql-0/mysql\": dial tcp 192.168.56.12:10250: connect: connection refused",
        ])
        #expect(out("kubectl attach mysql-0").last == "Error from server: error dialing backend: dial tcp 192.168.56.12:10250: connect: connection refused")
        #expect(out("kubectl cp mysql-0:/etc/hostname hostname.txt") == [
            "Error from server: error dialing backend: dial tcp 192.168.56.12:10250: connect: connection refused",
        ])
    }

    @Test func theKubeletBackAnswersAgain() {
        #expect(out("kubectl exec mysql-0 -- hostname") == ["mysql-0"])
    }

    @Test func aHaltedMachineHasNoRouteAndADeletedNodeIsNotFound() {
        #expect(out("kubectl exec mysql-0 -- hostname", 2) == [
            "Error from server: error dialing backend: dial tcp 192.168.56.12:10250: connect: no route to host",
        ])
        #expect(out("kubectl logs mysql-0 -c mysql --tail=1") == [
            "Error from server: Get \"https://192.168.56.12:10250/containerLogs/default/mysql-0/mysql\": dial tcp 192.168.56.12:10250: connect: no route to host",
        ])
        #expect(out("kubectl exec mysql-0 -- hostname", 3) == ["Error from server (NotFound): nodes \"node2\" not found"])
        #expect(out("kubectl get no -o name") == ["node/master", "node/node1"])
    }
}
