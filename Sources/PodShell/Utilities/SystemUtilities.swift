extension Utilities {
    /// `date [-u] [+FORMAT]` on the virtual clock; default `Mon Jun  2 09:00:05 UTC 2025`.
    public static func date(_ ctx: CommandContext) -> Int32 {
        var format: String? = nil
        for a in ctx.arguments {
            if a.hasPrefix("+") { format = String(a.dropFirst()) }
            else if a == "-u" || a == "-R" || a == "--utc" { if a == "-R" { format = "%a, %d %b %Y %H:%M:%S +0000" } }
            else if a.hasPrefix("-I") { format = "%Y-%m-%d" }
            else {
                ctx.writeError(ctx.isBusybox ? "date: invalid date '\(a)'\n" : "date: invalid date '\(a)'\n")
                return 1
            }
        }
        let now = ctx.environment.now()
        ctx.write(CivilTime.format(format ?? "%a %b %e %H:%M:%S %Z %Y", millis: now) + "\n")
        return 0
    }

    /// `sleep N[smhd]...` (decimals allowed, at most a week) on the virtual clock; Ctrl-C returns 130.
    public static func sleep(_ ctx: CommandContext) -> Int32 {
        guard !ctx.arguments.isEmpty else {
            ctx.writeError(ctx.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: sleep [N]...\n" : "sleep: missing operand\nTry 'sleep --help' for more information.\n")
            return 1
        }
        var total: Double = 0
        for a in ctx.arguments {
            var text = a
            var unit: Double = 1
            if let last = text.last, "smhd".contains(last) {
                unit = last == "s" ? 1 : (last == "m" ? 60 : (last == "h" ? 3600 : 86400))
                text.removeLast()
            }
            if text == "inf" || text == "infinity" { total = 1e12; continue }
            guard let v = Double(text), v >= 0 else {
                ctx.writeError(ctx.isBusybox ? "sleep: invalid number '\(a)'\n" : "sleep: invalid time interval '\(a)'\nTry 'sleep --help' for more information.\n")
                return 1
            }
            total += v * unit
        }
        // One sleep waits at most a week of cluster time, so `sleep infinity` cannot make the
        // simulation replay years of controller work.
        let ms = Int64(min(total, 7 * 86400) * 1000)
        return ctx.sleep(milliseconds: ms) ? 0 : 130
    }

    /// `env [-i] [NAME=VALUE]... [CMD [ARGS]]` and `printenv [NAME]`.
    public static func env(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments[...]
        var clear = false
        var extra: [(String, String)] = []
        while let a = args.first {
            if a == "-i" || a == "-" { clear = true; args = args.dropFirst(); continue }
            if a == "-u", args.count > 1 { args = args.dropFirst(2); continue }
            if let eq = a.firstIndex(of: "="), eq != a.startIndex {
                extra.append((String(a[..<eq]), String(a[a.index(after: eq)...])))
                args = args.dropFirst()
                continue
            }
            break
        }
        if args.isEmpty {
            var vars = clear ? [] : ctx.environmentVariables.map { ($0.name, $0.value) }
            for (n, v) in extra {
                if let i = vars.firstIndex(where: { $0.0 == n }) { vars[i].1 = v } else { vars.append((n, v)) }
            }
            ctx.write(vars.map { "\($0.0)=\($0.1)\n" }.joined())
            return 0
        }
        let child = ctx.environment.makeChild()
        if clear { for (n, _) in child.exportedVariables { child.unsetVariable(n) } }
        for (n, v) in extra { child.setVariable(n, v, export: true) }
        let argv = Array(args)
        guard child.commands[argv[0]] != nil || Builtins.table[argv[0]] != nil else {
            ctx.writeError(ctx.isBusybox ? "env: can't execute '\(argv[0])': No such file or directory\n" : "env: '\(argv[0])': No such file or directory\n")
            return 127
        }
        return ctx.interpreter.runCommand(argv, stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, environment: child)
    }

    public static func printenv(_ ctx: CommandContext) -> Int32 {
        if ctx.arguments.isEmpty {
            ctx.write(ctx.environmentVariables.map { "\($0.name)=\($0.value)\n" }.joined())
            return 0
        }
        var status: Int32 = 0
        let vars = Dictionary(ctx.environmentVariables.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        for name in ctx.arguments {
            if let v = vars[name] { ctx.write(v + "\n") } else { status = 1 }
        }
        return status
    }

    public static func id(_ ctx: CommandContext) -> Int32 {
        let u = ctx.environment.user
        if ctx.arguments.contains("-u") {
            ctx.write((ctx.arguments.contains("-n") ? u.name : String(u.uid)) + "\n")
            return 0
        }
        if ctx.arguments.contains("-g") {
            ctx.write((ctx.arguments.contains("-n") ? u.groupName : String(u.gid)) + "\n")
            return 0
        }
        ctx.write("uid=\(u.uid)(\(u.name)) gid=\(u.gid)(\(u.groupName)) groups=\(u.gid)(\(u.groupName))\n")
        return 0
    }

    public static func whoami(_ ctx: CommandContext) -> Int32 {
        ctx.write(ctx.environment.user.name + "\n")
        return 0
    }

    /// `uname [-a -s -n -r -m -o]` for a v1.32-era Linux node.
    public static func uname(_ ctx: CommandContext) -> Int32 {
        let kernel = "Linux", node = ctx.environment.hostname, release = "6.8.0-1015-generic", machine = "x86_64"
        let version = "#16-Ubuntu SMP PREEMPT_DYNAMIC Tue Jan 14 10:13:42 UTC 2025"
        var flags = Set<Character>()
        for a in ctx.arguments where a.hasPrefix("-") { flags.formUnion(a.dropFirst()) }
        if flags.isEmpty { flags = ["s"] }
        if flags.contains("a") {
            ctx.write("\(kernel) \(node) \(release) \(version) \(machine) \(ctx.isBusybox ? "GNU/Linux" : "GNU/Linux")\n")
            return 0
        }
        var parts: [String] = []
        if flags.contains("s") { parts.append(kernel) }
        if flags.contains("n") { parts.append(node) }
        if flags.contains("r") { parts.append(release) }
        if flags.contains("v") { parts.append(version) }
        if flags.contains("m") { parts.append(machine) }
        if flags.contains("o") { parts.append("GNU/Linux") }
        ctx.write(parts.joined(separator: " ") + "\n")
        return 0
    }

    /// `hostname` (the pod name inside a pod); `-i` prints the IP from `/etc/hosts` when known.
    public static func hostname(_ ctx: CommandContext) -> Int32 {
        let host = ctx.environment.hostname
        if ctx.arguments.contains("-i") || ctx.arguments.contains("-I") {
            if let hosts = try? ctx.fileSystem.readText("/etc/hosts") {
                for line in splitLines(hosts) {
                    let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                    if f.count > 1, f.dropFirst().contains(where: { $0 == host }), !f[0].hasPrefix("#") {
                        ctx.write(String(f[0]) + (ctx.arguments.contains("-I") ? " \n" : "\n"))
                        return 0
                    }
                }
            }
            return ctx.report("Name or service not known")
        }
        if let name = ctx.arguments.first(where: { !$0.hasPrefix("-") }) {
            ctx.writeError(ctx.isBusybox ? "hostname: sethostname: Operation not permitted\n" : "hostname: you must be root to change the host name\n")
            _ = name
            return 1
        }
        ctx.write(host + "\n")
        return 0
    }

    /// `which NAME...`: paths of commands in the table.
    public static func which(_ ctx: CommandContext) -> Int32 {
        var status: Int32 = 0
        for name in ctx.arguments where !name.hasPrefix("-") {
            if ctx.environment.commands[name] != nil {
                ctx.write(Builtins.commandPath(name, ctx.environment) + "\n")
            } else {
                status = 1
            }
        }
        return status
    }

    /// Clears the screen with the ANSI sequence `clear` sends on xterm.
    public static func clear(_ ctx: CommandContext) -> Int32 {
        if ctx.stdoutIsTerminal { ctx.write("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
        return 0
    }

    /// `expr` integer arithmetic, comparisons, `:` regex match, `length`, `substr`, `index`.
    public static func expr(_ ctx: CommandContext) -> Int32 {
        var parser = ExprParser(tokens: ctx.arguments, wraps: ctx.isBusybox)
        do {
            let value = try parser.parseOr()
            if parser.index < parser.tokens.count { throw ExprParser.Failure.syntax }
            ctx.write(value + "\n")
            return value == "" || value == "0" ? 1 : 0
        } catch ExprParser.Failure.divisionByZero {
            ctx.writeError("expr: division by zero\n")
            return 2
        } catch ExprParser.Failure.nonInteger {
            ctx.writeError("expr: non-integer argument\n")
            return 2
        } catch ExprParser.Failure.overflow {
            ctx.writeError("expr: integer overflow\n")
            return 2
        } catch ExprParser.Failure.regex(let message) {
            ctx.writeError("expr: \(message)\n")
            return 2
        } catch ExprParser.Failure.regexStepLimit(let message) {
            ctx.writeError("kubelab: expr: \(message)\n")
            return 2
        } catch {
            ctx.writeError(ctx.arguments.isEmpty ? "expr: missing operand\n" : "expr: syntax error\n")
            return 2
        }
    }

    /// `sudo [-E] [-u USER] CMD ARGS`: everyone is already allowed; runs CMD.
    public static func sudo(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments[...]
        while let a = args.first, a.hasPrefix("-") {
            args = args.dropFirst()
            if a == "-u" { args = args.dropFirst() }
        }
        guard let name = args.first else {
            ctx.writeError("usage: sudo -h | -K | -k | -V\nusage: sudo [-AbEHknPS] [-u user] command [arg ...]\n")
            return 1
        }
        guard ctx.environment.canExecute(name) else {
            ctx.writeError("sudo: \(name): command not found\n")
            return 1
        }
        return ctx.runCommand(Array(args))
    }

    public static func nproc(_ ctx: CommandContext) -> Int32 {
        ctx.write("2\n")
        return 0
    }
}

/// Recursive-descent evaluator for `expr` (strings in, strings out).
struct ExprParser {
    enum Failure: Error { case syntax, divisionByZero, nonInteger, overflow, regexStepLimit(String), regex(String) }
    let tokens: [String]
    /// busybox computes in C's `long long` and wraps around; GNU expr (exact with GMP) cannot be
    /// wrong, so past 64 bits it reports `integer overflow` rather than a wrapped answer.
    var wraps = false
    var index = 0

    /// `a op b` in 64 bits: wrapped like busybox, or `overflow` for GNU.
    private func arithmetic(_ result: (partialValue: Int, overflow: Bool)) throws -> String {
        if result.overflow && !wraps { throw Failure.overflow }
        return String(result.partialValue)
    }

    private mutating func next() -> String? { defer { index += 1 }; return index < tokens.count ? tokens[index] : nil }
    private var peek: String? { index < tokens.count ? tokens[index] : nil }

    mutating func parseOr() throws -> String {
        var l = try parseAnd()
        while peek == "|" { index += 1; let r = try parseAnd(); l = (l != "" && l != "0") ? l : (r != "" && r != "0" ? r : "0") }
        return l
    }

    mutating func parseAnd() throws -> String {
        var l = try parseCompare()
        while peek == "&" { index += 1; let r = try parseCompare(); l = (l != "" && l != "0" && r != "" && r != "0") ? l : "0" }
        return l
    }

    mutating func parseCompare() throws -> String {
        var l = try parseAdd()
        while let op = peek, ["=", "!=", "<", "<=", ">", ">=", "=="].contains(op) {
            index += 1
            let r = try parseAdd()
            let result: Bool
            if let a = Int(l), let b = Int(r) {
                switch op { case "=", "==": result = a == b; case "!=": result = a != b; case "<": result = a < b; case "<=": result = a <= b; case ">": result = a > b; default: result = a >= b }
            } else {
                switch op { case "=", "==": result = l == r; case "!=": result = l != r; case "<": result = l < r; case "<=": result = l <= r; case ">": result = l > r; default: result = l >= r }
            }
            l = result ? "1" : "0"
        }
        return l
    }

    mutating func parseAdd() throws -> String {
        var l = try parseMul()
        while let op = peek, op == "+" || op == "-" {
            index += 1
            let r = try parseMul()
            guard let a = Int(l), let b = Int(r) else { throw Failure.nonInteger }
            l = try arithmetic(op == "+" ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b))
        }
        return l
    }

    mutating func parseMul() throws -> String {
        var l = try parseMatch()
        while let op = peek, op == "*" || op == "/" || op == "%" {
            index += 1
            let r = try parseMatch()
            guard let a = Int(l), let b = Int(r) else { throw Failure.nonInteger }
            if op != "*" && b == 0 { throw Failure.divisionByZero }
            l = try arithmetic(op == "*" ? a.multipliedReportingOverflow(by: b)
                : (op == "/" ? a.dividedReportingOverflow(by: b) : (a.remainderReportingOverflow(dividingBy: b).partialValue, false)))
        }
        return l
    }

    mutating func parseMatch() throws -> String {
        var l = try parsePrimary()
        while peek == ":" {
            index += 1
            let pattern = try parsePrimary()
            // `expr` anchors its pattern at the start of the string, as GNU expr does.
            let regex: PosixRegex
            do { regex = try PosixRegex.parse("^" + pattern, flavor: .basic) } catch { throw Failure.regex(error.message) }
            let m: PosixRegex.Match?
            do { m = try regex.firstMatch(in: l) } catch { throw Failure.regexStepLimit(error.message) }
            guard let m else {
                l = regex.groupCount > 0 ? "" : "0"
                continue
            }
            if regex.groupCount > 0 { l = String(m.group(1, in: l) ?? "") } else { l = String(l.distance(from: m.range.lowerBound, to: m.range.upperBound)) }
        }
        return l
    }

    mutating func parsePrimary() throws -> String {
        guard let t = next() else { throw Failure.syntax }
        switch t {
        case "(":
            let v = try parseOr()
            guard next() == ")" else { throw Failure.syntax }
            return v
        case "length":
            guard let s = next() else { throw Failure.syntax }
            return String(s.count)
        case "substr":
            guard let s = next(), let p = next().flatMap({ Int($0) }), let n = next().flatMap({ Int($0) }) else { throw Failure.syntax }
            let chars = Array(s)
            guard p >= 1, n > 0, p <= chars.count else { return "" }
            return String(chars[(p - 1)..<(p - 1 + min(chars.count - (p - 1), n))])
        case "index":
            guard let s = next(), let set = next() else { throw Failure.syntax }
            for (i, c) in s.enumerated() where set.contains(c) { return String(i + 1) }
            return "0"
        case "match":
            guard let s = next(), let p = next() else { throw Failure.syntax }
            var sub = ExprParser(tokens: [s, ":", p], wraps: wraps)
            return try sub.parseOr()
        default:
            return t
        }
    }
}
