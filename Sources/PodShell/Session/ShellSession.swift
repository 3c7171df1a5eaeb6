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
    /// What is left of a line after one of its commands handed the terminal to an interactive
    /// program (`kubectl exec -it x -- bash && echo ok`): it runs when that program exits, with the
    /// program's exit status, as a real shell waits for its foreground job.
    private var deferredSteps: [LineStep] = []
    /// Set when a resumed line ran `exit`; the terminal then ends this session too.
    public private(set) var pendingExit: Int32?

    /// One top-level step of a line: a command, or the right side of `&&`/`||` that runs only
    /// when the status so far allows it.
    enum LineStep {
        case always(ShellCommandNode)
        case when(isAnd: Bool, ShellCommandNode)
    }
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
            list = try ShellParser.parse(source, dialect: environment.dialect)
        } catch ShellSyntaxError.incomplete {
            pendingInHereDocument = (try? ShellParser.parse(source, lenientHereDocuments: true, dialect: environment.dialect)) != nil
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
        deferredSteps = Self.steps(of: list)
        lineInterpreter = nil
        if let code = runSteps(terminal: terminal) {
            exitSession(code, terminal: terminal)
            return .exit(code)
        }
        return .continue
    }

    private func exitSession(_ code: Int32, terminal: Terminal) {
        // Interactive bash says `exit` as it leaves; busybox is silent.
        if environment.dialect == .bash { terminal.writeErr("exit\n") }
        finish(code)
    }

    /// A line's top-level commands, with each `&&`/`||` chain laid out step by step so the line
    /// can stop after any command and resume later.
    static func steps(of list: ShellList) -> [LineStep] {
        list.commands.flatMap { command -> [LineStep] in
            guard case .andOr(let first, let rest) = command else { return [.always(command)] }
            return [.always(first)] + rest.map { .when(isAnd: $0.isAnd, $0.command) }
        }
    }

    /// Runs the deferred steps until they are done, one hands the terminal to a program it
    /// pushed, or `exit` runs (its code is returned).
    private func runSteps(terminal: Terminal) -> Int32? {
        while !deferredSteps.isEmpty {
            let step = deferredSteps.removeFirst()
            let command: ShellCommandNode
            switch step {
            case .always(let c): command = c
            case .when(let isAnd, let c):
                // A skipped side leaves the status as it is, for the `&&`/`||` after it.
                guard (environment.lastStatus == 0) == isAnd else { continue }
                command = c
            }
            let depth = terminal.programs.count
            let status = run(ShellList(commands: [command]), terminal: terminal)
            if let code = status.exitCode {
                deferredSteps = []
                return code
            }
            if status.aborted {
                deferredSteps = []
                return nil
            }
            if terminal.programs.count > depth { return nil }
        }
        return nil
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

    /// Runs one parsed command with the terminal as stdin/stdout; returns an exit code when `exit`
    /// ran, and whether Ctrl-C or the output budget stopped it (the rest of the line is dropped).
    /// The steps of one line share an interpreter, so they share its output budget.
    private func run(_ list: ShellList, terminal: Terminal) -> (status: Int32, exitCode: Int32?, aborted: Bool) {
        let (interpreter, io) = lineInterpreter ?? makeLineInterpreter(terminal: terminal)
        lineInterpreter = (interpreter, io)
        let (status, exited) = interpreter.execute(list, environment: environment, io: io)
        return (status, exited ? status : nil, interpreter.shouldAbort(environment))
    }

    private var lineInterpreter: (ShellInterpreter, ShellInterpreter.IO)?

    private func makeLineInterpreter(terminal: Terminal) -> (ShellInterpreter, ShellInterpreter.IO) {
        let interpreter = ShellInterpreter(environment: environment)
        let out = ShellOutput(forward: { terminal.writeOut($0) }, budget: interpreter.budget, isTerminal: true)
        let err = ShellOutput(forward: { terminal.writeErr($0) }, budget: OutputBudget(limit: environment.limits.maxOutputBytes), isTerminal: true)
        return (interpreter, ShellInterpreter.IO(stdin: ShellInput("", isTerminal: true), stdout: out, stderr: err))
    }

    public func interrupt(terminal: Terminal) {
        clearPending()
        deferredSteps = []
    }

    public func abandonPendingInput(terminal: Terminal) -> Bool {
        guard let source = pending else { return false }
        clearPending()
        recordHistory(source)
        // The shells word it as for any input that ends inside a quote or a compound command.
        terminal.writeErr(Self.syntaxError(in: source, dialect: environment.dialect).message(dialect: environment.dialect) + "\n")
        environment.lastStatus = 2
        return true
    }

    private static func syntaxError(in source: String, dialect: ShellDialect) -> ShellSyntaxError {
        do {
            _ = try ShellParser.parse(source, dialect: dialect)
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
        if let exit = runSteps(terminal: terminal) {
            exitSession(exit, terminal: terminal)
            pendingExit = exit
        }
    }

    private func finish(_ code: Int32) {
        guard !finished else { return }
        finished = true
        onExit?(code)
    }
}
