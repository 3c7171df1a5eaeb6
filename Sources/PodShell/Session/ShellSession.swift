/// An interactive shell on a `Terminal`: the host prompt, or a container's `bash`/`sh` after
/// `kubectl exec -it`. Incomplete input (open quote, `for` without `done`, trailing `\` or `&&`)
/// is buffered behind the `> ` continuation prompt; `exit` pops it off the terminal.
public final class ShellSession: LineProgram {
    public let environment: ShellEnvironment
    /// Builds the prompt before each line, so it can show the cwd (`root@mysql-0:/var/lib/mysql# `).
    public var makePrompt: (ShellEnvironment) -> String
    public var continuationPrompt = "> "
    /// Called once when the session ends (by `exit`, Ctrl-D) with its exit status, e.g. to delete
    /// a `kubectl run --rm` pod.
    public var onExit: ((Int32) -> Void)?
    private func clearPending() { pendingLines = []; pendingInHereDocument = false }
    private var pending: String? { pendingLines.isEmpty ? nil : pendingLines.joined(separator: "\n") }
    /// The lines of a command still being typed (an open quote, loop or here-document).
    private var pendingLines: [String] = []
    /// True when only an unterminated here-document keeps the pending input open: then only a
    /// line that could be its delimiter needs a new parse, so a 20,000-line heredoc costs one
    /// parse per delimiter-like line instead of one per line (quadratic in the document).
    private var pendingInHereDocument = false
    private var finished = false
    /// Lines one command may span; beyond it the command is dropped with a message naming the limit.
    public static let maxPendingLines = 10_000

    public init(environment: ShellEnvironment, prompt: String) {
        self.environment = environment
        self.makePrompt = { _ in prompt }
        environment.isInteractive = true
    }

    public init(environment: ShellEnvironment, makePrompt: @escaping (ShellEnvironment) -> String) {
        self.environment = environment
        self.makePrompt = makePrompt
        environment.isInteractive = true
    }

    /// `root@web-0:/# ` style prompts (bash images): `user@host:cwd# ` with `~` for the home dir
    /// and `$` for non-root users.
    public static func bashPrompt(_ env: ShellEnvironment) -> String {
        var dir = env.cwd
        let home = env.user.home
        if dir == home { dir = "~" } else if dir.hasPrefix(home + "/") { dir = "~" + dir.dropFirst(home.count) }
        return "\(env.user.name)@\(env.hostname):\(dir)\(env.user.uid == 0 ? "#" : "$") "
    }

    /// busybox's `/ # ` prompt (cwd then `#` for root).
    public static func busyboxPrompt(_ env: ShellEnvironment) -> String {
        "\(env.cwd) \(env.user.uid == 0 ? "#" : "$") "
    }

    /// dash's plain `# ` (root) or `$ `.
    public static func dashPrompt(_ env: ShellEnvironment) -> String {
        env.user.uid == 0 ? "# " : "$ "
    }

    public var prompt: String { pendingLines.isEmpty ? makePrompt(environment) : continuationPrompt }

    /// True while a multi-line command is being typed.
    public var hasPendingInput: Bool { !pendingLines.isEmpty }

    public func handle(line: String, terminal: Terminal) -> LineResult {
        environment.terminal = terminal
        if pendingInHereDocument && (line.isEmpty || line.contains(" ")) {
            // Not a delimiter (those are one word): the document just grows.
            return appendPending(line, terminal: terminal)
        }
        pendingLines.append(line)
        let source = pendingLines.joined(separator: "\n")
        let list: ShellList
        do {
            list = try ShellParser.parse(source)
        } catch ShellSyntaxError.incomplete {
            pendingInHereDocument = (try? ShellParser.parse(source, lenientHereDocuments: true)) != nil
            return pendingLines.count > Self.maxPendingLines ? dropPending(terminal) : .continue
        } catch let e as ShellSyntaxError {
            clearPending()
            recordHistory(source)
            terminal.writeErr(e.message(dialect: environment.dialect) + "\n")
            environment.lastStatus = 2
            return .continue
        } catch {
            clearPending()
            return .continue
        }
        clearPending()
        recordHistory(source)
        let status = run(list, terminal: terminal)
        if let code = status.exitCode {
            // Interactive bash says `exit` as it leaves; busybox is silent.
            if environment.dialect == .bash { terminal.writeErr("exit\n") }
            finish(code)
            return .exit(code)
        }
        return .continue
    }

    private func appendPending(_ line: String, terminal: Terminal) -> LineResult {
        pendingLines.append(line)
        return pendingLines.count > Self.maxPendingLines ? dropPending(terminal) : .continue
    }

    /// Ends a command that grew past `maxPendingLines` without being run.
    private func dropPending(_ terminal: Terminal) -> LineResult {
        clearPending()
        terminal.writeErr("kubelab: \(environment.dialect.shellName): input stopped at the line limit (\(Self.maxPendingLines) lines per command); the command did not run\n")
        environment.lastStatus = 2
        return .continue
    }

    private func recordHistory(_ source: String) {
        if !source.allSatisfy({ $0 == " " || $0 == "\t" }) {
            environment.history.append(source)
            if environment.history.count > 1000 { environment.history.removeFirst() }
        }
    }

    /// Runs one parsed line with the terminal as stdin/stdout; returns an exit code when `exit` ran.
    private func run(_ list: ShellList, terminal: Terminal) -> (status: Int32, exitCode: Int32?) {
        let interpreter = ShellInterpreter(environment: environment)
        let out = ShellOutput(forward: { terminal.writeOut($0) }, budget: interpreter.budget, isTerminal: true)
        let err = ShellOutput(forward: { terminal.writeErr($0) }, budget: OutputBudget(limit: environment.limits.maxOutputBytes), isTerminal: true)
        let io = ShellInterpreter.IO(stdin: ShellInput("", isTerminal: true), stdout: out, stderr: err)
        let (status, exited) = interpreter.execute(list, environment: environment, io: io)
        return (status, exited ? status : nil)
    }

    public func interrupt(terminal: Terminal) {
        clearPending()
    }

    public func abandonPendingInput(terminal: Terminal) -> Bool {
        guard let source = pending else { return false }
        clearPending()
        recordHistory(source)
        // The shells word it as for any input that ends inside a quote or a compound command.
        terminal.writeErr(Self.syntaxError(in: source).message(dialect: environment.dialect) + "\n")
        environment.lastStatus = 2
        return true
    }

    private static func syntaxError(in source: String) -> ShellSyntaxError {
        do {
            _ = try ShellParser.parse(source)
            return .incomplete(expecting: nil)
        } catch let e as ShellSyntaxError {
            return e
        } catch {
            return .incomplete(expecting: nil)
        }
    }

    public func endOfInput(terminal: Terminal) {
        // A container's bash prints `exit` when Ctrl-D ends it; busybox prints nothing.
        if environment.dialect == .bash { terminal.writeOut("exit\n") }
        finish(environment.lastStatus)
    }

    public func childExited(code: Int32, terminal: Terminal) {
        environment.lastStatus = code
    }

    private func finish(_ code: Int32) {
        guard !finished else { return }
        finished = true
        onExit?(code)
    }
}
