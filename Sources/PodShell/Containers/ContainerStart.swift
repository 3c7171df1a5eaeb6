import KubeAPI
import KubeSim

/// What a container's process does when the kubelet starts it: an explicit command really runs
/// in the container's shell (so an init container's `echo $RANDOM > /init/dp` lands in the shared
/// emptyDir, and a Job's output is in `kubectl logs`), with its sleeps counted as running time.
/// Images started with their own entrypoint follow the catalog. A container whose pod cannot be
/// read any more keeps running until the kubelet stops it.
extension ContainerRuntime: ContainerBehaviour {
    /// A command that sleeps longer than this is treated as running until stopped.
    static let foreverMillis: Millis = 24 * 3_600_000

    public func image(_ reference: String) -> ImageInfo? { catalog.image(reference) }
    public func pullFailure(_ reference: String) -> ImagePullFailure { catalog.pullFailure(reference) }

    public func outcome(of launch: ContainerLaunch) -> ContainerOutcome {
        let argv = launch.command + launch.args
        // Each attempt writes a log of its own; the kubelet keeps the one before for --previous.
        let pod = cluster.store.get(Self.pods, namespace: launch.namespace, name: launch.podName)
        if launch.restartCount > 0, let pod {
            container(pod: pod, name: launch.containerName)?.logs.restart()
        }
        if argv.isEmpty {
            startEntrypointServer(launch, pod: pod)
            return catalog.entrypointOutcome(image: launch.image, stdin: launch.stdin)
        }
        // With stdin open (`kubectl run -i`) the process runs against what the attached kubectl sends
        // (`mysql -h mysql-0.mysql <<EOF`), so it runs in the attach session, not here on empty input.
        if launch.stdin { return .runsUntilStopped }
        guard let pod = cluster.store.get(Self.pods, namespace: launch.namespace, name: launch.podName),
            let instance = container(pod: pod, name: launch.containerName)
        else { return .runsUntilStopped }
        var slept: Millis = 0
        let start = cluster.now
        let shell = instance.makeShell(
            now: { start + slept },
            sleep: { ms in slept += ms; return slept < Self.foreverMillis },
            random: { [unowned self] in self.cluster.rng.next() },
            isInterrupted: { slept >= Self.foreverMillis }, terminal: nil)
        shell.limits.maxLoopMillis = Self.foreverMillis
        // `tty: true` (`kubectl run -t`): the process writes to a terminal, so the mysql client draws its tables.
        let tty = Self.containerSpec(pod, launch.containerName)?["tty"].bool == true
        let status = shell.execute(argv, stdoutIsTerminal: tty, stdout: { instance.logs.append($0, at: start + slept) },
                                   stderr: { instance.logs.append($0, at: start + slept) })
        guard let status else {
            // runc cannot exec what the image lacks: nothing runs, so nothing is logged.
            return .failsToStart(message: "failed to create containerd task: failed to create shim task: OCI runtime create failed: "
                + "runc create failed: unable to start container process: exec: \"\(argv[0])\": executable file not found in $PATH: unknown")
        }
        if slept >= Self.foreverMillis || status == 130 { return .runsUntilStopped }
        return .exits(code: Int(status), afterMillis: max(100, slept + 50))
    }

    /// A server image's entrypoint (mysqld, postgres, hello-app) starts with its container, so its log
    /// lines are dated from the container's start and its readiness counts from then, whenever the
    /// container is first looked at; a restart runs the entrypoint again.
    func startEntrypointServer(_ launch: ContainerLaunch, pod: JSONValue?) {
        guard let pod, catalog.profile(for: launch.image).service?.actsAtStart == true else { return }
        let existed = hasContainer(pod: pod, name: launch.containerName)
        guard let instance = container(pod: pod, name: launch.containerName) else { return }
        if existed { startServices(instance, pod: pod) }
    }
}
