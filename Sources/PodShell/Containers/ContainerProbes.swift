import KubeAPI
import KubeSim

/// Exec probes run their command in the container, as `kubectl exec` would: the readiness of
/// the replicated-MySQL tutorial's pods follows `mysql -h 127.0.0.1 -e 'SELECT 1'`.
extension ContainerRuntime: ExecProbingContainerBehaviour {
    public func runExecProbe(of launch: ContainerLaunch, command: [String]) -> ExecProbeResult {
        guard let pod = cluster.store.get(Self.pods, namespace: launch.namespace, name: launch.podName),
            let instance = container(pod: pod, name: launch.containerName)
        else { return ExecProbeResult(succeeded: false, output: "") }
        let shell = instance.makeShell(now: { [unowned self] in self.cluster.now }, sleep: { _ in true },
                                       random: { [unowned self] in self.cluster.rng.next() }, isInterrupted: { false },
                                       terminal: nil)
        var output = ""
        guard let status = shell.execute(command, stdout: { output += $0 }, stderr: { output += $0 }) else {
            return ExecProbeResult(
                succeeded: false,
                output: "OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(command[0])\": "
                    + "executable file not found in $PATH: unknown")
        }
        return ExecProbeResult(succeeded: status == 0, output: output)
    }
}
