import KubeAPI
import KubeSim
import PodShell

/// The terminal connected to a container's main process, as `kubectl run -it` and `kubectl attach -it`
/// connect it: the session is that process, so leaving it is the container exiting (the kubelet then
/// restarts it or finishes the pod), and kubectl says how to come back when the pod restarts it.
enum MainProcessSession {
    /// Starts the session. `ended` runs when the process ends, after kubectl's own notice; the
    /// result tells whether that already happened (a script's session ends before this returns).
    static func start(_ argv: [String], in instance: ContainerInstance, pod: JSONValue, container: String, interactive: Bool,
                      tty: Bool, quiet: Bool, call: Invocation, ended: @escaping (Int32) -> Void) -> (status: Int32, finished: Bool)
    {
        var finished = false
        let restart = pod["spec"]["restartPolicy"].string ?? "Always"
        let namespace = pod.namespace ?? call.namespace, podName = pod.name
        let status = ContainerProcess.run(argv, in: instance, call: call, interactive: interactive, tty: tty,
                                          reportStatus: false) { code in
            finished = true
            if interactive && tty && restart == "Always" && !quiet {
                call.out("Session ended, resume using 'kubectl attach \(podName) -c \(container) -i -t' command when the pod is running\n")
            }
            call.cluster.controller(Kubelet.self)?.attachedProcessEnded(
                namespace: namespace, pod: podName, container: container, exitCode: Int(code), in: call.cluster)
            ended(code)
        }
        return (status, finished)
    }

    /// The command line of the container's main process: its `command` and `args`, or the shell its
    /// image starts by default.
    static func mainCommand(of container: JSONValue, in instance: ContainerInstance) -> [String] {
        let argv = container["command"].items.compactMap(\.string) + container["args"].items.compactMap(\.string)
        return argv.isEmpty ? [instance.profile.dialect == .bash ? "bash" : "sh"] : argv
    }

    /// Whether a process reads the terminal as a shell does (the sessions kubelab can hand over).
    static func isInteractiveShell(_ argv: [String]) -> Bool {
        guard let first = argv.first else { return false }
        let program = first.split(separator: "/").last.map(String.init) ?? first
        return ["sh", "bash", "ash", "dash"].contains(program) && argv.count == 1
    }
}
