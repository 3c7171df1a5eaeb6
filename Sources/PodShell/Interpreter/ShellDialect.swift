/// Which shell is being imitated; it decides error wording and a few utility output formats
/// (GNU coreutils under bash images, busybox applets under `sh`).
public enum ShellDialect: Sendable, Hashable {
    /// bash in debian/ubuntu/mysql images, with GNU coreutils.
    case bash
    /// busybox ash (`sh`) with busybox applets.
    case busyboxSh
    /// The learner's own shell on the host, where `kubectl` lives.
    case hostBash
    /// `sh` in debian-based images (dash): `sh: 1: foo: not found`, GNU coreutils around it.
    case dash

    /// The name errors are prefixed with (`bash: foo: command not found`, `sh: foo: not found`).
    public var shellName: String { self == .busyboxSh || self == .dash ? "sh" : "bash" }
    public var isBusybox: Bool { self == .busyboxSh }
}

/// Bounds that keep a learner's runaway loop or giant output from exhausting the machine.
public struct ShellLimits: Sendable {
    /// Iterations one loop may run before it is stopped with `kubelab: loop stopped after N iterations`.
    public var maxLoopIterations: Int = 10_000
    /// Virtual time one loop may take (nil: unbounded, e.g. interactively where Ctrl-C stops it).
    public var maxLoopMillis: Int64? = nil
    /// Bytes one command line may write in total (terminal, pipes, captures).
    public var maxOutputBytes: Int = 8 << 20
    /// Nesting of functions, `sh -c`, and substitutions.
    public var maxCallDepth: Int = 200
    /// Commands plus loop iterations one command line may run in all (nested loops, recursion).
    public var maxSteps: Int = 1_000_000

    /// A byte limit as the messages name it: `8 MiB`, or `64 KiB` below a MiB.
    public static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : bytes >= 1024 && bytes % 1024 == 0 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }

    public init(maxLoopIterations: Int = 10_000, maxLoopMillis: Int64? = nil, maxOutputBytes: Int = 8 << 20, maxCallDepth: Int = 200) {
        self.maxLoopIterations = maxLoopIterations
        self.maxLoopMillis = maxLoopMillis
        self.maxOutputBytes = maxOutputBytes
        self.maxCallDepth = maxCallDepth
    }
}

/// Who the shell runs as: `id`, `whoami`, `~` and the owner of new files.
public struct ShellUser: Sendable, Equatable {
    public var name: String
    public var uid: Int
    public var gid: Int
    public var groupName: String
    public var home: String

    public init(name: String = "root", uid: Int = 0, gid: Int = 0, groupName: String? = nil, home: String? = nil) {
        self.name = name
        self.uid = uid
        self.gid = gid
        self.groupName = groupName ?? name
        self.home = home ?? (name == "root" ? "/root" : "/home/\(name)")
    }
}
