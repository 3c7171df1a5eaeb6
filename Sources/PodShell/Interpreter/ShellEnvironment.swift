import KubeAPI

/// A command the shell can run: gets its arguments and streams, returns the exit status.
public typealias ShellCommand = (CommandContext) -> Int32

/// Everything one shell process knows: variables, cwd, filesystem, the command table supplied
/// by the caller (kubectl on the host, the image's programs in a container), and the hooks
/// that tie it to the virtual clock and the seeded generator.
///
/// Typical wiring:
/// - host: `ShellEnvironment(dialect: .hostBash, commands: StandardUtilities.hostCommands + kubectl…)`
///   inside `ShellSession(environment:prompt: "$ ")` pushed on the `Terminal`;
/// - `kubectl exec POD -- CMD`: a fresh environment over the container's `VirtualFileSystem`, then
///   `execute(argv, …)`; with `-it` and a shell, push `ShellSession(environment:makePrompt:)` instead.
/// Background jobs (`cmd &`) run in the foreground, so `kill %1` finds no job; `set -e` and `set -x` are honoured.
public final class ShellEnvironment {
    public var dialect: ShellDialect
    /// The files this shell sees; a container's tree is built when first read (see `DeferredFileSystem`).
    public var fileSystem: VirtualFileSystem {
        get { files.fileSystem }
        set { files = DeferredFileSystem(newValue) }
    }
    private var files: DeferredFileSystem
    /// Name → implementation. Builtins (`cd`, `export`, `read`, `exit`, ...) are handled by the
    /// interpreter itself; add `StandardUtilities.commands(for:)` for `ls`, `cat`, `grep` ...
    public var commands: [String: ShellCommand]
    public var cwd: String
    public var user: ShellUser
    public var hostname: String
    public var limits: ShellLimits
    /// Interactive shells print `bash: foo: command not found`; `bash -c` adds `line N: `.
    public var isInteractive: Bool
    /// `set -e`: a failing command ends the shell (not inherited by `sh -c`, a new shell).
    public var exitsOnError = false
    /// `set -x`: each command is printed to stderr after expansion, `+ ` per nesting level (bash's PS4),
    /// before it runs; subshells and `$(...)` inherit it with one `+` more.
    public var tracesCommands = false
    /// How many `+` a trace line starts with (1 in the shell itself, 2 inside `$(...)`).
    var traceLevel = 1
    /// Indexed arrays (bash): only `BASH_REMATCH`, which `[[ s =~ re ]]` fills, is set by kubelab.
    var arrays: [String: [String]] = [:]
    /// The virtual clock (for `date`, mtimes, loop time bounds).
    public var now: () -> Millis
    /// Waits `ms` of cluster time; false when Ctrl-C interrupted the wait.
    public var sleep: (Int64) -> Bool
    /// Seeded randomness (`$RANDOM`, `shuf`); callers wrap the cluster's `SeededGenerator`.
    public var random: () -> UInt64
    /// Polled between commands and loop iterations; true stops the command line (status 130).
    /// `terminal?.isInterrupted` is polled as well.
    public var isInterrupted: () -> Bool
    /// The terminal this shell runs in, so interactive commands can push a child `LineProgram`.
    public weak var terminal: Terminal?

    /// `$0`.
    public var scriptName: String
    /// `$1`, `$2`, ...
    public var positionalParameters: [String] = []
    /// `$?`.
    public var lastStatus: Int32 = 0
    /// `$$`.
    public var processID: Int = 1

    var variables: [String: String] = [:]
    var exported: Set<String> = []
    /// Order in which exported names were first set, so `env` prints deterministically.
    var exportOrder: [String] = []
    var functions: [String: ShellCommandNode] = [:]
    /// Where `which`/`type` say a command lives (`kubectl` → `/usr/local/bin/kubectl`); default
    /// `/bin/NAME` under busybox, `/usr/bin/NAME` otherwise.
    public var commandPaths: [String: String] = [:]
    /// Programs that are files in the container (`mysql` → `/usr/bin/mysql`): such a command runs
    /// only while its file is there.
    public var programFiles: [String: String] = [:]

    /// Whether `name`'s program file (if it has one) is present.
    func isInstalled(_ name: String) -> Bool {
        guard let path = programFiles[name] else { return true }
        return fileSystem.isFile(path)
    }
    /// Line history for `history`.
    public var history: [String] = []

    public convenience init(
        dialect: ShellDialect,
        fileSystem: VirtualFileSystem? = nil,
        files: DeferredFileSystem? = nil,
        commands: [String: ShellCommand] = [:],
        cwd: String = "/",
        user: ShellUser = ShellUser(),
        hostname: String = "localhost",
        environment: [(name: String, value: String)] = [],
        limits: ShellLimits = ShellLimits(),
        isInteractive: Bool = false,
        now: @escaping () -> Millis = { 0 },
        sleep: @escaping (Int64) -> Bool = { _ in true },
        random: @escaping () -> UInt64 = { 4 },
        isInterrupted: @escaping () -> Bool = { false }
    ) {
        self.init(sharing: dialect, files: files ?? DeferredFileSystem(fileSystem ?? VirtualFileSystem()), commands: commands,
                  cwd: cwd, user: user, hostname: hostname, limits: limits, isInteractive: isInteractive, now: now,
                  sleep: sleep, random: random, isInterrupted: isInterrupted)
        // `env` prints exported variables in this order; PATH, HOME and HOSTNAME are appended when missing.
        // Sized once: every container start builds a shell (a Job's pod, a probe, an exec).
        variables.reserveCapacity(environment.count + 4)
        exported.reserveCapacity(environment.count + 3)
        exportOrder.reserveCapacity(environment.count + 3)
        for (name, value) in environment { setVariable(name, value, export: true) }
        if variable("PATH") == nil { setVariable("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", export: true) }
        if variable("HOME") == nil { setVariable("HOME", user.home, export: true) }
        if variable("HOSTNAME") == nil, dialect != .hostBash { setVariable("HOSTNAME", hostname, export: true) }
        if variable("IFS") == nil { setVariable("IFS", " \t\n") }
    }

    /// The shared part of every environment, with no variables yet: `makeChild` copies its parent's.
    private init(sharing dialect: ShellDialect, files: DeferredFileSystem, commands: [String: ShellCommand], cwd: String,
                 user: ShellUser, hostname: String, limits: ShellLimits, isInteractive: Bool, now: @escaping () -> Millis,
                 sleep: @escaping (Int64) -> Bool, random: @escaping () -> UInt64, isInterrupted: @escaping () -> Bool) {
        self.dialect = dialect
        self.files = files
        self.commands = commands
        self.cwd = cwd
        self.user = user
        self.hostname = hostname
        self.limits = limits
        self.isInteractive = isInteractive
        self.now = now
        self.sleep = sleep
        self.random = random
        self.isInterrupted = isInterrupted
        self.scriptName = dialect.shellName
    }

    // MARK: Variables

    public func variable(_ name: String) -> String? { variables[name] }

    public func setVariable(_ name: String, _ value: String, export: Bool = false) {
        variables[name] = value
        if export || exported.contains(name) { markExported(name) }
    }

    public func unsetVariable(_ name: String) {
        variables[name] = nil
        if exported.remove(name) != nil { exportOrder.removeAll { $0 == name } }
    }

    public func export(_ name: String) { markExported(name) }

    private func markExported(_ name: String) {
        if exported.insert(name).inserted { exportOrder.append(name) }
    }

    /// Exported variables in the order they were first exported (what `env` prints).
    public var exportedVariables: [(name: String, value: String)] {
        exportOrder.compactMap { name in variables[name].map { (name, $0) } }
    }

    /// All shell variables sorted by name (what `set` prints).
    public var allVariables: [(name: String, value: String)] {
        variables.keys.sorted().map { ($0, variables[$0] ?? "") }
    }

    /// Resolves a path typed in this shell against its cwd.
    public func absolutePath(_ path: String) -> String { VirtualFileSystem.normalize(path, cwd: cwd) }

    /// A child environment for `sh -c` / a pipeline stage: copies variables, functions and cwd;
    /// shares the filesystem, command table and hooks.
    public func makeChild() -> ShellEnvironment {
        let child = ShellEnvironment(sharing: dialect, files: files, commands: commands, cwd: cwd, user: user,
                                     hostname: hostname, limits: limits, isInteractive: false, now: now, sleep: sleep,
                                     random: random, isInterrupted: isInterrupted)
        child.variables = variables
        child.exported = exported
        child.exportOrder = exportOrder
        child.functions = functions
        child.terminal = terminal
        child.commandPaths = commandPaths
        child.programFiles = programFiles
        child.scriptName = scriptName
        child.positionalParameters = positionalParameters
        child.lastStatus = lastStatus
        child.processID = processID
        child.tracesCommands = tracesCommands
        child.traceLevel = traceLevel
        child.arrays = arrays
        return child
    }

    // MARK: Running

    /// Runs shell source to completion, streaming to `stdout`/`stderr` (used by `kubectl exec`
    /// without a terminal and by `kubelab run`). Syntax errors are printed in the dialect's words.
    @discardableResult
    public func run(_ source: String, stdin: String = "", stdinIsTerminal: Bool = false, stdoutIsTerminal: Bool = false,
                    stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void) -> Int32 {
        let interpreter = ShellInterpreter(environment: self)
        return interpreter.runSource(source, stdin: ShellInput(stdin, isTerminal: stdinIsTerminal),
                                     stdout: stdout, stderr: stderr, stdoutIsTerminal: stdoutIsTerminal, commandString: !isInteractive)
    }

    /// Runs one program by argv without shell parsing, as a container runtime does for
    /// `kubectl exec POD -- hostname` or `-- sh -c '...'`. Returns nil when `argv[0]` is neither a
    /// builtin nor in the command table (the caller words the runtime's "executable file not found").
    public func execute(_ argv: [String], stdin: String = "", stdinIsTerminal: Bool = false, stdoutIsTerminal: Bool = false,
                        stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void) -> Int32? {
        guard let name = argv.first, canExecute(name) else { return nil }
        let interpreter = ShellInterpreter(environment: self)
        let out = ShellOutput(forward: stdout, budget: interpreter.budget, isTerminal: stdoutIsTerminal)
        let err = ShellOutput(forward: stderr, budget: OutputBudget(limit: limits.maxOutputBytes), isTerminal: stdoutIsTerminal)
        interpreter.diagnostics = err
        let status = interpreter.runCommand(argv, stdin: ShellInput(stdin, isTerminal: stdinIsTerminal), stdout: out, stderr: err, environment: self)
        if interpreter.budget.exceeded {
            err.write("kubelab: output stopped: a command line may print at most \(ShellLimits.describe(bytes: limits.maxOutputBytes))\n")
            return 1
        }
        return status
    }

    /// True when `name` (or `/bin/name`-style paths to it, or a script file) can be run.
    public func canExecute(_ name: String) -> Bool {
        if Builtins.table[name] != nil { return true }
        if commands[name] != nil, !name.utf8.contains(UInt8(ascii: "/")) { return isInstalled(name) }
        if name.utf8.contains(UInt8(ascii: "/")) {
            let path = absolutePath(name)
            let base = VirtualFileSystem.basename(path)
            return (commands[base] != nil && (programFiles[base] == nil || programFiles[base] == path) && isInstalled(base))
                || fileSystem.isFile(path)
        }
        return false
    }

    /// Runs shell source and returns what it printed (for tests and `exec` capture).
    public func capture(_ source: String, stdin: String = "") -> ShellRunResult {
        var out = "", err = ""
        let status = run(source, stdin: stdin, stdout: { out += $0 }, stderr: { err += $0 })
        return ShellRunResult(status: status, stdout: out, stderr: err)
    }
}

/// What a captured run printed and returned.
public struct ShellRunResult: Equatable, Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}
