import KubeLab
import KubeSim
import Testing

/// The cluster hands each store change only to the controllers that watch its kind
/// (`Controller.watchedKinds`). A controller that forgot a kind it reacts to would miss work;
/// so every walkthrough must print exactly what it prints when every change reaches every
/// controller, as before the routes.
@Suite struct EventRoutingTests {
    static let walkthroughs: [(folder: String, nodes: Int)] = [
        ("files", 2), ("seed000", 2), ("seed001", 2), ("seed002", 2), ("seed003", 2), ("seed004", 2),
        ("seed004-rolling-update", 2), ("tutorial", 2), ("tutorial-scaling", 2), ("tutorial-update", 2),
        ("tutorial-mysql", 3),
    ]

    @Test(arguments: walkthroughs.map(\.folder))
    func routedChangesLeaveTheWalkthroughAsItWas(_ folder: String) {
        let nodes = Self.walkthroughs.first { $0.folder == folder }!.nodes
        let script = WalkthroughHarness.files(in: folder)["walkthrough.sh"] ?? ""
        #expect(!script.isEmpty)
        let routed = WalkthroughHarness.run(folder: folder, script: script, nodes: nodes)
        let everyKind = WalkthroughHarness.run(folder: folder, script: script, nodes: nodes) {
            $0.cluster.deliversEveryKind = true
        }
        #expect(routed == everyKind)
    }

    /// Nodes, DaemonSets, Jobs and CronJobs, which the walkthroughs above touch little.
    @Test func routedChangesLeaveNodesDaemonSetsAndJobsAsTheyWere() {
        let script = """
            kubectl apply -f agent.yaml
            kubectl apply -f picky.yaml
            sleep 30
            kubectl get ds,pods -o wide
            kubectl apply -f node3.yaml
            kubectl label node k8s-node1 disk=ssd
            sleep 30
            kubectl get ds,pods -o wide
            kubectl apply -f agent-v2.yaml
            sleep 120
            kubectl rollout status ds/agent
            vagrant halt k8s-node2
            sleep 400
            kubectl get nodes,pods -o wide
            kubectl delete node k8s-node2
            sleep 30
            kubectl get ds,pods -o wide
            """
        let routed = WalkthroughHarness.run(folder: "daemonset", script: script)
        let everyKind = WalkthroughHarness.run(folder: "daemonset", script: script) { $0.cluster.deliversEveryKind = true }
        #expect(routed.contains("agent"))
        #expect(routed == everyKind)
        let jobs = """
            kubectl apply -f every-minute.yaml
            kubectl apply -f indexed.yaml
            kubectl apply -f sometimes-fails.yaml
            sleep 400
            kubectl get cronjobs,jobs,pods
            kubectl delete cronjob --all
            sleep 30
            kubectl get jobs,pods
            """
        let routedJobs = WalkthroughHarness.run(folder: "jobs", script: jobs)
        let everyKindJobs = WalkthroughHarness.run(folder: "jobs", script: jobs) { $0.cluster.deliversEveryKind = true }
        #expect(routedJobs.contains("Complete"))
        #expect(routedJobs == everyKindJobs)
    }
}
