/// Evaluates parsed shell code against a `ShellEnvironment`. Pipelines run stage by stage with
/// buffered text in between (no concurrency), which is exact for the finite commands a
/// learner runs and keeps output deterministic.
final class ShellInterpreter {
    enum Flow: Equatable {
        case normal
        case breakLoop(Int)
        case continueLoop(Int)
        case returnFromFunction
        case exit(Int32)
        /// Ctrl-C, a loop limit or the output cap: the whole command line stops.
        case abort
    }

    struct IO {
        var stdin: ShellInput
        var stdout: ShellOutput
        var stderr: ShellOutput
    }

    let rootEnvironment: ShellEnvironment
    var budget: OutputBudget
    private var errorBudget: OutputBudget
    var depth = 0
    var loopDepth = 0
    var functionDepth = 0
    /// Script files and `sh -c` strings being run (a top-level `return` ends the script).
    var scriptDepth = 0
    /// Files being read by `source`/`.` (a top-level `return` ends the file).
    var sourceDepth = 0
    /// Per function call, the values `local` shadowed (nil: the variable did not exist).
    var localFrames: [[String: String?]] = []
    private var abortReported = false
    /// Commands and loop iterations this command line has run: nested loops and fan-out
    /// recursion (`f() { f; f; }`) are each bounded on their own, but not their product.
    private var steps = 0
    /// Where kubelab's own messages go (loop limits): the line's real stderr, even when the loop
    /// itself redirects its stderr.
    var diagnostics: ShellOutput?
    /// The line of the simple command being run, for builtins' `bash: line N: kill: ...` messages.
    var currentLine = 1

    init(environment: ShellEnvironment) {
        rootEnvironment = environment
        budget = OutputBudget(limit: environment.limits.maxOutputBytes)
        errorBudget = OutputBudget(limit: environment.limits.maxOutputBytes)
    }

    // MARK: Entry points

    /// Parses and runs `source`; returns the exit status. A top-level `exit N` returns N.
    func runSource(_ source: String, stdin: ShellInput, stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void,
                   stdoutIsTerminal: Bool, commandString: Bool) -> Int32 {
        let env = rootEnvironment
        let err = ShellOutput(forward: stderr, budget: errorBudget, isTerminal: stdoutIsTerminal)
        let list: ShellList
        do {
            list = try ShellParser.parse(source, lenientHereDocuments: true, dialect: env.dialect)
        } catch let e as ShellSyntaxError {
            err.write(e.message(dialect: env.dialect, commandString: commandString && !env.isInteractive) + "\n")
            env.lastStatus = 2
            return 2
        } catch {
            return 2
        }
        let out = ShellOutput(forward: stdout, budget: budget, isTerminal: stdoutIsTerminal)
        let (status, _) = execute(list, environment: env, io: IO(stdin: stdin, stdout: out, stderr: err))
        return status
    }

    /// Runs a parsed line; the flag says whether `exit` was requested.
    func execute(_ list: ShellList, environment env: ShellEnvironment, io: IO) -> (status: Int32, exited: Bool) {
        if diagnostics == nil { diagnostics = io.stderr }
        let flow = execList(list, env, io)
        reportBudget(env, io)
        switch flow {
        case .exit(let code):
            env.lastStatus = code
            return (code, true)
        case .abort:
            if env.lastStatus == 0 { env.lastStatus = 130 }
            return (env.lastStatus, false)
        default:
            return (env.lastStatus, false)
        }
    }

    /// `sh -c` and script files: a child shell sharing this line's streams and budget.
    func runChild(_ source: String, environment child: ShellEnvironment, stdin: ShellInput, stdout: ShellOutput, stderr: ShellOutput) -> Int32 {
        guard depth < child.limits.maxCallDepth else {
            stderr.write("\(child.dialect.shellName): maximum nesting depth exceeded\n")
            return 1
        }
        let list: ShellList
        do {
            list = try ShellParser.parse(source, lenientHereDocuments: true, dialect: child.dialect)
        } catch let e as ShellSyntaxError {
            stderr.write(e.message(dialect: child.dialect, commandString: true) + "\n")
            return 2
        } catch {
            return 2
        }
        depth += 1
        scriptDepth += 1
        defer { depth -= 1; scriptDepth -= 1 }
        let saved = (loopDepth, functionDepth)
        loopDepth = 0
        functionDepth = 0
        defer { (loopDepth, functionDepth) = saved }
        let flow = execList(list, child, IO(stdin: stdin, stdout: stdout, stderr: stderr))
        switch flow {
        case .exit(let code): return code
        case .abort: abortChild = true; return child.lastStatus == 0 ? 130 : child.lastStatus
        default: return child.lastStatus
        }
    }

    /// Set when a child shell was aborted so the parent stops too.
    var abortChild = false

    private func reportBudget(_ env: ShellEnvironment, _ io: IO) {
        if budget.exceeded && !abortReported {
            abortReported = true
            io.stderr.write("kubelab: output stopped: a command line may print at most \(ShellLimits.describe(bytes: budget.limit))\n")
            env.lastStatus = 1
        }
    }

    func shouldAbort(_ env: ShellEnvironment) -> Bool {
        budget.exceeded || abortChild || env.isInterrupted() || (env.terminal?.isInterrupted() ?? false)
    }

    // MARK: Lists and compound commands

    func execList(_ list: ShellList, _ env: ShellEnvironment, _ io: IO) -> Flow {
        for command in list.commands {
            let flow = exec(command, env, io)
            if flow != .normal { return flow }
            if shouldAbort(env) { return .abort }
            if env.exitsOnError && env.lastStatus != 0 && conditionDepth == 0 && !Self.ignoresErrexit(command, ranLast: andOrRanLast) {
                return .exit(env.lastStatus)
            }
        }
        return .normal
    }

    /// `if`/`while` conditions, where `set -e` does not apply.
    func execCondition(_ list: ShellList, _ env: ShellEnvironment, _ io: IO) -> Flow {
        conditionDepth += 1
        defer { conditionDepth -= 1 }
        return execList(list, env, io)
    }

    /// Inside an `if`/`while` condition (`set -e` is ignored there).
    var conditionDepth = 0
    /// Whether the last `a && b || c` list ended by running its final command.
    var andOrRanLast = true

    /// POSIX `set -e` exemptions: a `!` pipeline, and an `&&`/`||` list whose failing command was not its last.
    static func ignoresErrexit(_ node: ShellCommandNode, ranLast: Bool) -> Bool {
        switch node {
        case .pipeline(_, let negated): return negated
        case .andOr: return !ranLast
        default: return false
        }
    }

    func exec(_ node: ShellCommandNode, _ env: ShellEnvironment, _ io: IO) -> Flow {
        switch node {
        case .simple(let cmd):
            return execSimple(cmd, env, io)
        case .pipeline(let stages, let negated):
            let flow = execPipeline(stages, env, io)
            if negated && flow == .normal { env.lastStatus = env.lastStatus == 0 ? 1 : 0 }
            return flow
        case .andOr(let first, let rest):
            conditionDepth += 1
            var flow = exec(first, env, io)
            var ranLast = rest.isEmpty
            for (index, (isAnd, command)) in rest.enumerated() {
                guard flow == .normal else { conditionDepth -= 1; return flow }
                if shouldAbort(env) { conditionDepth -= 1; return .abort }
                if (env.lastStatus == 0) == isAnd {
                    if index == rest.count - 1 { conditionDepth -= 1; ranLast = true; flow = exec(command, env, io); conditionDepth += 1 }
                    else { flow = exec(command, env, io) }
                }
            }
            conditionDepth -= 1
            andOrRanLast = ranLast
            return flow
        case .forLoop(let variable, let items, let body):
            let values: [String]
            if let items {
                switch expandFields(items, env, io) {
                case .success(let v): values = v
                case .failure: env.lastStatus = 1; return .normal
                }
            } else {
                values = env.positionalParameters
            }
            env.lastStatus = 0
            var guardState = LoopGuard(env: env)
            loopDepth += 1
            defer { loopDepth -= 1 }
            for value in values {
                if let stop = guardState.tick(self, io) { return stop }
                env.setVariable(variable, value)
                let flow = execList(body, env, io)
                switch flow {
                case .normal: continue
                case .breakLoop(let n): return n > 1 ? .breakLoop(n - 1) : .normal
                case .continueLoop(let n): if n > 1 { return .continueLoop(n - 1) }
                default: return flow
                }
            }
            return .normal
        case .arithmeticFor(let initial, let condition, let step, let body):
            func arithmetic(_ word: ShellWord, emptyValue: Int) -> Int? {
                guard case .success(let text) = expandString(word, env, io) else { return nil }
                if text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) { return emptyValue }
                do {
                    return try ArithmeticEvaluator.evaluate(text, lookup: { env.variable($0) ?? self.special($0, env) },
                                                            assign: { env.setVariable($0, $1) })
                } catch ArithmeticEvaluator.Failure.message(let m) {
                    io.stderr.write("\(env.dialect.shellName): \(text.trimmingCharacters(in: " ")): \(m)\n")
                    return nil
                } catch { return nil }
            }
            guard arithmetic(initial, emptyValue: 0) != nil else { env.lastStatus = 1; return .normal }
            var guardState = LoopGuard(env: env)
            loopDepth += 1
            defer { loopDepth -= 1 }
            env.lastStatus = 0
            while true {
                if let stop = guardState.tick(self, io) { return stop }
                guard let c = arithmetic(condition, emptyValue: 1) else { env.lastStatus = 1; return .normal }
                if c == 0 { break }
                let flow = execList(body, env, io)
                switch flow {
                case .normal: break
                case .breakLoop(let n): return n > 1 ? .breakLoop(n - 1) : .normal
                case .continueLoop(let n): if n > 1 { return .continueLoop(n - 1) }
                default: return flow
                }
                guard arithmetic(step, emptyValue: 0) != nil else { env.lastStatus = 1; return .normal }
            }
            return .normal
        case .whileLoop(let condition, let body, let until):
            var guardState = LoopGuard(env: env)
            var bodyStatus: Int32 = 0
            loopDepth += 1
            defer { loopDepth -= 1 }
            while true {
                if let stop = guardState.tick(self, io) { return stop }
                let condFlow = execCondition(condition, env, io)
                if condFlow != .normal {
                    if case .breakLoop(let n) = condFlow { return n > 1 ? .breakLoop(n - 1) : .normal }
                    if case .continueLoop = condFlow { continue }
                    return condFlow
                }
                if (env.lastStatus == 0) == until { break }
                let flow = execList(body, env, io)
                bodyStatus = env.lastStatus
                switch flow {
                case .normal: continue
                case .breakLoop(let n): return n > 1 ? .breakLoop(n - 1) : .normal
                case .continueLoop(let n): if n > 1 { return .continueLoop(n - 1) }
                default: return flow
                }
            }
            env.lastStatus = bodyStatus
            return .normal
        case .ifChain(let branches, let otherwise):
            for branch in branches {
                let flow = execCondition(branch.condition, env, io)
                if flow != .normal { return flow }
                if env.lastStatus == 0 { return execList(branch.body, env, io) }
            }
            if let otherwise { return execList(otherwise, env, io) }
            env.lastStatus = 0
            return .normal
        case .caseOf(let subject, let arms):
            guard case .success(let value) = expandString(subject, env, io) else { env.lastStatus = 1; return .normal }
            for arm in arms {
                for pattern in arm.patterns {
                    guard case .success(let p) = expandPattern(pattern, env, io) else { continue }
                    if GlobPattern.matches(p, value) { return execList(arm.body, env, io) }
                }
            }
            env.lastStatus = 0
            return .normal
        case .group(let body):
            return execList(body, env, io)
        case .subshell(let body):
            let child = env.makeChild()
            let flow = execList(body, child, io)
            env.lastStatus = child.lastStatus
            switch flow {
            case .exit(let code): env.lastStatus = code; return .normal
            case .abort: return .abort
            default: return .normal
            }
        case .functionDefinition(let name, let body):
            env.functions[name] = body
            env.lastStatus = 0
            return .normal
        case .redirected(let inner, let redirections):
            guard let (newIO, finish) = applyRedirections(redirections, env, io) else { env.lastStatus = 1; return .normal }
            let flow = exec(inner, env, newIO)
            finish()
            return flow
        }
    }

    /// Counts loop iterations and virtual time; stops runaway loops with a clear message.
    struct LoopGuard {
        var iterations = 0
        let start: Int64
        init(env: ShellEnvironment) { start = env.now() }

        mutating func tick(_ interpreter: ShellInterpreter, _ io: IO) -> Flow? {
            let env = interpreter.rootEnvironment
            if interpreter.shouldAbort(env) { return .abort }
            guard interpreter.takeStep(env, io) else { return .abort }
            iterations += 1
            let limits = env.limits
            if iterations > limits.maxLoopIterations {
                (interpreter.diagnostics ?? io.stderr).write("kubelab: loop stopped after \(limits.maxLoopIterations) iterations\n")
                env.lastStatus = 1
                interpreter.abortChild = true
                return .abort
            }
            if let maxMillis = limits.maxLoopMillis, env.now() - start > maxMillis {
                (interpreter.diagnostics ?? io.stderr).write("kubelab: loop stopped after \(maxMillis / 1000) s of cluster time\n")
                env.lastStatus = 1
                interpreter.abortChild = true
                return .abort
            }
            return nil
        }
    }

    // MARK: Pipelines

    private func execPipeline(_ stages: [ShellCommandNode], _ env: ShellEnvironment, _ io: IO) -> Flow {
        if stages.count == 1 { return exec(stages[0], env, io) }
        // Trailing line filters run on each chunk the last producer writes (see `StreamingFilters`).
        let streamed = StreamingFilters.trailingCount(stages)
        let filters = stages.suffix(streamed)
        let chain = streamed > 0 && filtersAcceptEmptyInput(filters, env)
            ? FilterChain(self, filters: filters, environment: env, io: io) : nil
        let producers = chain == nil ? stages[...] : stages.dropLast(streamed)
        var input = io.stdin
        var status: Int32 = 0
        /// What the last producer wrote into the streamed filters (its pipe limit counts too).
        var chainInput: ShellOutput?
        for (i, stage) in producers.enumerated() {
            let isLast = i == producers.count - 1
            // A pipe has its own budget: a writer like `yes` stops when it is full, as on SIGPIPE,
            // while the reader (`head -n 2`) still sees the beginning.
            let out: ShellOutput
            if isLast, let chain {
                out = ShellOutput(forward: { chain.feed($0) }, budget: OutputBudget(limit: env.limits.maxOutputBytes), isTerminal: false)
                chainInput = out
            } else if isLast && input.isTruncated {
                // Held back until we know whether the reader needed the part that was never written.
                out = ShellOutput(forward: nil, budget: OutputBudget(limit: env.limits.maxOutputBytes), isTerminal: io.stdout.isTerminal)
            } else {
                out = isLast ? io.stdout : ShellOutput(forward: nil, budget: OutputBudget(limit: env.limits.maxOutputBytes), isTerminal: false)
            }
            // Every stage runs in a subshell, as in bash without lastpipe.
            let child = env.makeChild()
            let flow = exec(stage, child, IO(stdin: input, stdout: out, stderr: io.stderr))
            status = child.lastStatus
            if case .exit(let code) = flow { status = code }
            if input.readPastTruncation { return reportPipeLimit(env, io) }
            if out !== io.stdout && isLast && chain == nil { io.stdout.write(out.take()) }
            if flow == .abort || shouldAbort(env) { env.lastStatus = status; return .abort }
            if !isLast { input = ShellInput(out.take(), isTruncated: out.budget.exceeded) }
        }
        if let chain {
            chain.finish()
            if chain.aborted { env.lastStatus = 1; return .abort }
            if chainInput?.budget.exceeded == true { return reportPipeLimit(env, io) }
            status = chain.matched ? 0 : 1
        }
        env.lastStatus = status
        return .normal
    }

    /// A pipe reader consumed input whose writer had stopped at the pipe limit: its answer
    /// (`yes | wc -l` counting 4194304) would be wrong, so the line stops and says why.
    private func reportPipeLimit(_ env: ShellEnvironment, _ io: IO) -> Flow {
        (diagnostics ?? io.stderr).write("kubelab: \(env.dialect.shellName): pipe stopped at the pipe limit (\(ShellLimits.describe(bytes: env.limits.maxOutputBytes)) per pipe); the command reading it saw only the beginning\n")
        env.lastStatus = 1
        abortChild = true
        return .abort
    }

    // MARK: Simple commands

    /// Counts one step; false (after saying so once) when the line is past `maxSteps`.
    func takeStep(_ env: ShellEnvironment, _ io: IO) -> Bool {
        steps += 1
        guard steps > env.limits.maxSteps else { return true }
        if !abortChild {
            (diagnostics ?? io.stderr).write("kubelab: \(env.dialect.shellName): stopped at the step limit (\(env.limits.maxSteps) commands and loop iterations per command line)\n")
        }
        env.lastStatus = 1
        abortChild = true
        return false
    }

    private func execSimple(_ cmd: SimpleCommand, _ env: ShellEnvironment, _ io: IO) -> Flow {
        guard takeStep(env, io) else { return .abort }
        substitutionStatus = nil
        // bash and busybox ash have `[[`; dash does not (it is then an unknown command).
        if env.dialect != .dash, cmd.words.first?.plainText == "[[" { return execConditional(cmd, env, io) }
        guard case .success(let argv) = expandFields(cmd.words, env, io) else { env.lastStatus = 1; return abortChild ? .abort : .normal }
        var assignments: [(String, String)] = []
        for (name, word) in cmd.assignments {
            guard case .success(let value) = expandString(word, env, io, tilde: true) else { env.lastStatus = 1; return .normal }
            assignments.append((name, value))
        }
        if abortChild || budget.exceeded { return .abort }
        // A value or command line may be as large as a line's output: `x=$x$x` in a loop ends
        // here at 8 MiB instead of doubling into gigabytes.
        let limit = env.limits.maxOutputBytes
        if assignments.contains(where: { $0.1.utf8.count > limit }) || argv.reduce(0, { $0 + $1.utf8.count }) > limit {
            (diagnostics ?? io.stderr).write("kubelab: \(env.dialect.shellName): stopped at the string size limit (\(ShellLimits.describe(bytes: limit)) per value or command line)\n")
            env.lastStatus = 1
            abortChild = true
            return .abort
        }
        if env.tracesCommands { traceSimpleCommand(assignments: assignments, argv: argv, env, io) }
        if argv.isEmpty {
            for (name, value) in assignments { env.setVariable(name, value) }
            if !cmd.redirections.isEmpty {
                guard let (_, finish) = applyRedirections(cmd.redirections, env, io) else { env.lastStatus = 1; return .normal }
                finish()
            }
            env.lastStatus = substitutionStatus ?? 0
            return .normal
        }
        var commandIO = io
        var finish: (() -> Void)? = nil
        if !cmd.redirections.isEmpty {
            guard let (newIO, done) = applyRedirections(cmd.redirections, env, io) else { env.lastStatus = 1; return .normal }
            commandIO = newIO
            finish = done
        }
        defer { finish?() }
        // `A=b cmd`: the assignment applies to the command only (builtins and functions see it too).
        var saved: [(String, String?, Bool)] = []
        for (name, value) in assignments {
            saved.append((name, env.variable(name), env.exported.contains(name)))
            env.setVariable(name, value, export: true)
        }
        defer {
            if !assignments.isEmpty {
                for (name, old, wasExported) in saved.reversed() {
                    if let old { env.variables[name] = old } else { env.variables[name] = nil }
                    if !wasExported { env.exported.remove(name); env.exportOrder.removeAll { $0 == name } }
                }
            }
        }
        return invoke(argv, env, commandIO, line: cmd.line)
    }

    /// `[[ ... ]]` expands its words without splitting or globbing; the right side of `==`/`!=`
    /// is a pattern unless quoted.
    private func execConditional(_ cmd: SimpleCommand, _ env: ShellEnvironment, _ io: IO) -> Flow {
        let words = cmd.words.dropFirst().dropLast().map { word in
            ConditionalExpression.Word(
                literal: word.plainText, quoted: word.hasQuotedPart,
                text: { [unowned self] in
                    guard case .success(let text) = self.expandString(word, env, io, tilde: true) else { return nil }
                    return text
                },
                pattern: { [unowned self] in
                    guard case .success(let pattern) = self.expandPattern(word, env, io) else { return nil }
                    return pattern
                })
        }
        let trace: ((String) -> Void)? = env.tracesCommands ? { [unowned self] in self.writeTrace($0, env, io) } : nil
        var evaluator = ConditionalExpression(words: words, env: env, trace: trace)
        do {
            let result = try evaluator.evaluate()
            env.lastStatus = result ? 0 : 1
        } catch let limit as PosixRegex.StepLimitExceeded {
            io.stderr.write("kubelab: \(env.dialect.shellName): \(limit.message)\n")
            env.lastStatus = 2
        } catch {
            io.stderr.write("\(env.dialect.shellName): syntax error in conditional expression\n")
            env.lastStatus = 2
        }
        return .normal
    }

    /// Runs `argv[0]`: a function, a builtin, or a command from the table.
    func invoke(_ argv: [String], _ env: ShellEnvironment, _ io: IO, line: Int) -> Flow {
        let name = argv[0]
        if let body = env.functions[name] {
            return callFunction(body, arguments: Array(argv.dropFirst()), env, io)
        }
        if let builtin = Builtins.table[name] {
            currentLine = line
            return builtin(self, Array(argv.dropFirst()), env, io)
        }
        env.lastStatus = runExternal(argv, env, io, line: line)
        // 130 is what a command returns when Ctrl-C cut it short: the whole line stops, as with SIGINT.
        if env.lastStatus == 130 { abortChild = true; return .abort }
        return .normal
    }

    /// Status of the last `$(...)` in the current simple command (for `x=$(false)`).
    var substitutionStatus: Int32?

    private func callFunction(_ body: ShellCommandNode, arguments: [String], _ env: ShellEnvironment, _ io: IO) -> Flow {
        guard functionDepth < env.limits.maxCallDepth else {
            io.stderr.write("\(env.dialect.shellName): maximum function nesting level exceeded (\(env.limits.maxCallDepth))\n")
            env.lastStatus = 1
            return .abort
        }
        let savedParams = env.positionalParameters
        env.positionalParameters = arguments
        functionDepth += 1
        let savedLoop = loopDepth
        loopDepth = 0
        localFrames.append([:])
        let flow = exec(body, env, io)
        if let frame = localFrames.popLast() {
            for (name, old) in frame {
                if let old { env.variables[name] = old } else { env.variables[name] = nil }
            }
        }
        loopDepth = savedLoop
        functionDepth -= 1
        env.positionalParameters = savedParams
        if flow == .returnFromFunction { return .normal }
        if case .breakLoop = flow { return .normal }
        if case .continueLoop = flow { return .normal }
        return flow
    }

    /// Runs a command from the table (also used by `xargs`, `env CMD`, `sudo CMD`).
    func runCommand(_ argv: [String], stdin: ShellInput, stdout: ShellOutput, stderr: ShellOutput, environment env: ShellEnvironment) -> Int32 {
        guard !argv.isEmpty else { return 0 }
        let io = IO(stdin: stdin, stdout: stdout, stderr: stderr)
        if let builtin = Builtins.table[argv[0]], !["exit", "return", "break", "continue", "exec"].contains(argv[0]) {
            _ = builtin(self, Array(argv.dropFirst()), env, io)
            return env.lastStatus
        }
        return runExternal(argv, env, io, line: 1)
    }

    private static let binaryDirectories: Set<String> = ["/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"]

    private func runExternal(_ argv: [String], _ env: ShellEnvironment, _ io: IO, line: Int) -> Int32 {
        var name = argv[0]
        let shell = env.dialect.shellName
        if name.utf8.contains(UInt8(ascii: "/")) {
            let path = env.absolutePath(name)
            let base = VirtualFileSystem.basename(path)
            if Self.binaryDirectories.contains(VirtualFileSystem.dirname(path)), env.commands[base] != nil,
               env.programFiles[base] == nil || env.programFiles[base] == path && env.isInstalled(base) {
                name = base
            } else if env.fileSystem.isFile(path) {
                return runScriptFile(path, arguments: Array(argv.dropFirst()), env, io)
            } else if env.fileSystem.isDirectory(path) {
                io.stderr.write(env.dialect.isBusybox ? "\(shell): \(argv[0]): Permission denied\n" : "\(shell): \(argv[0]): Is a directory\n")
                return 126
            } else {
                switch env.dialect {
                case .busyboxSh: io.stderr.write("sh: \(argv[0]): not found\n")
                case .dash: io.stderr.write("sh: \(line): \(argv[0]): not found\n")
                default: io.stderr.write("\(shell): \(argv[0]): No such file or directory\n")
                }
                return 127
            }
        }
        guard let command = env.commands[name], env.isInstalled(name) else {
            if env.dialect.isBusybox {
                io.stderr.write("\(shell): \(name): not found\n")
            } else if env.dialect == .dash {
                io.stderr.write("sh: \(line): \(name): not found\n")
            } else if env.isInteractive || depth == 0 && env === rootEnvironment && env.isInteractive {
                io.stderr.write("\(shell): \(name): command not found\n")
            } else {
                io.stderr.write("\(shell): line \(line): \(name): command not found\n")
            }
            return 127
        }
        let context = CommandContext(name: name, arguments: Array(argv.dropFirst()), stdin: io.stdin, stdout: io.stdout,
                                     stderr: io.stderr, environment: env, interpreter: self)
        return command(context)
    }

    private func runScriptFile(_ path: String, arguments: [String], _ env: ShellEnvironment, _ io: IO) -> Int32 {
        guard let text = try? env.fileSystem.readText(path, limit: 1 << 20) else { return 126 }
        let child = env.makeChild()
        child.scriptName = path
        child.positionalParameters = arguments
        if text.hasPrefix("#!") {
            let firstLine = text.prefix { $0 != "\n" }
            if firstLine.contains("bash") { child.dialect = .bash }
        }
        return runChild(text, environment: child, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr)
    }

    // MARK: Redirections

    /// Applies redirections left to right. Returns nil (after printing the error) when a file
    /// cannot be opened; `finish` writes buffered file output when the command is done.
    func applyRedirections(_ redirections: [Redirection], _ env: ShellEnvironment, _ io: IO) -> (IO, () -> Void)? {
        var result = io
        var pendingFiles: [(path: String, sink: ShellOutput, budget: OutputBudget)] = []
        let shell = env.dialect.shellName
        func fail(_ target: String, _ error: FileSystemError) -> (IO, () -> Void)? {
            io.stderr.write("\(shell): \(target): \(error.message)\n")
            return nil
        }
        func openOutput(_ target: String, append: Bool) -> Result<ShellOutput, FileSystemError> {
            switch target {
            case "/dev/stdout": return .success(result.stdout)
            case "/dev/stderr": return .success(result.stderr)
            case "/dev/null":
                // Discarded bytes count against the line's output budget, so `yes > /dev/null`
                // stops (saying which limit) instead of running forever.
                return .success(ShellOutput(forward: { _ in }, budget: budget, isTerminal: false))
            default: break
            }
            let path = env.absolutePath(target)
            do {
                if !append || !env.fileSystem.exists(path) {
                    try env.fileSystem.writeFile(path, bytes: [])
                } else if env.fileSystem.isDirectory(path) {
                    throw FileSystemError.isADirectory
                }
            } catch let e as FileSystemError {
                return .failure(e)
            } catch { return .failure(.invalidArgument) }
            let fileBudget = OutputBudget(limit: env.fileSystem.maxFileBytes)
            let sink = ShellOutput(forward: nil, budget: fileBudget, isTerminal: false)
            pendingFiles.append((path, sink, fileBudget))
            return .success(sink)
        }
        for r in redirections {
            let target: String
            if case .hereDocument = r.kind {
                guard case .success(let body) = expandString(r.target, env, io, hereDocument: true) else { return nil }
                result.stdin = ShellInput(body)
                continue
            }
            guard case .success(let t) = expandString(r.target, env, io, tilde: true) else { return nil }
            target = t
            switch r.kind {
            case .input, .readWrite:
                let path = env.absolutePath(target)
                do {
                    let text = try env.fileSystem.readText(path, limit: env.limits.maxOutputBytes)
                    if r.fd == 0 { result.stdin = ShellInput(text) }
                } catch let e as FileSystemError {
                    return fail(target, e)
                } catch { return nil }
            case .hereString:
                result.stdin = ShellInput(target + "\n")
            case .output, .append:
                switch openOutput(target, append: r.kind == .append) {
                case .success(let sink):
                    if r.fd == 2 { result.stderr = sink } else if r.fd == 1 { result.stdout = sink }
                case .failure(let e): return fail(target, e)
                }
            case .outputAndError, .appendOutputAndError:
                switch openOutput(target, append: r.kind == .appendOutputAndError) {
                case .success(let sink): result.stdout = sink; result.stderr = sink
                case .failure(let e): return fail(target, e)
                }
            case .duplicateOutput:
                if target == "1" { if r.fd == 2 { result.stderr = result.stdout } }
                else if target == "2" { if r.fd == 1 { result.stdout = result.stderr } }
                else if target == "-" { /* closing a descriptor: ignore */ }
                else if Int(target) == nil, r.fd == 1 {
                    // `>&file` is bash's spelling of `&>file`.
                    switch openOutput(target, append: false) {
                    case .success(let sink): result.stdout = sink; result.stderr = sink
                    case .failure(let e): return fail(target, e)
                    }
                } else {
                    io.stderr.write("\(shell): \(target): Bad file descriptor\n")
                    return nil
                }
            case .duplicateInput:
                break
            case .hereDocument:
                break
            }
        }
        let finish: () -> Void = {
            for file in pendingFiles {
                let text = file.sink.take()
                if file.budget.exceeded {
                    io.stderr.write("\(shell): write error: No space left on device\n")
                    env.lastStatus = 1
                    continue
                }
                if text.isEmpty { continue }
                do {
                    try env.fileSystem.writeFile(file.path, bytes: Array(text.utf8), append: true)
                } catch let e as FileSystemError {
                    io.stderr.write("\(shell): write error: \(e.message)\n")
                    env.lastStatus = 1
                } catch {}
            }
        }
        return (result, finish)
    }
}
