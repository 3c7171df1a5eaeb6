import KubeAPI

/// The outcome of one exec probe: exit status 0 is success; the output is what the kubelet puts
/// in the `Unhealthy` event (`Readiness probe failed: ...`).
public struct ExecProbeResult: Equatable, Sendable {
    public var succeeded: Bool
    public var output: String

    public init(succeeded: Bool, output: String) {
        self.succeeded = succeeded
        self.output = output
    }
}

/// A behaviour that can run a probe's command inside the running container (the container
/// runtime does, over the container's files and programs), so readiness follows what the
/// command finds: `mv /usr/bin/mysql /usr/bin/mysql.off` makes the tutorial's probe fail.
public protocol ExecProbingContainerBehaviour: ContainerBehaviour {
    func runExecProbe(of launch: ContainerLaunch, command: [String]) -> ExecProbeResult
}

extension Kubelet {
    /// Readiness from an exec probe, as upstream's prober worker (`pkg/kubelet/prober/worker.go`)
    /// keeps it: the first probe after `initialDelaySeconds`, then one every `periodSeconds`;
    /// `successThreshold` passes in a row make the container ready, `failureThreshold` failures
    /// in a row unready. Returns false when the probe is not an exec probe this behaviour can run.
    func scheduleExecReadinessProbe(_ rt: PodRuntime, index i: Int, spec: JSONValue, launch: ContainerLaunch,
                                    containerID id: String, firstAfter delay: Millis, in cluster: Cluster) -> Bool {
        let probe = spec["readinessProbe"]
        let command = probe["exec"]["command"].items.compactMap(\.string)
        guard !command.isEmpty, let prober = behaviour as? ExecProbingContainerBehaviour else { return false }
        let period = Millis(max(1, min(probe["periodSeconds"].int ?? 10, 3600))) * 1000
        let successes = max(1, probe["successThreshold"].int ?? 1)
        let failures = max(1, probe["failureThreshold"].int ?? 3)
        var passedInRow = 0, failedInRow = 0
        let epoch = rt.epoch
        func round(after wait: Millis, count: Int) {
            guard count <= Self.maxRounds else { return }
            cluster.schedule(after: wait) { [weak self, weak prober, unowned cluster] in
                guard let self, let prober, self.isCurrent(rt, epoch), let c = self.container(rt, isInit: false, i),
                    c.containerID == id, c.isRunning
                else { return }
                let result = prober.runExecProbe(of: launch, command: command)
                if result.succeeded {
                    passedInRow += 1
                    failedInRow = 0
                    if !c.ready && passedInRow >= successes {
                        self.mutate(rt, isInit: false, i) { $0.ready = true }
                        self.writeStatus(rt, in: cluster)
                    }
                } else {
                    failedInRow += 1
                    passedInRow = 0
                    self.event(rt, "Warning", "Unhealthy", "Readiness probe failed: " + result.output, container: c, in: cluster)
                    if c.ready && failedInRow >= failures {
                        self.mutate(rt, isInit: false, i) { $0.ready = false }
                        self.writeStatus(rt, in: cluster)
                    }
                }
                round(after: period, count: count + 1)
            }
        }
        round(after: delay, count: 1)
        return true
    }
}
