extension Utilities {
    /// `test EXPR` / `[ EXPR ]`: file tests, string and integer comparisons, `!`, `-a`, `-o`.
    public static func test(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments
        if ctx.name == "[" {
            guard args.last == "]" else {
                ctx.writeError(ctx.dialect.isBusybox ? "sh: missing ]\n" : "bash: [: missing `]'\n")
                return 2
            }
            args.removeLast()
        }
        var evaluator = TestExpression(args: args, ctx: ctx)
        do {
            let result = try evaluator.evaluate()
            return result ? 0 : 1
        } catch TestExpression.Failure.message(let m) {
            let prefix = ctx.dialect.isBusybox ? "sh: \(ctx.name == "[" ? "[" : "test"): " : "bash: \(ctx.name): "
            ctx.writeError(prefix + m + "\n")
            return 2
        } catch {
            return 2
        }
    }
}

/// Recursive-descent evaluator for `test` expressions.
struct TestExpression {
    enum Failure: Error { case message(String) }
    let args: [String]
    let ctx: CommandContext
    var index = 0

    init(args: [String], ctx: CommandContext) {
        self.args = args
        self.ctx = ctx
    }

    mutating func evaluate() throws -> Bool {
        switch args.count {
        case 0: return false
        case 1: return !args[0].isEmpty
        case 2 where args[0] == "!": return args[1].isEmpty
        default: break
        }
        let v = try parseOr()
        if index < args.count { throw Failure.message("too many arguments") }
        return v
    }

    private mutating func parseOr() throws -> Bool {
        var v = try parseAnd()
        while index < args.count, args[index] == "-o" { index += 1; let r = try parseAnd(); v = v || r }
        return v
    }

    private mutating func parseAnd() throws -> Bool {
        var v = try parseNot()
        while index < args.count, args[index] == "-a" { index += 1; let r = try parseNot(); v = v && r }
        return v
    }

    private var depth = 0

    private mutating func parseNot() throws -> Bool {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { throw Failure.message("expression nested too deeply") }
        if index < args.count, args[index] == "!", index + 1 < args.count { index += 1; return !(try parseNot()) }
        return try parsePrimary()
    }

    private static let binary: Set<String> = ["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">", "-nt", "-ot"]

    private mutating func parsePrimary() throws -> Bool {
        guard index < args.count else { throw Failure.message("argument expected") }
        let a = args[index]
        if a == "(" {
            index += 1
            let v = try parseOr()
            guard index < args.count, args[index] == ")" else { throw Failure.message("`)' expected") }
            index += 1
            return v
        }
        if index + 2 < args.count, Self.binary.contains(args[index + 1]) {
            let l = a, op = args[index + 1], r = args[index + 2]
            index += 3
            return try compare(l, op, r)
        }
        if a.hasPrefix("-"), a.count == 2, index + 1 < args.count {
            let operand = args[index + 1]
            index += 2
            return try unary(a, operand)
        }
        index += 1
        return !a.isEmpty
    }

    private func integer(_ s: String) throws -> Int {
        guard let v = Int(s.trimmingCharacters(in: " \t")) else {
            throw Failure.message(ctx.dialect.isBusybox ? "invalid number '\(s)'" : "\(s): integer expression expected")
        }
        return v
    }

    private func compare(_ l: String, _ op: String, _ r: String) throws -> Bool {
        switch op {
        case "=", "==": return l == r
        case "!=": return l != r
        case "<": return l < r
        case ">": return l > r
        case "-eq": return try integer(l) == integer(r)
        case "-ne": return try integer(l) != integer(r)
        case "-lt": return try integer(l) < integer(r)
        case "-le": return try integer(l) <= integer(r)
        case "-gt": return try integer(l) > integer(r)
        case "-ge": return try integer(l) >= integer(r)
        case "-nt", "-ot":
            let fs = ctx.fileSystem
            guard let a = try? fs.stat(ctx.absolutePath(l)), let b = try? fs.stat(ctx.absolutePath(r)) else { return false }
            return op == "-nt" ? a.mtime > b.mtime : a.mtime < b.mtime
        default: return false
        }
    }

    private func unary(_ op: String, _ operand: String) throws -> Bool {
        let fs = ctx.fileSystem
        let path = ctx.absolutePath(operand)
        switch op {
        case "-z": return operand.isEmpty
        case "-n": return !operand.isEmpty
        case "-e", "-a": return fs.exists(path)
        case "-f": return fs.isFile(path)
        case "-d": return fs.isDirectory(path)
        case "-s": return ((try? fs.stat(path))?.size ?? 0) > 0 && fs.isFile(path)
        case "-r", "-w": return fs.exists(path)
        case "-x":
            guard let info = try? fs.stat(path) else { return false }
            return info.mode & 0o111 != 0 || ctx.environment.commands[VirtualFileSystem.basename(path)] != nil
        case "-L", "-h": return (try? fs.lstat(path))?.kind == .symlink
        case "-c": return (try? fs.stat(path))?.kind == .device
        case "-t": return operand == "1" ? ctx.stdoutIsTerminal : (operand == "0" ? ctx.stdinIsTerminal : false)
        default:
            throw Failure.message("\(op): unary operator expected")
        }
    }
}
