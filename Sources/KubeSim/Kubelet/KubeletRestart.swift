import KubeAPI

/// What a kubelet that starts again does with the pods bound to its node. Both cases begin with
/// the pod's last written status taken over (`adopt`), including the Ready=False the node
/// lifecycle controller wrote while the node was silent (`MarkPodsNotReady`); the kubelet's own
/// next status write replaces it.
extension Kubelet {
    /// Only the kubelet restarted (`systemctl restart kubelet`): the containers ran on. The new
    /// kubelet's prober workers start afresh, so a container with a readiness probe is unready
    /// until it passes again (upstream's readiness `initialValue` is Failure) and one without is
    /// ready as it runs; a container that acts by itself goes on doing so.
    func resumeContainers(_ rt: PodRuntime, pod: JSONValue, in cluster: Cluster) {
        let specs = pod["spec"]["containers"].items
        for i in rt.containers.indices where i < specs.count && rt.containers[i].isRunning {
            let spec = specs[i]
            rt.containers[i].ready = spec["readinessProbe"].isNull
            let c = rt.containers[i]
            guard let id = c.containerID else { continue }
            let launch = launch(of: rt, c, spec: spec)
            rt.containers[i].stopResponse = stopResponse(of: launch)
            probeReadiness(rt, index: i, spec: spec, launch: launch, containerID: id, in: cluster)
            scheduleRounds(rt, isInit: false, index: i, launch: launch, containerID: id, in: cluster)
        }
        writeStatus(rt, in: cluster)
    }

    /// The machine rebooted: the pod's sandbox and processes are gone. As upstream's
    /// `computePodActions` on a changed sandbox, the kubelet kills what is left and starts the pod
    /// in a new sandbox (a new address), init containers first; each container's previous instance
    /// ended when the power went (containerd reports exit code 255, reason Unknown), so the new one
    /// counts a restart and shows that end as its last state.
    func recreateSandbox(_ rt: PodRuntime, in cluster: Cluster) {
        event(rt, "Normal", "SandboxChanged", "Pod sandbox changed, it will be killed and re-created.", in: cluster)
        releaseAddress(of: rt)
        let poweredOff = rt.agent.poweredOffAt ?? cluster.now
        rt.previousInstances = (rt.initContainers + rt.containers).map { c in
            var previous = c
            switch c.state {
            case .running(let startedAt):
                previous.latestTermination = ContainerRuntime.Termination(
                    exitCode: 255, reason: "Unknown", startedAt: startedAt, finishedAt: poweredOff, containerID: c.containerID ?? "")
            case .terminated(let code, let reason, let startedAt, let finishedAt):
                previous.latestTermination = ContainerRuntime.Termination(
                    exitCode: code, reason: reason, startedAt: startedAt, finishedAt: finishedAt, containerID: c.containerID ?? "")
            case .waiting, .unknownAtTermination:
                break
            }
            return previous
        }
        rt.ip = nil
        rt.admitted = false
        rt.sandboxReady = false
        rt.phase = "Pending"
        rt.initContainers = []
        rt.containers = []
        let epoch = rt.epoch
        cluster.schedule(after: Millis(cluster.rng.int(in: 40...220))) { [weak self, unowned cluster] in
            guard let self, self.isCurrent(rt, epoch) else { return }
            self.admit(rt, in: cluster)
        }
    }

    /// Gives the containers `admit` just made the restart counts and last ends of the instances
    /// the reboot took (matched by name), once.
    func continuePreviousInstances(_ rt: PodRuntime) {
        func carry(_ c: inout ContainerRuntime) {
            guard let previous = rt.previousInstances.first(where: { $0.isInit == c.isInit && $0.name == c.name }) else { return }
            c.restartCount = previous.restartCount
            c.latestTermination = previous.latestTermination
            c.lastTermination = previous.latestTermination ?? previous.lastTermination
            c.resolvedImage = previous.resolvedImage
            c.imageID = previous.imageID
        }
        for i in rt.initContainers.indices { carry(&rt.initContainers[i]) }
        for i in rt.containers.indices { carry(&rt.containers[i]) }
        rt.previousInstances = []
    }
}
