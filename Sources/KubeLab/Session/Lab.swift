import KubeAPI
import KubeSim
import Kubectl
import PodShell

/// One kubelab session: a sandbox cluster, kubectl bound to it, and the host shell the learner
/// types into, as a Terminal the REPL or `kubelab run` drives.
public final class Lab: LabSession {
    public let cluster: Cluster
    public let kubectl: Kubectl
    public let terminal: Terminal
    public let hostShell: ShellEnvironment
    public let workingDirectory: WorkingDirectoryFiles
    /// Cluster DNS, shared by every container.
    public let dns: ClusterDNS
    /// The containers' filesystems, programs and volume data.
    public let runtime: ContainerRuntime

    public var lastExitCode: Int32 { hostShell.lastStatus }
    /// The cluster clock when the session began: time marks count from here.
    public let startMillis: Int64
    public var clockMillis: Int64 { cluster.now - startMillis }
    public let options: LabOptions

    public init(options: LabOptions, workingDirectory: WorkingDirectoryFiles) {
        self.options = options
        cluster = Sandbox.make(seed: options.seed, workerNodes: options.nodes, nodeNames: options.nodeNames)
        startMillis = cluster.now
        self.workingDirectory = workingDirectory
        kubectl = Kubectl(cluster: cluster, files: workingDirectory)
        terminal = Terminal(mode: options.mode, writeOut: { _ in }, writeErr: { _ in })
        dns = ClusterDNS(cluster: cluster)
        runtime = ContainerRuntime(cluster: cluster, dns: dns)
        runtime.install()
        let fs = workingDirectory.fileSystem
        hostShell = ShellEnvironment(
            dialect: .hostBash, fileSystem: fs, commands: [:], cwd: workingDirectory.path,
            user: ShellUser(name: "learner", uid: 1000, gid: 1000, home: workingDirectory.path),
            hostname: "kubelab", isInteractive: true)
        fs.now = { [unowned self] in self.cluster.now }
        hostShell.now = { [unowned self] in self.cluster.now }
        hostShell.sleep = { [unowned self] ms in self.terminal.wait(ms) }
        hostShell.isInterrupted = { [unowned self] in self.terminal.isInterrupted() }
        hostShell.random = { [unowned self] in self.cluster.rng.next() }
        hostShell.terminal = terminal
        // The file tools of bash's dialect, the host-only tools (`sudo`), then kubectl and the rest.
        hostShell.commands = StandardUtilities.commands(for: .hostBash)
            .merging(StandardUtilities.hostCommands) { dialect, _ in dialect }
            .merging(hostCommands()) { _, host in host }
        terminal.wait = { [unowned self] ms in
            self.cluster.advance(by: ms)
            return true
        }
        kubectl.waitHook = { [unowned self] ms in self.terminal.wait(ms) }
        kubectl.runtime = runtime
        // Scripts end runaway loops after ten minutes of cluster time; at the keyboard Ctrl-C does.
        if options.mode == .script { hostShell.limits.maxLoopMillis = 600_000 }
        // The learner's machine doubles as the NFS server of the `nfs` StorageClass (seed 004).
        try? fs.createDirectory(VolumeStore.nfsExportPath, withIntermediates: true)
        try? fs.mount(runtime.volumes.nfsExport, at: VolumeStore.nfsExportPath)
        workingDirectory.syncFromDisk(workingDirectory.path)
        terminal.push(ShellSession(environment: hostShell, prompt: "$ "))
    }

    deinit { cluster.shutDown() }

    /// Commands that exist only on the learner's machine.
    func hostCommands() -> [String: ShellCommand] {
        var table: [String: ShellCommand] = [:]
        table["kubectl"] = { [unowned self] ctx in
            let piped = !ctx.stdinIsTerminal
            let io = CommandIO(
                out: { ctx.write($0) }, err: { ctx.writeError($0) },
                stdin: piped ? ctx.readStdin() : nil, terminal: ctx.terminal)
            return self.kubectl.run(ctx.arguments, io: io)
        }
        table["vagrant"] = { [unowned self] ctx in
            VagrantCommand(cluster: self.cluster, wait: { self.terminal.wait($0) }, sharedFolder: self.workingDirectory.path).run(ctx)
        }
        table["clear"] = { ctx in
            if ctx.stdoutIsTerminal && ctx.terminal?.mode == .interactive { ctx.write("\u{1B}[H\u{1B}[2J") }
            return 0
        }
        return table
    }

    public func advanceWallClock(ms: Int64) {
        guard ms > 0 else { return }
        cluster.advance(by: ms)
    }

    public func complete(line: String, cursor: Int) -> [String] {
        let prefix = String(line.prefix(max(0, min(cursor, line.count))))
        let commands = Array(Set(hostShell.commands.keys).union(["for", "while", "if", "exit", "cd", "export"])).sorted()
        return Completion.candidates(prefix: prefix, hostCommands: commands, kubectl: kubectl)
    }
}
