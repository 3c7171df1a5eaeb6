import Testing

/// Seed 003's maintenance and node-failure parts on a cluster named as the seed's (`master`,
/// `node1`, `node2`), end to end through `kubelab run`: the drain moves mysql-0 to the other node
/// with its database (its `standard` volume is network block storage), `vagrant halt` leaves the
/// StatefulSet's pod Terminating, and `kubectl delete node` lets it start elsewhere once the
/// attach/detach controller has force-detached its volume from the lost node.
@Suite struct Seed003NodeFailureTests {
    static let names = ["master", "node1", "node2"]
    static let transcript = WalkthroughHarness.run(folder: "seed003", script: """
        kubectl apply -f mysql-sts.yml
        sleep 70
        kubectl exec -it mysql-0 -- bash
        mysql -u root -pqwerty
        create database hello;
        exit
        exit
        kubectl get po mysql-0 -o wide
        kubectl cordon node2
        kubectl drain node2 --ignore-daemonsets
        sleep 60
        kubectl get po mysql-0 -o wide
        kubectl uncordon node2
        vagrant halt node1
        sleep 60
        kubectl get no
        sleep 300
        kubectl get po -o wide
        kubectl delete node node1
        sleep 70
        kubectl get po -o wide
        kubectl describe po mysql-0 | grep Multi-Attach
        sleep 360
        kubectl get po -o wide
        kubectl exec -it mysql-0 -- bash
        mysql -u root -pqwerty
        show databases;
        exit
        exit
        vagrant up node1
        kubectl get no
        vagrant halt node3
        vagrant status node1
        """, seed: 7, nodeNames: names)

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    func columns(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

    @Test func drainEvictsMySQLToTheOtherNodeWithItsDatabase() {
        #expect(columns(out("kubectl get po mysql-0 -o wide")[1])[6] == "node2")
        #expect(out("kubectl cordon node2") == ["node/node2 cordoned"])
        let drain = out("kubectl drain node2 --ignore-daemonsets")
        #expect(drain.count == 5)
        #expect(drain[0] == "node/node2 already cordoned")
        #expect(drain[1].hasPrefix("Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-"))
        #expect(Array(drain[2...]) == ["evicting pod default/mysql-0", "pod/mysql-0 evicted", "node/node2 drained"])
        let moved = columns(out("kubectl get po mysql-0 -o wide", 2)[1])
        #expect(moved[1] == "1/1" && moved[2] == "Running" && moved[6] == "node1")
        #expect(out("kubectl uncordon node2") == ["node/node2 uncordoned"])
    }

    @Test func aHaltedNodeTurnsNotReadyAndItsStatefulSetPodStaysTerminating() {
        #expect(out("vagrant halt node1") == ["==> node1: Attempting graceful shutdown of VM..."])
        #expect(out("kubectl get no").map { columns($0).prefix(2).joined(separator: " ") }
            == ["NAME STATUS", "master Ready", "node1 NotReady", "node2 Ready"])
        let pods = out("kubectl get po -o wide")
        #expect(pods.count == 2 && columns(pods[1])[2] == "Terminating" && columns(pods[1])[6] == "node1")
    }

    @Test func deletingTheLostNodeLetsMySQLStartOnTheOtherNodeAfterTheForceDetach() {
        #expect(out("kubectl delete node node1") == ["node \"node1\" deleted"])
        let waiting = columns(out("kubectl get po -o wide", 2)[1])
        #expect(waiting[2] == "ContainerCreating" && waiting[6] == "node2")
        #expect(out("kubectl describe po mysql-0 | grep Multi-Attach").first?.contains(
            "Multi-Attach error for volume \"pvc-") == true)
        #expect(out("kubectl describe po mysql-0 | grep Multi-Attach").first?.hasSuffix(
            "Volume is already exclusively attached to one node and can't be attached to another") == true)
        let running = columns(out("kubectl get po -o wide", 3)[1])
        #expect(running[2] == "Running" && running[6] == "node2")
        #expect(Self.transcript.contains("| hello              |"))
    }

    @Test func vagrantUpRegistersTheNodeAgain() {
        #expect(out("vagrant up node1").first == "Bringing machine 'node1' up with 'virtualbox' provider...")
        #expect(out("vagrant up node1").last == "==> node1: flag to force provisioning. Provisioners marked to run always will still run.")
        #expect(out("kubectl get no", 2).map { columns($0).prefix(2).joined(separator: " ") }
            == ["NAME STATUS", "master Ready", "node1 Ready", "node2 Ready"])
        #expect(out("vagrant status node1") == [
            "Current machine states:", "", "node1                     running (virtualbox)", "",
            "The VM is running. To stop this VM, you can run `vagrant halt` to",
            "shut it down forcefully, or you can run `vagrant suspend` to simply",
            "suspend the virtual machine. In either case, to restart it again,", "simply run `vagrant up`.",
        ])
    }

    @Test func anUnknownMachineGetsVagrantsOwnWords() {
        #expect(out("vagrant halt node3") == [
            "The machine with the name 'node3' was not found configured for", "this Vagrant environment.",
        ])
    }
}
