import KubeAPI
import KubeSim
import PodShell

/// `kubectl exec POD [-c C] [-it] -- COMMAND`: runs a program in a running container. With
/// `-it` and a shell (or `mysql`) the program takes over the terminal until it exits.
struct ExecCommand: KubectlCommand {
    static let name = "exec"
    static let help = HelpText.usage("""
        Run a command in a container of a running pod.

        Examples:
          kubectl exec mysql-0 -- ls /var/lib/mysql
          kubectl exec -it mysql-0 -- bash
          kubectl exec deploy/sleep -- sh -c 'nslookup todo-db | grep "^[^*]"'
          kubectl exec web-0 -c nginx -- cat /usr/share/nginx/html/index.html

        Options:
          -c, --container=''   the container (default: the pod's first, or its default-container annotation)
          -i, --stdin          pass standard input to the command
          -t, --tty            stdin is a terminal
          -q, --quiet          print only the command's own output

        Usage:
          kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]
        """)

    let flags = FlagSet([
        .init("container", "c"), .init("stdin", "i", .bool), .init("tty", "t", .bool), .init("quiet", "q", .bool),
        .init("filename", "f", .stringArray), .init("pod-running-timeout", nil, .duration, default: "1m0s"),
    ])

    func run(_ call: Invocation) throws -> Int32 {
        // kubectl before 1.31 warned and ran a command typed without `--` (as the seed tutorials
        // show); v1.32's Complete refuses it before looking for the pod.
        if call.flags.afterDash == nil
            && (call.args.count > 1 || (!call.args.isEmpty && !call.flags.strings("filename").isEmpty))
        {
            throw KubectlFailure.usage("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead", command: "exec")
        }
        guard let target = call.args.first else {
            if !call.flags.strings("filename").isEmpty {
                throw KubectlFailure.error("kubelab does not simulate \"kubectl exec -f\" yet; name the pod: kubectl exec POD -- COMMAND")
            }
            throw KubectlFailure.error("pod, type/name or --filename must be specified")
        }
        // As upstream, the command is what follows `--`; words between the pod and `--` are dropped.
        let argv = call.flags.afterDash ?? []
        guard !argv.isEmpty else { throw KubectlFailure.error("you must specify at least one command for the container") }
        let containerFlag = call.flags.isSet("container") ? call.flags.string("container") : nil
        let t = try PodTarget.resolve(target, containerName: containerFlag, call: call, announceDefault: !call.flags.bool("quiet"))
        try call.authorize("create", PodTarget.pods, namespace: t.pod.namespace, name: t.pod.name, subresource: "exec")
        let phase = t.pod["status"]["phase"].string ?? ""
        if phase == "Succeeded" || phase == "Failed" {
            throw KubectlFailure.error("cannot exec into a container in a completed pod; current phase is \(phase)")
        }
        if (t.pod["spec"]["nodeName"].string ?? "").isEmpty {
            throw APIError(.badRequest, "pod \(t.pod.name) does not have a host assigned")
        }
        try call.cluster.api.connectToKubelet(pod: t.pod, for: .stream)
        guard t.isRunning, let runtime = call.kubectl.runtime,
            let instance = runtime.container(pod: t.pod, name: t.containerName)
        else {
            throw KubectlFailure.error("unable to upgrade connection: container not found (\"\(t.containerName)\")")
        }
        return ContainerProcess.run(argv, in: instance, call: call, interactive: call.flags.bool("stdin"), tty: call.flags.bool("tty"))
    }
}

/// Runs one program in a container for exec, run and attach, wiring stdin, the terminal, and
/// the exit status (`command terminated with exit code N`).
enum ContainerProcess {
    /// - Parameter reportStatus: exec says `command terminated with exit code N`; run reports its pod instead.
    static func run(_ argv: [String], in instance: ContainerInstance, call: Invocation, interactive: Bool, tty: Bool,
                    reportStatus: Bool = true, onSessionExit: ((Int32) -> Void)? = nil) -> Int32
    {
        let terminal = call.io.terminal
        let stdinIsTerminal = interactive && terminal != nil && call.io.stdin == nil
        let shell = instance.makeShell(
            now: { call.cluster.now }, sleep: { call.kubectl.wait($0) }, random: { call.cluster.rng.next() },
            isInterrupted: { terminal?.isInterrupted() ?? false }, terminal: terminal)
        if call.io.terminal?.mode == .script { shell.limits.maxLoopMillis = 600_000 }
        shell.processID = instance.nextExecProcessID()
        let depth = terminal?.programs.count ?? 0
        guard let status = shell.execute(argv, stdin: interactive ? (call.io.stdin ?? "") : "", stdinIsTerminal: stdinIsTerminal,
                                         stdoutIsTerminal: tty, stdout: { call.out($0) }, stderr: { call.err($0) })
        else {
            call.err("error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \"\(execID(call))\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(argv[0])\": executable file not found in $PATH: unknown\n")
            return 1
        }
        if let terminal, terminal.programs.count > depth, let session = terminal.programs.last as? ShellSession {
            // The program now owns the terminal; its status arrives when it exits.
            session.onExit = { code in
                if code != 0 && reportStatus { call.err("command terminated with exit code \(code)\n") }
                onSessionExit?(code)
            }
            return 0
        }
        if status != 0 && reportStatus && !(terminal.map { $0.programs.count > depth } ?? false) {
            call.err("command terminated with exit code \(status)\n")
        }
        onSessionExit?(status)
        return status
    }

    static func execID(_ call: Invocation) -> String {
        (0..<4).map { _ -> String in
            let h = String(call.cluster.rng.next(), radix: 16)
            return String(repeating: "0", count: 16 - h.count) + h
        }.joined()
    }
}
