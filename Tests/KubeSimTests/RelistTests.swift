import KubeAPI
import Testing
@testable import KubeSim

/// The kubelet reports what its once-a-second relist found: a container gone before the next
/// relist is never reported running.
@Suite struct RelistTests {
    /// Each status write of pod `name`, whose container exits after `runs` milliseconds: its phase
    /// and its first container's state.
    private static func statusWrites(of name: String, runs: Millis, seed: UInt64) throws -> [String] {
        let cluster = Sandbox.make(seed: seed, workerNodes: 1)
        cluster.controller(Kubelet.self)?.behaviour = ScriptedContainers()
        var writes: [String] = []
        cluster.store.watch({ $0.kind == "Pod" }) { event in
            guard event.object.name == name, event.kind != .deleted else { return }
            let status = event.object["status"]
            let state = status["containerStatuses"][0]["state"].object?.keys.first ?? "-"
            let row = "\(status["phase"].string ?? "") \(state)"
            if writes.last != row { writes.append(row) }
        }
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: \(name)
            spec:
              restartPolicy: Never
              containers:
              - name: task
                image: busybox:1.28
                command: [run, '\(runs)', '0']
            """)
        let done = cluster.advance(until: { Sim.pod(cluster, name)?["status"]["phase"].string == "Succeeded" }, limit: 60_000)
        #expect(done)
        return writes
    }

    @Test func aQuickContainerGoesFromCreatingToCompleted() throws {
        let writes = try Self.statusWrites(of: "quick", runs: 100, seed: 11)
        #expect(writes == ["Pending -", "Pending waiting", "Succeeded terminated"])
    }

    @Test func aContainerRunningPastTheRelistIsReportedRunning() throws {
        let writes = try Self.statusWrites(of: "slow", runs: 3_000, seed: 11)
        #expect(writes == ["Pending -", "Pending waiting", "Running running", "Succeeded terminated"])
    }

    @Test func theRuleComparesTheExitWithTheNextRelist() {
        let agent = NodeAgent(name: "n", hostIP: "192.168.56.11", podCIDR: nil)
        agent.kubeletStartedAt = 300
        #expect(agent.nextRelist(after: 300) == 1_300)
        #expect(agent.nextRelist(after: 1_299) == 1_300)
        #expect(Kubelet.exitsUnseen(.exits(code: 0, afterMillis: 100), startedAt: 1_000, agent: agent))
        #expect(!Kubelet.exitsUnseen(.exits(code: 0, afterMillis: 300), startedAt: 1_000, agent: agent))
        #expect(!Kubelet.exitsUnseen(.runsUntilStopped, startedAt: 1_000, agent: agent))
        #expect(!Kubelet.exitsUnseen(.exits(code: 0, afterMillis: 100), startedAt: 1_000, agent: nil))
    }
}
