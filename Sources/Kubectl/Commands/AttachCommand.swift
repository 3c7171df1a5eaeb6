import KubeAPI
import KubeSim
import PodShell

/// `kubectl attach POD [-c C] [-it]`: connects to the process a container is already running. With
/// `-i` on a container started with stdin open and a shell as its process (`kubectl run -it`), the
/// terminal becomes that shell again; otherwise kubectl stays attached to the process's output until
/// Ctrl-C (in a script, until the cluster has been quiet for 30 s).
struct AttachCommand: KubectlCommand {
    static let name = "attach"
    static let help = HelpText.usage("""
        Attach to a process that is already running inside an existing container.

        Examples:
          kubectl attach mypod
          kubectl attach mypod -c ruby-container
          kubectl attach mypod -c ruby-container -i -t

        Options:
          -c, --container=''             the container (default: the pod's first, or its default-container annotation)
          --pod-running-timeout=1m0s     how long to wait for the pod to be running
          -q, --quiet                    only print output from the remote session
          -i, --stdin                    pass stdin to the container
          -t, --tty                      stdin is a TTY

        Usage:
          kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]
        """)

    let flags = FlagSet([
        .init("container", "c"), .init("stdin", "i", .bool), .init("tty", "t", .bool), .init("quiet", "q", .bool),
        .init("pod-running-timeout", nil, .duration, default: "1m0s"),
    ])

    /// How long a script stays attached to output that never comes.
    static let scriptQuietPeriod: Millis = 30_000

    func run(_ call: Invocation) throws -> Int32 {
        guard !call.args.isEmpty else { throw KubectlFailure.error("at least 1 argument is required for attach") }
        guard call.args.count <= 2 else {
            throw KubectlFailure.error("expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw \(call.args.count): [\(call.args.joined(separator: " "))]")
        }
        let reference = call.args.count == 2 ? call.args[0] + "/" + call.args[1] : call.args[0]
        let quiet = call.flags.bool("quiet")
        let containerFlag = call.flags.isSet("container") ? call.flags.string("container") : nil
        var target = try PodTarget.resolve(reference, containerName: containerFlag, call: call, announceDefault: !quiet)
        // kubectl waits for a pending pod to run before attaching.
        let timeout = WaitLimit.bounded(Duration.parseGo(call.flags.string("pod-running-timeout")) ?? 60_000)
        var pending: Millis = 0
        while target.pod["status"]["phase"].string == "Pending" {
            guard pending < timeout else { throw KubectlFailure.error("timed out waiting for the condition") }
            guard call.kubectl.wait(250) else { return 130 }
            pending += 250
            target = try PodTarget.resolve(reference, containerName: containerFlag, call: call, announceDefault: false)
        }
        let phase = target.pod["status"]["phase"].string ?? ""
        if phase == "Succeeded" || phase == "Failed" {
            throw KubectlFailure.error("cannot attach a container in a completed pod; current phase is \(phase)")
        }
        var tty = call.flags.bool("tty")
        let spec = target.container
        if tty && spec["tty"].bool != true {
            tty = false
            if !quiet { call.err("error: Unable to use a TTY - container \(target.containerName) did not allocate one\n") }
        } else if !tty && spec["tty"].bool == true {
            tty = true
        }
        if !quiet { call.err("If you don't see a command prompt, try pressing enter.\n") }
        try call.cluster.api.connectToKubelet(pod: target.pod, for: .stream)
        guard target.isRunning, let runtime = call.kubectl.runtime,
            let instance = runtime.container(pod: target.pod, name: target.containerName)
        else {
            throw KubectlFailure.error("unable to upgrade connection: container not found (\"\(target.containerName)\")")
        }
        let command = MainProcessSession.mainCommand(of: spec, in: instance)
        let interactive = call.flags.bool("stdin") && spec["stdin"].bool == true
        if interactive && MainProcessSession.isInteractiveShell(command) {
            return MainProcessSession.start(command, in: instance, pod: target.pod, container: target.containerName,
                                            interactive: true, tty: tty, quiet: quiet, call: call) { _ in }.status
        }
        // The process writes nothing new here: stay attached until interrupted, or, in a script,
        // until the quiet period passes or the container stops.
        let interactiveTerminal = call.io.terminal?.mode == .interactive
        var waited: Millis = 0
        let ref = ObjectRef(PodTarget.pods, namespace: target.pod.namespace ?? call.namespace, name: target.pod.name)
        while interactiveTerminal || waited < Self.scriptQuietPeriod {
            guard call.kubectl.wait(interactiveTerminal ? 200 : 1000) else { break }
            waited += interactiveTerminal ? 200 : 1000
            if call.io.terminal?.isInterrupted() == true { break }
            guard let pod = call.store.get(ref), pod.uid == target.pod.uid,
                !["Succeeded", "Failed"].contains(pod["status"]["phase"].string ?? "")
            else { break }
        }
        return 0
    }
}
