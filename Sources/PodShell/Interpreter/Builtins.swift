/// Commands the shell itself implements because they change the shell's own state (cwd,
/// variables, control flow) or are builtins in both bash and busybox ash (`echo`, `test`).
enum Builtins {
    typealias Builtin = (ShellInterpreter, [String], ShellEnvironment, ShellInterpreter.IO) -> ShellInterpreter.Flow

    nonisolated(unsafe) static let table: [String: Builtin] = [
        "cd": cd, "pwd": pwd, "export": export, "unset": unset, "set": set, "exit": exit, "return": returnBuiltin,
        "break": { i, a, e, io in loopControl(i, a, e, io, isBreak: true) },
        "continue": { i, a, e, io in loopControl(i, a, e, io, isBreak: false) },
        "read": read, "shift": shift, "eval": eval, "source": source, ".": source, "local": local,
        "type": type, "command": command, "kill": kill, "exec": execBuiltin, "let": letBuiltin, "history": history,
        "true": { _, _, e, _ in e.lastStatus = 0; return .normal },
        ":": { _, _, e, _ in e.lastStatus = 0; return .normal },
        "false": { _, _, e, _ in e.lastStatus = 1; return .normal },
        "alias": { _, _, e, _ in e.lastStatus = 0; return .normal },
        "unalias": { _, _, e, _ in e.lastStatus = 0; return .normal },
        "wait": { _, _, e, _ in e.lastStatus = 0; return .normal },
        "jobs": { _, _, e, _ in e.lastStatus = 0; return .normal },
        "trap": { _, _, e, _ in e.lastStatus = 0; return .normal },
        "umask": { _, a, e, io in if a.isEmpty { io.stdout.write("0022\n") }; e.lastStatus = 0; return .normal },
        "hash": { _, _, e, _ in e.lastStatus = 0; return .normal },
        "ulimit": { _, _, e, io in io.stdout.write("unlimited\n"); e.lastStatus = 0; return .normal },
        "echo": wrap("echo", Utilities.echo), "printf": wrap("printf", Utilities.printf),
        "test": wrap("test", Utilities.test), "[": wrap("[", Utilities.test),
    ]

    /// Runs a utility written against `CommandContext` as a builtin.
    static func wrap(_ name: String, _ utility: @escaping ShellCommand) -> Builtin {
        return { interpreter, args, env, io in
            let context = CommandContext(name: name, arguments: args, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr,
                                         environment: env, interpreter: interpreter)
            env.lastStatus = utility(context)
            return .normal
        }
    }

    private static func status(_ env: ShellEnvironment, _ code: Int32) -> ShellInterpreter.Flow {
        env.lastStatus = code
        return .normal
    }

    static func cd(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        let operands = args.filter { $0 != "-L" && $0 != "-P" }
        var target = operands.first ?? (env.variable("HOME") ?? "/")
        if target == "-" {
            target = env.variable("OLDPWD") ?? env.cwd
            io.stdout.write(target + "\n")
        }
        if operands.count > 1 && !env.dialect.isBusybox {
            io.stderr.write("bash: cd: too many arguments\n")
            return status(env, 1)
        }
        let path = env.absolutePath(target)
        let fs = env.fileSystem
        guard fs.exists(path) else { return cdError(env, io, target, .notFound) }
        guard fs.isDirectory(path) else { return cdError(env, io, target, .notADirectory) }
        env.setVariable("OLDPWD", env.cwd, export: true)
        env.cwd = path
        env.setVariable("PWD", path, export: true)
        return status(env, 0)
    }

    private static func cdError(_ env: ShellEnvironment, _ io: ShellInterpreter.IO, _ target: String, _ e: FileSystemError) -> ShellInterpreter.Flow {
        if env.dialect.isBusybox {
            io.stderr.write("sh: cd: can't cd to \(target): \(e.message)\n")
            return status(env, 2)
        }
        if env.dialect == .dash {
            io.stderr.write("sh: 1: cd: can't cd to \(target)\n")
            return status(env, 2)
        }
        io.stderr.write("bash: cd: \(target): \(e.message)\n")
        return status(env, 1)
    }

    static func pwd(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        io.stdout.write(env.cwd + "\n")
        return status(env, 0)
    }

    /// Quotes a value the way `set`/`export -p` print it.
    static func quoted(_ value: String, busybox: Bool) -> String {
        let safe = value.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "_-./:,=@%+".contains($0) }
        if busybox { return "'" + value.replacingAll("'", with: "'\"'\"'") + "'" }
        if safe && !value.isEmpty { return value }
        return "'" + value.replacingAll("'", with: "'\\''") + "'"
    }

    static func export(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        let operands = args.filter { !$0.hasPrefix("-") }
        if operands.isEmpty {
            for (name, value) in env.exportedVariables.sorted(by: { $0.name < $1.name }) {
                if env.dialect.isBusybox {
                    io.stdout.write("export \(name)=\(quoted(value, busybox: true))\n")
                } else {
                    let escaped = value.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("$", with: "\\$")
                    io.stdout.write("declare -x \(name)=\"\(escaped)\"\n")
                }
            }
            return status(env, 0)
        }
        var code: Int32 = 0
        for op in operands {
            let (name, value) = splitAssignment(op)
            guard isValidName(name) else {
                io.stderr.write(env.dialect.isBusybox ? "sh: export: bad variable name '\(op)'\n" : "bash: export: `\(op)': not a valid identifier\n")
                code = 1
                continue
            }
            if let value { env.setVariable(name, value, export: true) } else { env.export(name) }
        }
        return status(env, code)
    }

    static func splitAssignment(_ s: String) -> (String, String?) {
        guard let eq = s.firstIndex(of: "=") else { return (s, nil) }
        return (String(s[..<eq]), String(s[s.index(after: eq)...]))
    }

    static func isValidName(_ s: String) -> Bool {
        guard let f = s.first, f == "_" || f.isASCIILetter else { return false }
        return s.allSatisfy { $0 == "_" || $0.isASCIILetter || $0.isASCIIDigit }
    }

    static func unset(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        let functionsOnly = args.contains("-f")
        for name in args where !name.hasPrefix("-") {
            if functionsOnly { env.functions[name] = nil } else { env.unsetVariable(name) }
        }
        return status(env, 0)
    }

    static func set(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        if args.isEmpty {
            for (name, value) in env.allVariables {
                io.stdout.write("\(name)=\(quoted(value, busybox: env.dialect.isBusybox))\n")
            }
            return status(env, 0)
        }
        if let dd = args.firstIndex(of: "--") {
            env.positionalParameters = Array(args[(dd + 1)...])
        } else if let first = args.first, !first.hasPrefix("-") && !first.hasPrefix("+") {
            env.positionalParameters = args
        }
        // -e / +e (and -o errexit) switch exit-on-error, -x / +x (-o xtrace) tracing; the other options are
        // accepted and ignored.
        for (index, arg) in args.enumerated() where arg.hasPrefix("-") || arg.hasPrefix("+") {
            if arg == "--" { break }
            if arg.count > 1, arg.dropFirst().allSatisfy(\.isLetter) {
                if arg.contains("e") { env.exitsOnError = arg.hasPrefix("-") }
                if arg.contains("x") { env.tracesCommands = arg.hasPrefix("-") }
            }
            if arg == "-o" || arg == "+o", index + 1 < args.count {
                if args[index + 1] == "errexit" { env.exitsOnError = arg == "-o" }
                if args[index + 1] == "xtrace" { env.tracesCommands = arg == "-o" }
            }
        }
        return status(env, 0)
    }

    static func exit(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        guard let arg = args.first else { return .exit(env.lastStatus) }
        guard let n = Int(arg) else {
            io.stderr.write(env.dialect.isBusybox ? "sh: exit: Illegal number: \(arg)\n" : "bash: exit: \(arg): numeric argument required\n")
            return .exit(2)
        }
        return .exit(Int32(truncatingIfNeeded: n & 0xFF))
    }

    static func returnBuiltin(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        if let arg = args.first {
            guard let n = Int(arg) else {
                io.stderr.write("\(env.dialect.shellName): return: \(arg): numeric argument required\n")
                env.lastStatus = 2
                return .returnFromFunction
            }
            env.lastStatus = Int32(truncatingIfNeeded: n & 0xFF)
        }
        if i.functionDepth == 0 {
            if i.sourceDepth > 0 { return .returnFromFunction }
            if i.scriptDepth > 0 { return .exit(env.lastStatus) }
            io.stderr.write("\(env.dialect.shellName): return: can only `return' from a function or sourced script\n")
            return status(env, 1)
        }
        return .returnFromFunction
    }

    static func loopControl(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO, isBreak: Bool) -> ShellInterpreter.Flow {
        let n = args.first.flatMap { Int($0) } ?? 1
        if i.loopDepth == 0 {
            if !env.dialect.isBusybox {
                io.stderr.write("bash: \(isBreak ? "break" : "continue"): only meaningful in a `for', `while', or `until' loop\n")
            }
            return status(env, 0)
        }
        env.lastStatus = 0
        let levels = max(1, min(n, i.loopDepth))
        return isBreak ? .breakLoop(levels) : .continueLoop(levels)
    }

    static func read(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        var raw = false
        var names: [String] = []
        var index = 0
        while index < args.count {
            let a = args[index]
            switch a {
            case "-r": raw = true
            case "-s": break
            case "-p", "-t", "-n", "-d", "-u":
                if a == "-p", index + 1 < args.count { io.stderr.write(args[index + 1]) }
                index += 1
            default: names.append(a)
            }
            index += 1
        }
        guard var line = io.stdin.readLine() else {
            for name in names { env.setVariable(name, "") }
            return status(env, 1)
        }
        if !raw {
            var out = ""
            var escaped = false
            for c in line {
                if c == "\\" && !escaped { escaped = true; continue }
                out.append(c)
                escaped = false
            }
            line = out
        }
        if names.isEmpty { env.setVariable("REPLY", line); return status(env, 0) }
        let ifs = env.variable("IFS") ?? " \t\n"
        var rest = Substring(line)
        func trimLeading() { while let f = rest.first, ifs.contains(f), f.isWhitespace { rest = rest.dropFirst() } }
        trimLeading()
        for (k, name) in names.enumerated() {
            if k == names.count - 1 {
                var v = rest
                while let l = v.last, ifs.contains(l), l.isWhitespace { v = v.dropLast() }
                env.setVariable(name, String(v))
            } else {
                let end = rest.firstIndex(where: { ifs.contains($0) }) ?? rest.endIndex
                env.setVariable(name, String(rest[..<end]))
                rest = rest[end...]
                if let f = rest.first, ifs.contains(f) { rest = rest.dropFirst() }
                trimLeading()
            }
        }
        return status(env, 0)
    }

    static func shift(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        let n = args.first.flatMap { Int($0) } ?? 1
        guard n >= 0, n <= env.positionalParameters.count else { return status(env, 1) }
        env.positionalParameters.removeFirst(n)
        return status(env, 0)
    }

    static func eval(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        runInCurrentShell(i, args.joined(separator: " "), env, io)
    }

    private static func runInCurrentShell(_ i: ShellInterpreter, _ source: String, _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        guard i.depth < env.limits.maxCallDepth else {
            io.stderr.write("\(env.dialect.shellName): maximum nesting depth exceeded\n")
            return status(env, 1)
        }
        do {
            let list = try ShellParser.parse(source, lenientHereDocuments: true, dialect: env.dialect)
            env.lastStatus = 0
            i.depth += 1
            defer { i.depth -= 1 }
            return i.execList(list, env, io)
        } catch let e as ShellSyntaxError {
            io.stderr.write(e.message(dialect: env.dialect) + "\n")
            return status(env, 2)
        } catch {
            return status(env, 2)
        }
    }

    static func source(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        guard let file = args.first else {
            io.stderr.write(env.dialect.isBusybox ? "sh: .: filename argument required\n" : "bash: source: filename argument required\n")
            return status(env, 2)
        }
        guard let text = try? env.fileSystem.readText(env.absolutePath(file), limit: 1 << 20) else {
            io.stderr.write(env.dialect.isBusybox ? "sh: .: can't open '\(file)': No such file or directory\n" : "bash: \(file): No such file or directory\n")
            return status(env, env.dialect.isBusybox ? 2 : 1)
        }
        let saved = env.positionalParameters
        if args.count > 1 { env.positionalParameters = Array(args.dropFirst()) }
        i.sourceDepth += 1
        let flow = runInCurrentShell(i, text, env, io)
        i.sourceDepth -= 1
        if args.count > 1 { env.positionalParameters = saved }
        return flow == .returnFromFunction ? .normal : flow
    }

    static func local(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        guard !i.localFrames.isEmpty else {
            io.stderr.write("\(env.dialect.shellName): local: can only be used in a function\n")
            return status(env, 1)
        }
        for a in args where !a.hasPrefix("-") {
            let (name, value) = splitAssignment(a)
            if i.localFrames[i.localFrames.count - 1][name] == nil {
                i.localFrames[i.localFrames.count - 1][name] = .some(env.variable(name))
            }
            if let value { env.setVariable(name, value) } else if env.variable(name) == nil { env.setVariable(name, "") }
        }
        return status(env, 0)
    }

    static func commandPath(_ name: String, _ env: ShellEnvironment) -> String {
        if let p = env.commandPaths[name] { return p }
        return env.dialect.isBusybox ? "/bin/\(name)" : "/usr/bin/\(name)"
    }

    static func type(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        var code: Int32 = 0
        for name in args where !name.hasPrefix("-") {
            if env.functions[name] != nil {
                io.stdout.write("\(name) is a function\n")
            } else if table[name] != nil {
                io.stdout.write("\(name) is a shell builtin\n")
            } else if env.commands[name] != nil {
                io.stdout.write("\(name) is \(commandPath(name, env))\n")
            } else {
                io.stderr.write(env.dialect.isBusybox ? "\(name): not found\n" : "bash: type: \(name): not found\n")
                code = 1
            }
        }
        return status(env, code)
    }

    static func command(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        if args.first == "-v" || args.first == "-V" {
            var code: Int32 = 0
            for name in args.dropFirst() {
                if env.functions[name] != nil || table[name] != nil { io.stdout.write(name + "\n") }
                else if env.commands[name] != nil { io.stdout.write(commandPath(name, env) + "\n") }
                else { code = 1 }
            }
            return status(env, code)
        }
        let argv = args.first == "-p" ? Array(args.dropFirst()) : args
        guard !argv.isEmpty else { return status(env, 0) }
        if let builtin = table[argv[0]] { return builtin(i, Array(argv.dropFirst()), env, io) }
        env.lastStatus = i.runCommand(argv, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, environment: env)
        return .normal
    }

    static func execBuiltin(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        guard !args.isEmpty else { return status(env, 0) }
        let flow = i.invoke(args, env, io, line: 1)
        if case .exit = flow { return flow }
        return .exit(env.lastStatus)
    }

    static func letBuiltin(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        var last = 0
        for expr in args {
            do {
                last = try ArithmeticEvaluator.evaluate(expr, lookup: { env.variable($0) }, assign: { env.setVariable($0, $1) })
            } catch ArithmeticEvaluator.Failure.message(let m) {
                io.stderr.write("\(env.dialect.shellName): let: \(expr): \(m)\n")
                return status(env, 1)
            } catch { return status(env, 1) }
        }
        return status(env, last == 0 ? 1 : 0)
    }

    static func history(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        for (n, line) in env.history.enumerated() {
            let num = String(n + 1)
            io.stdout.write(String(repeating: " ", count: max(0, 5 - num.count)) + num + "  " + line + "\n")
        }
        return status(env, 0)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        let t = Array(target)
        guard let first = t.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first {
                var j = i
                var k = 0
                while k < t.count, j < endIndex, self[j] == t[k] { j = index(after: j); k += 1 }
                if k == t.count { return i..<j }
            }
            i = index(after: i)
        }
        return nil
    }
}
