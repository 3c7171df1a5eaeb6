import KubeAPI
import KubeSim

/// One running container: its filesystem (image files plus mounted volumes), its environment,
/// its command table, and the services its main process runs.
public final class ContainerInstance {
    public let podUID: String
    public let namespace: String
    public let podName: String
    public let containerName: String
    public let image: String
    public let profile: ImageProfile
    /// The container's files, built on first look (see `ContainerFiles.prepare`).
    public let files: DeferredFileSystem
    public var fileSystem: VirtualFileSystem { files.fileSystem }
    public let environment: [(name: String, value: String)]
    public let hostname: String
    public let workingDirectory: String
    /// Name → program; grows when the learner installs packages (`apt-get install dnsutils`).
    public var commands: [String: ShellCommand] = [:]
    /// What the main process has written, run by run (what `kubectl logs` prints).
    public var logs = ContainerLog()
    /// The current run's output as one text.
    public var log: String { logs.text }
    var mysql: MySQLServer?
    var postgres: PostgresServer?
    /// The liberator image's monitoring state (see `NodeLiberator`).
    var liberator: NodeLiberator?
    /// Ports a process in the container listens on (`ncat --listen 3307 -c CMD`), with the command
    /// each connection runs.
    var listeners: [Int: String] = [:]
    /// Processes `kubectl exec` started in the container so far.
    private var execs = 0

    /// The PID of the next `kubectl exec` process: PID 1 is the main process, so an exec'd shell's
    /// `$$` counts up from 7 (kubelab's choice of where the first exec lands).
    public func nextExecProcessID() -> Int {
        execs += 1
        return 6 + execs
    }

    init(pod: JSONValue, container: JSONValue, profile: ImageProfile, files: DeferredFileSystem,
         environment: [(name: String, value: String)])
    {
        podUID = pod.uid
        namespace = pod.namespace ?? "default"
        podName = pod.name
        containerName = container["name"].string ?? ""
        image = container["image"].string ?? ""
        self.profile = profile
        self.files = files
        self.environment = environment
        hostname = pod["spec"]["hostname"].string ?? pod.name
        workingDirectory = container["workingDir"].string ?? "/"
    }

    /// A fresh shell process in this container (each `kubectl exec` is one).
    public func makeShell(now: @escaping () -> Millis, sleep: @escaping (Int64) -> Bool, random: @escaping () -> UInt64,
                          isInterrupted: @escaping () -> Bool, terminal: Terminal?) -> ShellEnvironment
    {
        let env = ShellEnvironment(
            dialect: profile.dialect, files: files, commands: commands, cwd: workingDirectory,
            user: ShellUser(), hostname: hostname, environment: environment, now: now, sleep: sleep,
            random: random, isInterrupted: isInterrupted)
        env.terminal = terminal
        env.programFiles = profile.programPaths
        // The shell was just made and knows no paths yet: it shares the image's table.
        env.commandPaths = profile.programPaths
        return env
    }
}
