/// What a command implementation receives: its arguments, standard streams, and the shell it
/// runs in. Commands that take over the terminal (`kubectl exec -it`, `mysql`) check
/// `stdinIsTerminal` and push a `LineProgram` onto `terminal`.
public final class CommandContext {
    /// The name the command was invoked by (`ls`, `/bin/ls` → `ls`).
    public let name: String
    /// Arguments after the name, fully expanded.
    public let arguments: [String]
    public let stdin: ShellInput
    public let stdout: ShellOutput
    public let stderr: ShellOutput
    public let environment: ShellEnvironment
    let interpreter: ShellInterpreter

    init(name: String, arguments: [String], stdin: ShellInput, stdout: ShellOutput, stderr: ShellOutput,
         environment: ShellEnvironment, interpreter: ShellInterpreter) {
        self.name = name
        self.arguments = arguments
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.environment = environment
        self.interpreter = interpreter
    }

    public var stdinIsTerminal: Bool { stdin.isTerminal }
    public var stdoutIsTerminal: Bool { stdout.isTerminal }
    public var terminal: Terminal? { environment.terminal }
    public var fileSystem: VirtualFileSystem { environment.fileSystem }
    public var dialect: ShellDialect { environment.dialect }
    public var cwd: String { environment.cwd }

    /// Writes to stdout; false once the output budget is spent (stop producing then).
    @discardableResult public func write(_ text: String) -> Bool { stdout.write(text) }
    @discardableResult public func writeError(_ text: String) -> Bool { stderr.write(text) }

    /// Standard input read in full.
    public func readStdin() -> String { stdin.readAll() }

    /// An absolute path for an argument typed relative to the cwd.
    public func absolutePath(_ path: String) -> String { environment.absolutePath(path) }

    /// Exported variables (what a child process would see).
    public var environmentVariables: [(name: String, value: String)] { environment.exportedVariables }

    /// True once Ctrl-C was pressed; long commands should stop and return 130.
    public var isInterrupted: Bool { environment.isInterrupted() }

    /// Waits on the virtual clock; false when interrupted.
    public func sleep(milliseconds: Int64) -> Bool { environment.sleep(milliseconds) }

    /// Runs a script in a child shell of this one (`sh -c`, `bash script.sh`), sharing streams.
    /// `dialect` overrides the child's wording (e.g. `bash -c` inside a busybox image).
    public func runScript(_ source: String, name: String? = nil, arguments: [String] = [], dialect: ShellDialect? = nil) -> Int32 {
        let child = environment.makeChild()
        if let dialect { child.dialect = dialect }
        if let name { child.scriptName = name }
        child.positionalParameters = arguments
        return interpreter.runChild(source, environment: child, stdin: stdin, stdout: stdout, stderr: stderr)
    }

    /// Runs another command from the table (e.g. `xargs`, `env CMD`, `sudo CMD`, `timeout`).
    public func runCommand(_ argv: [String], stdin: ShellInput? = nil) -> Int32 {
        interpreter.runCommand(argv, stdin: stdin ?? self.stdin, stdout: stdout, stderr: stderr, environment: environment)
    }

    /// Stops the command at one of kubelab's limits (see docs/limits.md), naming it:
    /// `kubelab: printf: stopped at the output limit (8 MiB per command line)`. Returns 1.
    public func stopAtLimit(_ limit: String) -> Int32 {
        writeError("kubelab: \(name): stopped at the \(limit)\n")
        return 1
    }

    /// kubelab's output limit as `stopAtLimit` names it.
    public var outputLimit: String { "output limit (\(ShellLimits.describe(bytes: environment.limits.maxOutputBytes)) per command line)" }

    /// The error prefix of this command in the dialect: `ls: ` for both coreutils and busybox.
    public func fail(_ message: String, status: Int32 = 1) -> Int32 {
        writeError("\(name): \(message)\n")
        return status
    }
}
