import KubeAPI
#if canImport(Glibc)
import Glibc
#endif

extension Utilities {
    /// `awk [-F SEP] [-v NAME=VALUE] 'PROGRAM' [FILE...]`: a subset with patterns (`/re/`, expressions,
    /// `BEGIN`, `END`), `print`, `printf`, variables, fields, arrays, `if`/`while`/`for`, `next`, and
    /// the common built-ins (length, substr, index, split, tolower, toupper, sub, gsub, int, sprintf, and the
    /// C library's sqrt, exp, log, sin, cos, atan2).
    public static func awk(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments[...]
        var fieldSeparator: String? = nil
        var assignments: [(String, String)] = []
        while let a = args.first, a.hasPrefix("-"), a.count > 1 {
            args = args.dropFirst()
            if a == "--" { break }
            if a == "-F" { fieldSeparator = args.popFirst() } else if a.hasPrefix("-F") { fieldSeparator = String(a.dropFirst(2)) }
            else if a == "-v", let v = args.popFirst(), let eq = v.firstIndex(of: "=") {
                assignments.append((String(v[..<eq]), String(v[v.index(after: eq)...])))
            } else {
                ctx.writeError("awk: unknown option \(a)\n")
                return 2
            }
        }
        guard let source = args.popFirst() else {
            ctx.writeError(ctx.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n" : "usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n")
            return 2
        }
        let program: AwkProgram
        do { var parser = try AwkParser(source); program = try parser.parseProgram() } catch AwkParser.Failure.syntax(let m) {
            ctx.writeError(ctx.isBusybox ? "awk: cmd. line:1: \(m)\n" : "awk: line 1: syntax error at or near \(m)\n")
            return 2
        } catch { return 2 }
        let machine = AwkMachine(program: program, ctx: ctx)
        if let fs = fieldSeparator { machine.variables["FS"] = .string(fs == "t" ? "\t" : fs) }
        for (n, v) in assignments { machine.variables[n] = .strnum(v) }
        return machine.run(files: Array(args))
    }
}

/// Awk values keep whether they came from input (numeric strings compare as numbers).
enum AwkValue {
    case number(Double)
    case string(String)
    case strnum(String)

    var number: Double {
        switch self {
        case .number(let d): return d
        case .string(let s), .strnum(let s): return AwkValue.leadingNumber(s)
        }
    }

    var text: String {
        switch self {
        case .number(let d): return AwkValue.format(d)
        case .string(let s), .strnum(let s): return s
        }
    }

    var truthy: Bool {
        switch self {
        case .number(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .strnum(let s): return Double(s.trimmingCharacters(in: " \t")).map { $0 != 0 } ?? !s.isEmpty
        }
    }

    var looksNumeric: Bool {
        switch self {
        case .number: return true
        case .string: return false
        case .strnum(let s): return Double(s.trimmingCharacters(in: " \t")) != nil
        }
    }

    static func leadingNumber(_ s: String) -> Double {
        let t = s.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
        var text = ""
        for c in t {
            if c.isASCIIDigit || c == "." || ((c == "-" || c == "+") && text.isEmpty) || ((c == "e" || c == "E") && !text.isEmpty) { text.append(c) } else { break }
        }
        while !text.isEmpty, Double(text) == nil { text.removeLast() }
        return Double(text) ?? 0
    }

    /// A number as awk turns it into text: integral values as integers, the rest through `%.6g`
    /// (the default CONVFMT and OFMT; a program's own go through `format(_:using:)`).
    static func format(_ d: Double) -> String {
        if d.isNaN { return d.sign == .minus ? "-nan" : "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == d.rounded(), abs(d) < 1e16 { return String(Int(d)) }
        return CFloatFormat.shortest(d)
    }

    /// A number through a program's OFMT (print) or CONVFMT (concatenation): integral values as
    /// integers, the rest through the format; one C's printf cannot take falls back to `%.6g`.
    static func format(_ d: Double, using format: String?) -> String {
        guard let format, format != "%.6g", d.isFinite, d != d.rounded() || abs(d) >= 1e16 else { return Self.format(d) }
        return CFloatFormat.string(format, d) ?? Self.format(d)
    }
}

indirect enum AwkExpr {
    case number(Double)
    case string(String)
    case regex(PosixRegex)
    case field(AwkExpr)
    case variable(String)
    case element(String, AwkExpr)
    case assign(AwkExpr, String, AwkExpr)
    case binary(String, AwkExpr, AwkExpr)
    case not(AwkExpr)
    case negate(AwkExpr)
    case match(AwkExpr, AwkExpr, negated: Bool)
    case concat(AwkExpr, AwkExpr)
    case call(String, [AwkExpr])
    case increment(AwkExpr, prefix: Bool, delta: Double)
    case ternary(AwkExpr, AwkExpr, AwkExpr)
    case contains(AwkExpr, String)
}

indirect enum AwkStatement {
    case print([AwkExpr], redirect: AwkExpr?, append: Bool)
    case printf([AwkExpr])
    case expression(AwkExpr)
    case ifElse(AwkExpr, AwkStatement, AwkStatement?)
    case whileLoop(AwkExpr, AwkStatement)
    case forLoop(AwkStatement?, AwkExpr?, AwkStatement?, AwkStatement)
    case forIn(String, String, AwkStatement)
    case block([AwkStatement])
    case next, exit(AwkExpr?), breakLoop, continueLoop
    case delete(String, AwkExpr?)
}

struct AwkRule {
    enum Pattern { case begin, end, always, expression(AwkExpr), range(AwkExpr, AwkExpr) }
    var pattern: Pattern
    var action: [AwkStatement]?
}

struct AwkProgram { var rules: [AwkRule] }

/// Tokenizer and recursive-descent parser for the awk subset.
struct AwkParser {
    enum Failure: Error { case syntax(String) }
    enum Token: Equatable { case number(Double), string(String), regex(String), name(String), punct(String), newline, eof }

    private var tokens: [Token] = []
    private var index = 0
    /// Expression and statement nesting; bounded so deep input cannot exhaust the stack.
    private var depth = 0

    init(_ source: String) throws { tokens = try Self.tokenize(source) }

    private static func tokenize(_ source: String) throws -> [Token] {
        let c = Array(source)
        var out: [Token] = []
        var i = 0
        func regexAllowed() -> Bool {
            guard let last = out.last else { return true }
            switch last {
            case .number, .string, .regex, .name: return false
            case .punct(let p): return ![")", "]", "$"].contains(p) && p != "++" && p != "--"
            default: return true
            }
        }
        let puncts = ["&&", "||", "==", "!=", "<=", ">=", "!~", "++", "--", "+=", "-=", "*=", "/=", "%=", "^=", ">>",
                      "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", "<", ">", "~", "?", ":", "=", "$"]
        while i < c.count {
            let ch = c[i]
            if ch == " " || ch == "\t" || ch == "\r" { i += 1; continue }
            if ch == "\\", i + 1 < c.count, c[i + 1] == "\n" { i += 2; continue }
            if ch == "#" { while i < c.count, c[i] != "\n" { i += 1 }; continue }
            if ch == "\n" { out.append(.newline); i += 1; continue }
            if ch.isASCIIDigit || (ch == "." && i + 1 < c.count && c[i + 1].isASCIIDigit) {
                // digits [. digits] [e [+-] digits]: an exponent only when digits follow (`1e-7`, not `1e` + e).
                var j = i
                while j < c.count, c[j].isASCIIDigit { j += 1 }
                if j < c.count, c[j] == "." { j += 1; while j < c.count, c[j].isASCIIDigit { j += 1 } }
                if j < c.count, c[j] == "e" || c[j] == "E" {
                    var k = j + 1
                    if k < c.count, c[k] == "+" || c[k] == "-" { k += 1 }
                    if k < c.count, c[k].isASCIIDigit {
                        while k < c.count, c[k].isASCIIDigit { k += 1 }
                        j = k
                    }
                }
                out.append(.number(Double(String(c[i..<j])) ?? 0)); i = j; continue
            }
            if ch.isASCIILetter || ch == "_" {
                var j = i
                while j < c.count, c[j].isASCIILetter || c[j].isASCIIDigit || c[j] == "_" { j += 1 }
                out.append(.name(String(c[i..<j]))); i = j; continue
            }
            if ch == "\"" {
                var s = ""
                var j = i + 1
                while j < c.count, c[j] != "\"" {
                    if c[j] == "\\", j + 1 < c.count {
                        let n = c[j + 1]
                        switch n { case "n": s += "\n"; case "t": s += "\t"; case "\"": s += "\""; case "\\": s += "\\"; case "/": s += "/"; default: s += "\\" + String(n) }
                        j += 2
                        continue
                    }
                    s.append(c[j]); j += 1
                }
                guard j < c.count else { throw Failure.syntax("unterminated string") }
                out.append(.string(s)); i = j + 1; continue
            }
            if ch == "/" && regexAllowed() {
                var s = ""
                var j = i + 1
                while j < c.count, c[j] != "/" {
                    if c[j] == "\\", j + 1 < c.count { s.append(c[j]); s.append(c[j + 1]); j += 2; continue }
                    s.append(c[j]); j += 1
                }
                guard j < c.count else { throw Failure.syntax("unterminated regexp") }
                out.append(.regex(s)); i = j + 1; continue
            }
            var matched = false
            for p in puncts where i + p.count <= c.count && String(c[i..<(i + p.count)]) == p {
                out.append(.punct(p)); i += p.count; matched = true; break
            }
            if !matched { throw Failure.syntax(String(ch)) }
        }
        out.append(.eof)
        return out
    }

    private var peek: Token { tokens[min(index, tokens.count - 1)] }
    private mutating func advance() -> Token { let t = peek; index += 1; return t }
    private mutating func expect(_ p: String) throws {
        guard peek == .punct(p) else { throw Failure.syntax(describe(peek)) }
        index += 1
    }
    private func describe(_ t: Token) -> String {
        switch t {
        case .number(let d): return AwkValue.format(d)
        case .string(let s): return "\"\(s)\""
        case .regex(let r): return "/\(r)/"
        case .name(let n): return n
        case .punct(let p): return p
        case .newline: return "newline"
        case .eof: return "end of file"
        }
    }
    private mutating func skipTerminators() { while peek == .newline || peek == .punct(";") { index += 1 } }
    private mutating func skipNewlines() { while peek == .newline { index += 1 } }

    mutating func parseProgram() throws -> AwkProgram {
        var rules: [AwkRule] = []
        skipTerminators()
        while peek != .eof {
            var pattern: AwkRule.Pattern = .always
            if peek == .name("BEGIN") { index += 1; pattern = .begin }
            else if peek == .name("END") { index += 1; pattern = .end }
            else if peek != .punct("{") {
                let first = try parseExpression()
                if peek == .punct(",") { index += 1; pattern = .range(first, try parseExpression()) } else { pattern = .expression(first) }
            }
            var action: [AwkStatement]? = nil
            if peek == .punct("{") { action = try parseBlock() }
            else if case .begin = pattern { throw Failure.syntax(describe(peek)) }
            rules.append(AwkRule(pattern: pattern, action: action))
            skipTerminators()
        }
        return AwkProgram(rules: rules)
    }

    private mutating func parseBlock() throws -> [AwkStatement] {
        try expect("{")
        var statements: [AwkStatement] = []
        skipTerminators()
        while peek != .punct("}") {
            if peek == .eof { throw Failure.syntax("end of file") }
            statements.append(try parseStatement())
            skipTerminators()
        }
        index += 1
        return statements
    }

    private mutating func parseSimpleOrBlock() throws -> AwkStatement {
        skipNewlines()
        if peek == .punct("{") { return .block(try parseBlock()) }
        let s = try parseStatement()
        if peek == .punct(";") { index += 1 }
        return s
    }

    private mutating func parseStatement() throws -> AwkStatement {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw Failure.syntax("nesting") }
        switch peek {
        case .punct("{"): return .block(try parseBlock())
        case .name("print"):
            index += 1
            var items: [AwkExpr] = []
            if !isStatementEnd() && peek != .punct(">") && peek != .punct(">>") {
                if peek == .punct("(") , let grouped = try? lookaheadGroupedList() { items = grouped } else {
                    items.append(try parseExpression(noGreater: true))
                    while peek == .punct(",") { index += 1; items.append(try parseExpression(noGreater: true)) }
                }
            }
            if peek == .punct(">") || peek == .punct(">>") {
                let append = advance() == .punct(">>")
                return .print(items, redirect: try parsePrimary(), append: append)
            }
            return .print(items, redirect: nil, append: false)
        case .name("printf"):
            index += 1
            var items: [AwkExpr] = []
            let parenthesized = peek == .punct("(")
            if parenthesized { index += 1 }
            items.append(try parseExpression())
            while peek == .punct(",") { index += 1; items.append(try parseExpression()) }
            if parenthesized { try expect(")") }
            return .printf(items)
        case .name("if"):
            index += 1
            try expect("(")
            let cond = try parseExpression()
            try expect(")")
            let then = try parseSimpleOrBlock()
            skipTerminators()
            if peek == .name("else") { index += 1; return .ifElse(cond, then, try parseSimpleOrBlock()) }
            return .ifElse(cond, then, nil)
        case .name("while"):
            index += 1
            try expect("(")
            let cond = try parseExpression()
            try expect(")")
            return .whileLoop(cond, try parseSimpleOrBlock())
        case .name("for"):
            index += 1
            try expect("(")
            if case .name(let v) = peek, tokens.count > index + 2, tokens[index + 1] == .name("in"), case .name(let arr) = tokens[index + 2], tokens[index + 3] == .punct(")") {
                index += 4
                return .forIn(v, arr, try parseSimpleOrBlock())
            }
            let initial = peek == .punct(";") ? nil : AwkStatement.expression(try parseExpression())
            try expect(";")
            let cond = peek == .punct(";") ? nil : try parseExpression()
            try expect(";")
            let step = peek == .punct(")") ? nil : AwkStatement.expression(try parseExpression())
            try expect(")")
            return .forLoop(initial, cond, step, try parseSimpleOrBlock())
        case .name("next"): index += 1; return .next
        case .name("break"): index += 1; return .breakLoop
        case .name("continue"): index += 1; return .continueLoop
        case .name("exit"):
            index += 1
            return .exit(isStatementEnd() ? nil : try parseExpression())
        case .name("delete"):
            index += 1
            guard case .name(let arr) = advance() else { throw Failure.syntax("delete") }
            if peek == .punct("[") { index += 1; let k = try parseExpression(); try expect("]"); return .delete(arr, k) }
            return .delete(arr, nil)
        default:
            return .expression(try parseExpression())
        }
    }

    private mutating func lookaheadGroupedList() throws -> [AwkExpr] {
        let save = index
        index += 1
        var items = [try parseExpression()]
        while peek == .punct(",") { index += 1; items.append(try parseExpression()) }
        guard peek == .punct(")") else { index = save; throw Failure.syntax("(") }
        index += 1
        if !isStatementEnd() && peek != .punct(">") && peek != .punct(">>") { index = save; throw Failure.syntax("(") }
        return items
    }

    private func isStatementEnd() -> Bool {
        peek == .punct(";") || peek == .newline || peek == .punct("}") || peek == .eof
    }

    mutating func parseExpression(noGreater: Bool = false) throws -> AwkExpr {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw Failure.syntax("nesting") }
        return try parseTernary(noGreater)
    }

    private mutating func parseTernary(_ ng: Bool) throws -> AwkExpr {
        let cond = try parseAssignment(ng)
        if peek == .punct("?") {
            index += 1
            let a = try parseTernary(ng)
            try expect(":")
            return .ternary(cond, a, try parseTernary(ng))
        }
        return cond
    }

    private mutating func parseAssignment(_ ng: Bool) throws -> AwkExpr {
        let lhs = try parseOr(ng)
        if case .punct(let p) = peek, ["=", "+=", "-=", "*=", "/=", "%=", "^="].contains(p) {
            switch lhs {
            case .variable, .field, .element:
                index += 1
                return .assign(lhs, p, try parseAssignment(ng))
            default: break
            }
        }
        return lhs
    }

    private mutating func parseOr(_ ng: Bool) throws -> AwkExpr {
        var l = try parseAnd(ng)
        while peek == .punct("||") { index += 1; skipNewlines(); l = .binary("||", l, try parseAnd(ng)) }
        return l
    }

    private mutating func parseAnd(_ ng: Bool) throws -> AwkExpr {
        var l = try parseIn(ng)
        while peek == .punct("&&") { index += 1; skipNewlines(); l = .binary("&&", l, try parseIn(ng)) }
        return l
    }

    private mutating func parseIn(_ ng: Bool) throws -> AwkExpr {
        var l = try parseMatch(ng)
        while peek == .name("in"), case .name(let arr) = tokens[min(index + 1, tokens.count - 1)] { index += 2; l = .contains(l, arr) }
        return l
    }

    private mutating func parseMatch(_ ng: Bool) throws -> AwkExpr {
        var l = try parseComparison(ng)
        while peek == .punct("~") || peek == .punct("!~") {
            let negated = advance() == .punct("!~")
            l = .match(l, try parseComparison(ng), negated: negated)
        }
        return l
    }

    private mutating func parseComparison(_ ng: Bool) throws -> AwkExpr {
        let l = try parseConcat(ng)
        if case .punct(let p) = peek, ["<", "<=", "==", "!=", ">=", ">"].contains(p), !(ng && p == ">") {
            index += 1
            return .binary(p, l, try parseConcat(ng))
        }
        return l
    }

    private mutating func parseConcat(_ ng: Bool) throws -> AwkExpr {
        var l = try parseAdditive()
        while startsOperand() {
            l = .concat(l, try parseAdditive())
        }
        return l
    }

    private func startsOperand() -> Bool {
        switch peek {
        case .number, .string, .regex: return true
        case .name(let n): return !["in", "getline"].contains(n)
        case .punct(let p): return ["$", "(", "!", "-", "+", "++", "--"].contains(p) && p != "-" && p != "+"
        default: return false
        }
    }

    private mutating func parseAdditive() throws -> AwkExpr {
        var l = try parseMultiplicative()
        while peek == .punct("+") || peek == .punct("-") {
            guard case .punct(let p) = advance() else { break }
            l = .binary(p, l, try parseMultiplicative())
        }
        return l
    }

    private mutating func parseMultiplicative() throws -> AwkExpr {
        var l = try parseUnary()
        while peek == .punct("*") || peek == .punct("/") || peek == .punct("%") {
            guard case .punct(let p) = advance() else { break }
            l = .binary(p, l, try parseUnary())
        }
        return l
    }

    private mutating func parseUnary() throws -> AwkExpr {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { throw Failure.syntax("nesting") }
        if peek == .punct("!") { index += 1; return .not(try parseUnary()) }
        if peek == .punct("-") { index += 1; return .negate(try parseUnary()) }
        if peek == .punct("+") { index += 1; return .binary("+", .number(0), try parseUnary()) }
        return try parsePower()
    }

    private mutating func parsePower() throws -> AwkExpr {
        let base = try parsePostfix()
        if peek == .punct("^") { index += 1; return .binary("^", base, try parseUnary()) }
        return base
    }

    private mutating func parsePostfix() throws -> AwkExpr {
        if peek == .punct("++") || peek == .punct("--") {
            let delta: Double = advance() == .punct("++") ? 1 : -1
            return .increment(try parsePrimary(), prefix: true, delta: delta)
        }
        let e = try parsePrimary()
        switch e {
        case .variable, .field, .element:
            if peek == .punct("++") || peek == .punct("--") {
                let delta: Double = advance() == .punct("++") ? 1 : -1
                return .increment(e, prefix: false, delta: delta)
            }
        default: break
        }
        return e
    }

    private static let builtins: Set<String> = ["length", "substr", "index", "split", "tolower", "toupper", "sub", "gsub", "int", "sprintf", "match", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system"]

    private mutating func parsePrimary() throws -> AwkExpr {
        let t = advance()
        switch t {
        case .number(let d): return .number(d)
        case .string(let s): return .string(s)
        case .regex(let r):
            guard let regex = PosixRegex.compile(r, flavor: .extended) else { throw Failure.syntax("/\(r)/") }
            return .regex(regex)
        case .punct("$"): return .field(try parsePrimaryForField())
        case .punct("("):
            let e = try parseExpression()
            try expect(")")
            return e
        case .name(let n):
            if Self.builtins.contains(n) {
                var args: [AwkExpr] = []
                if peek == .punct("(") {
                    index += 1
                    if peek != .punct(")") {
                        args.append(try parseExpression())
                        while peek == .punct(",") { index += 1; args.append(try parseExpression()) }
                    }
                    try expect(")")
                }
                return .call(n, args)
            }
            if peek == .punct("[") {
                index += 1
                var key = try parseExpression()
                while peek == .punct(",") { index += 1; key = .concat(.concat(key, .string("\u{1C}")), try parseExpression()) }
                try expect("]")
                return .element(n, key)
            }
            return .variable(n)
        default:
            throw Failure.syntax(describe(t))
        }
    }

    private mutating func parsePrimaryForField() throws -> AwkExpr {
        if peek == .punct("++") || peek == .punct("--") { return try parsePostfix() }
        if peek == .punct("-") { index += 1; return .negate(try parsePrimary()) }
        return try parsePrimary()
    }
}

/// Runs an `AwkProgram` over input records.
final class AwkMachine {
    let program: AwkProgram
    let ctx: CommandContext
    var variables: [String: AwkValue] = ["FS": .string(" "), "OFS": .string(" "), "ORS": .string("\n"), "NR": .number(0), "NF": .number(0), "SUBSEP": .string("\u{1C}"), "RS": .string("\n")]
    var arrays: [String: [String: AwkValue]] = [:]
    var fields: [String] = [""]
    var out = ""
    var steps = 0
    var exitCode: Int32? = nil
    var rangeActive: [Int: Bool] = [:]
    var files: [String: String] = [:]
    enum Control: Error { case next, exit, breakLoop, continueLoop, limit(String) }
    /// Steps one awk program may take (statements run), so `while(1)` ends.
    static let maxSteps = 5_000_000
    /// Fields one record may have (`NF=1e19`, `$100000000="x"`).
    static let maxFields = 100_000
    /// A string may be as long as a command line's output (doubling `s = s s` ends here).
    static func stringLimit(_ ctx: CommandContext) -> String {
        "string size limit (\(ShellLimits.describe(bytes: ctx.environment.limits.maxOutputBytes)) per string)"
    }

    init(program: AwkProgram, ctx: CommandContext) {
        self.program = program
        self.ctx = ctx
    }

    func run(files operands: [String]) -> Int32 {
        do {
            for rule in program.rules { if case .begin = rule.pattern { try execute(rule.action ?? []) } }
            let hasMain = program.rules.contains { if case .begin = $0.pattern { return false }; return true }
            if hasMain && exitCode == nil {
                var inputs: [String] = []
                var failed = false
                if operands.isEmpty { inputs = [ctx.readStdin()] }
                for op in operands {
                    if let eq = op.firstIndex(of: "="), op[..<eq].allSatisfy({ $0.isASCIILetter || $0 == "_" }) {
                        variables[String(op[..<eq])] = .strnum(String(op[op.index(after: eq)...]))
                        continue
                    }
                    if let t = op == "-" ? ctx.readStdin() : ctx.readOperandQuiet(op, verb: "awk") { inputs.append(t) } else { failed = true }
                }
                if failed && inputs.isEmpty { flush(); return 2 }
                recordLoop: for text in inputs {
                    for line in splitLines(text) {
                        variables["NR"] = .number(variables["NR", default: .number(0)].number + 1)
                        try setRecord(String(line))
                        do {
                            for (i, rule) in program.rules.enumerated() {
                                if try selects(rule, index: i) {
                                    if let action = rule.action { try execute(action) } else { print([.field(.number(0))]) }
                                }
                            }
                        } catch Control.next { continue }
                        if exitCode != nil { break recordLoop }
                        if out.utf8.count > 1 << 16 { if !flush() { return 2 } }
                    }
                }
            }
        } catch Control.exit {
        } catch Control.limit(let message) {
            flush()
            ctx.writeError("kubelab: awk: stopped at the \(message)\n")
            return 2
        } catch {
        }
        do {
            for rule in program.rules { if case .end = rule.pattern { try execute(rule.action ?? []) } }
        } catch {}
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            try? ctx.fileSystem.writeFile(ctx.absolutePath(path), text: text)
        }
        flush()
        return exitCode ?? 0
    }

    @discardableResult private func flush() -> Bool {
        let ok = ctx.write(out)
        out = ""
        return ok
    }

    private func selects(_ rule: AwkRule, index: Int) throws -> Bool {
        switch rule.pattern {
        case .begin, .end: return false
        case .always: return true
        case .expression(let e): return try truth(e)
        case .range(let a, let b):
            if rangeActive[index] == true {
                if try truth(b) { rangeActive[index] = false }
                return true
            }
            if try truth(a) {
                rangeActive[index] = !(try truth(b))
                return true
            }
            return false
        }
    }

    private func truth(_ e: AwkExpr) throws -> Bool {
        if case .regex(let r) = e { return try Self.test(r, fields[0]) }
        return try eval(e).truthy
    }

    /// A regex test inside awk; a back-reference pattern out of steps stops the program as the
    /// other awk budgets do.
    static func test(_ r: PosixRegex, _ s: String) throws -> Bool {
        do { return try r.matches(s) } catch { throw Control.limit(error.message) }
    }

    /// A regex built from a string at run time: an invalid one matches nothing, as before, but
    /// one too big to compile stops the program rather than quietly never matching.
    static func dynamicRegex(_ text: String) throws -> PosixRegex? {
        do { return try PosixRegex.parse(text, flavor: .extended) } catch .tooBig {
            throw Control.limit("regex size limit (\(RegexProgram.maxInstructions) instructions per pattern)")
        } catch { return nil }
    }

    static func first(_ r: PosixRegex, _ s: String) throws -> PosixRegex.Match? {
        do { return try r.firstMatch(in: s) } catch { throw Control.limit(error.message) }
    }

    static func all(_ r: PosixRegex, _ s: String) throws -> [PosixRegex.Match] {
        do { return try r.allMatches(in: s) } catch { throw Control.limit(error.message) }
    }

    private func setRecord(_ line: String) throws {
        fields = [line] + (try split(line, separator: variables["FS"]?.text ?? " "))
        variables["NF"] = .number(Double(fields.count - 1))
    }

    private func split(_ s: String, separator: String) throws -> [String] {
        if separator == " " { return s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) }
        if s.isEmpty { return [] }
        if separator.count == 1, let c = separator.first, c != "|" && c != "." { return s.split(separator: c, omittingEmptySubsequences: false).map(String.init) }
        guard let regex = try Self.dynamicRegex(separator) else { return [s] }
        var parts: [String] = []
        var last = s.startIndex
        for m in try Self.all(regex, s) where !m.range.isEmpty {
            parts.append(String(s[last..<m.range.lowerBound]))
            last = m.range.upperBound
        }
        parts.append(String(s[last...]))
        return parts
    }

    private func rebuildRecord() {
        fields[0] = fields.dropFirst().joined(separator: variables["OFS"]?.text ?? " ")
    }

    private func tick() throws {
        steps += 1
        if steps > Self.maxSteps { throw Control.limit("step limit (\(Self.maxSteps) steps)") }
        if steps & 4095 == 0 {
            if ctx.isInterrupted { throw Control.exit }
            if out.utf8.count > 1 << 16, !flush() { throw Control.exit }
        }
    }

    private func print(_ items: [AwkExpr]) {
        let text = (try? items.map { try eval($0).text }.joined(separator: variables["OFS"]?.text ?? " ")) ?? ""
        out += text + (variables["ORS"]?.text ?? "\n")
    }

    private func execute(_ statements: [AwkStatement]) throws {
        for s in statements { try execute(s) }
    }

    private func execute(_ s: AwkStatement) throws {
        try tick()
        switch s {
        case .print(let items, let redirect, let append):
            let values = items.isEmpty ? [AwkExpr.field(.number(0))] : items
            let ofmt = variables["OFMT"]?.text
            let text = try values.map { item -> String in
                let value = try eval(item)
                if case .number(let d) = value { return AwkValue.format(d, using: ofmt) }
                return value.text
            }.joined(separator: variables["OFS"]?.text ?? " ") + (variables["ORS"]?.text ?? "\n")
            if let redirect {
                let path = try eval(redirect).text
                if append && files[path] == nil { files[path] = (try? ctx.fileSystem.readText(ctx.absolutePath(path))) ?? "" }
                files[path, default: ""] += text
            } else {
                out += text
            }
        case .printf(let items):
            guard let first = items.first else { return }
            out += try sprintf(try eval(first).text, Array(items.dropFirst()))
        case .expression(let e): _ = try eval(e)
        case .ifElse(let c, let a, let b):
            if try truth(c) { try execute(a) } else if let b { try execute(b) }
        case .whileLoop(let c, let body):
            while try truth(c) {
                do { try execute(body) } catch Control.breakLoop { break } catch Control.continueLoop { continue }
            }
        case .forLoop(let initial, let c, let step, let body):
            if let initial { try execute(initial) }
            while try c.map({ try truth($0) }) ?? true {
                do { try execute(body) } catch Control.breakLoop { break } catch Control.continueLoop {}
                if let step { try execute(step) }
            }
        case .forIn(let v, let arr, let body):
            for key in (arrays[arr] ?? [:]).keys.sorted(by: Self.keyOrder) {
                variables[v] = .strnum(key)
                do { try execute(body) } catch Control.breakLoop { break } catch Control.continueLoop { continue }
            }
        case .block(let inner): try execute(inner)
        case .next: throw Control.next
        case .exit(let e):
            // An exit status is 8 bits: `exit 1e19` is 255, `exit 256` is 0, as in mawk and busybox.
            exitCode = Int32(Int(saturating: try e.map { try eval($0).number } ?? 0) & 0xFF)
            throw Control.exit
        case .breakLoop: throw Control.breakLoop
        case .continueLoop: throw Control.continueLoop
        case .delete(let arr, let key):
            if let key { arrays[arr]?[try eval(key).text] = nil } else { arrays[arr] = [:] }
        }
    }

    /// Numeric keys in numeric order, then strings: deterministic where real awk is unspecified.
    static func keyOrder(_ a: String, _ b: String) -> Bool {
        switch (Double(a), Double(b)) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a < b
        }
    }

    private func assign(_ target: AwkExpr, _ value: AwkValue) throws {
        switch target {
        case .variable(let n):
            variables[n] = value
            if n == "NF" {
                let nf = max(0, Int(saturating: value.number))
                guard nf <= Self.maxFields else { throw Control.limit("field limit (\(Self.maxFields) fields per record)") }
                if nf < fields.count - 1 { fields = Array(fields.prefix(nf + 1)) } else { while fields.count - 1 < nf { fields.append("") } }
                rebuildRecord()
            }
        case .field(let e):
            let i = Int(saturating: try eval(e).number)
            guard i <= Self.maxFields else { throw Control.limit("field limit (\(Self.maxFields) fields per record)") }
            guard i >= 0 else { return }
            if i == 0 { try setRecord(value.text); return }
            while fields.count <= i { fields.append("") }
            fields[i] = value.text
            variables["NF"] = .number(Double(fields.count - 1))
            rebuildRecord()
        case .element(let arr, let key):
            arrays[arr, default: [:]][try eval(key).text] = value
        default: break
        }
    }

    func eval(_ e: AwkExpr) throws -> AwkValue {
        switch e {
        case .number(let d): return .number(d)
        case .string(let s): return .string(s)
        case .regex(let r): return .number(try Self.test(r, fields[0]) ? 1 : 0)
        case .field(let ie):
            let i = Int(saturating: try eval(ie).number)
            return i >= 0 && i < fields.count ? .strnum(fields[i]) : .strnum("")
        case .variable(let n): return variables[n] ?? .strnum("")
        case .element(let arr, let key): return arrays[arr]?[try eval(key).text] ?? .strnum("")
        case .contains(let key, let arr): return .number(arrays[arr]?[try eval(key).text] != nil ? 1 : 0)
        case .assign(let target, let op, let valueExpr):
            let rhs = try eval(valueExpr)
            var result = rhs
            if op != "=" {
                let lhs = try eval(target).number
                let r = rhs.number
                switch op {
                case "+=": result = .number(lhs + r)
                case "-=": result = .number(lhs - r)
                case "*=": result = .number(lhs * r)
                case "/=": result = .number(r == 0 ? 0 : lhs / r)
                case "%=": result = .number(r == 0 ? 0 : lhs.truncatingRemainder(dividingBy: r))
                default: result = .number(pow(lhs, r))
                }
            }
            try assign(target, result)
            return result
        case .increment(let target, let prefix, let delta):
            let old = try eval(target).number
            try assign(target, .number(old + delta))
            return .number(prefix ? old + delta : old)
        case .not(let x): return .number(try truth(x) ? 0 : 1)
        case .negate(let x): return .number(-(try eval(x).number))
        case .ternary(let c, let a, let b): return try truth(c) ? eval(a) : eval(b)
        case .concat(let a, let b):
            let text = try converted(eval(a)) + converted(eval(b))
            guard text.utf8.count <= ctx.environment.limits.maxOutputBytes else { throw Control.limit(Self.stringLimit(ctx)) }
            return .string(text)
        case .match(let l, let r, let negated):
            let text = try eval(l).text
            let matched: Bool
            if case .regex(let regex) = r { matched = try Self.test(regex, text) }
            else if let regex = try Self.dynamicRegex(try eval(r).text) { matched = try Self.test(regex, text) }
            else { matched = false }
            return .number(matched != negated ? 1 : 0)
        case .binary(let op, let l, let r):
            switch op {
            case "&&": return .number(try truth(l) && truth(r) ? 1 : 0)
            case "||": return .number(try truth(l) || truth(r) ? 1 : 0)
            default: break
            }
            let a = try eval(l), b = try eval(r)
            switch op {
            case "+": return .number(a.number + b.number)
            case "-": return .number(a.number - b.number)
            case "*": return .number(a.number * b.number)
            case "/":
                guard b.number != 0 else { ctx.writeError("awk: division by zero\n"); throw Control.exit }
                return .number(a.number / b.number)
            case "%":
                guard b.number != 0 else { ctx.writeError("awk: division by zero in %\n"); throw Control.exit }
                return .number(a.number.truncatingRemainder(dividingBy: b.number))
            case "^": return .number(pow(a.number, b.number))
            default:
                let numeric = a.looksNumeric && b.looksNumeric
                let result: Bool
                if numeric {
                    let x = a.number, y = b.number
                    switch op { case "<": result = x < y; case "<=": result = x <= y; case "==": result = x == y; case "!=": result = x != y; case ">=": result = x >= y; default: result = x > y }
                } else {
                    let x = a.text, y = b.text
                    switch op { case "<": result = x < y; case "<=": result = x <= y; case "==": result = x == y; case "!=": result = x != y; case ">=": result = x >= y; default: result = x > y }
                }
                return .number(result ? 1 : 0)
            }
        case .call(let name, let args):
            return try call(name, args)
        }
    }

    /// A value as text where awk converts with CONVFMT (concatenation): integral numbers as
    /// integers, others through CONVFMT when the program set one.
    private func converted(_ value: AwkValue) -> String {
        guard case .number(let d) = value, let convfmt = variables["CONVFMT"]?.text else { return value.text }
        return AwkValue.format(d, using: convfmt)
    }

    private func pow(_ a: Double, _ b: Double) -> Double {
        guard b == b.rounded(), b.isFinite else { return 0 }
        // Square-and-multiply over the exponent's bits: 64 steps at most, so `2^1e19` is inf, not a hang.
        // Doubles that large are all even, so clamping the exponent keeps the sign of (-1)^b.
        var r = 1.0, base = a, e = UInt64(min(abs(b), 9.2e18))
        while e > 0 {
            if e & 1 == 1 { r *= base }
            base *= base
            e >>= 1
        }
        return b < 0 ? 1 / r : r
    }

    private func call(_ name: String, _ args: [AwkExpr]) throws -> AwkValue {
        func arg(_ i: Int) throws -> AwkValue { i < args.count ? try eval(args[i]) : .strnum("") }
        switch name {
        case "length":
            if args.isEmpty { return .number(Double(fields[0].count)) }
            if case .variable(let n) = args[0], let a = arrays[n] { return .number(Double(a.count)) }
            return .number(Double(try arg(0).text.count))
        case "substr":
            let s = Array(try arg(0).text)
            // Bounds computed in Double, then clamped to the string, so `substr(s, -1e19, 1e19)` cannot overflow.
            let start = try arg(1).number.rounded()
            let last = args.count > 2 ? start + (try arg(2).number.rounded()) - 1 : Double(s.count)
            guard start.isFinite || last.isFinite, !start.isNaN, !last.isNaN else { return .string("") }
            let from = Int(max(1, min(start, Double(s.count + 1)))), to = Int(min(Double(s.count), max(last, 0)))
            return .string(from <= to ? String(s[(from - 1)..<to]) : "")
        case "index":
            let s = try arg(0).text, t = try arg(1).text
            guard let r = Substring(s).range(of: t) else { return .number(0) }
            return .number(Double(s.distance(from: s.startIndex, to: r.lowerBound) + 1))
        case "split":
            guard args.count >= 2, case .variable(let arr) = args[1] else { return .number(0) }
            let parts = try split(try arg(0).text, separator: args.count > 2 ? try arg(2).text : (variables["FS"]?.text ?? " "))
            arrays[arr] = Dictionary(uniqueKeysWithValues: parts.enumerated().map { (String($0.offset + 1), AwkValue.strnum($0.element)) })
            return .number(Double(parts.count))
        case "tolower": return .string(try arg(0).text.lowercased())
        case "toupper": return .string(try arg(0).text.uppercased())
        case "int": return .number(try arg(0).number.rounded(.towardZero))
        // The C library's functions, as both awks call them: log(-1) is -nan, log(0) -inf.
        case "sqrt": return .number(Glibc.sqrt(try arg(0).number))
        case "exp": return .number(Glibc.exp(try arg(0).number))
        case "log": return .number(Glibc.log(try arg(0).number))
        case "sin": return .number(Glibc.sin(try arg(0).number))
        case "cos": return .number(Glibc.cos(try arg(0).number))
        case "atan2": return .number(Glibc.atan2(try arg(0).number, try arg(1).number))
        case "rand": return .number(Double(ctx.environment.random() % 1_000_000) / 1_000_000)
        case "srand": return .number(0)
        case "system":
            let status = ctx.runScript(try arg(0).text)
            return .number(Double(status))
        case "sprintf":
            guard !args.isEmpty else { return .string("") }
            return .string(try sprintf(try arg(0).text, Array(args.dropFirst())))
        case "match":
            let s = try arg(0).text
            let regex: PosixRegex?
            if case .regex(let r)? = args.dropFirst().first { regex = r } else { regex = try Self.dynamicRegex(try arg(1).text) }
            guard let regex, let m = try Self.first(regex, s) else {
                variables["RSTART"] = .number(0); variables["RLENGTH"] = .number(-1)
                return .number(0)
            }
            let start = s.distance(from: s.startIndex, to: m.range.lowerBound) + 1
            variables["RSTART"] = .number(Double(start))
            variables["RLENGTH"] = .number(Double(s.distance(from: m.range.lowerBound, to: m.range.upperBound)))
            return .number(Double(start))
        case "sub", "gsub":
            guard args.count >= 2 else { return .number(0) }
            let regex: PosixRegex?
            if case .regex(let r) = args[0] { regex = r } else { regex = try Self.dynamicRegex(try arg(0).text) }
            guard let regex else { return .number(0) }
            let replacement = try arg(1).text
            let target = args.count > 2 ? args[2] : AwkExpr.field(.number(0))
            let text = try eval(target).text
            var out = ""
            var last = text.startIndex
            var count = 0
            for m in try Self.all(regex, text) {
                out += text[last..<m.range.lowerBound]
                let matched = String(text[m.range])
                var rep = ""
                var escaped = false
                for c in replacement {
                    if escaped { rep.append(c); escaped = false; continue }
                    if c == "\\" { escaped = true; continue }
                    if c == "&" { rep += matched } else { rep.append(c) }
                }
                out += rep
                last = m.range.upperBound
                count += 1
                if name == "sub" { break }
            }
            guard count > 0 else { return .number(0) }
            out += text[last...]
            try assign(target, .string(out))
            return .number(Double(count))
        default:
            return .strnum("")
        }
    }

    private func sprintf(_ format: String, _ args: [AwkExpr]) throws -> String {
        var values = try args.map { try eval($0) }[...]
        var out = ""
        let f = Array(format)
        var i = 0
        while i < f.count {
            guard f[i] == "%" else { out.append(f[i]); i += 1; continue }
            i += 1
            guard i < f.count else { out.append("%"); break }
            if f[i] == "%" { out.append("%"); i += 1; continue }
            var spec = ""
            while i < f.count, "-+ 0#.0123456789".contains(f[i]) { spec.append(f[i]); i += 1 }
            guard i < f.count else { break }
            let conv = f[i]
            i += 1
            let v = values.popFirst() ?? .strnum("")
            let left = spec.hasPrefix("-")
            let zero = spec.hasPrefix("0")
            let parts = spec.trimmingCharacters(in: "-+ #0").split(separator: ".", omittingEmptySubsequences: false)
            let width = Int(parts.first ?? "") ?? 0
            let precision = parts.count > 1 ? Int(parts[1]) ?? 0 : nil
            if width > ctx.environment.limits.maxOutputBytes { throw Control.limit(Self.stringLimit(ctx)) }
            var text: String
            switch conv {
            case "d", "i": text = String(Int(saturating: v.number))
            case "f": text = Utilities.formatFixed(v.number, digits: precision ?? 6)
            case "e", "E", "g", "G":
                text = CFloatFormat.string("%" + spec + String(conv), v.number) ?? AwkValue.format(v.number)
            case "c": text = v.looksNumeric ? String(UnicodeScalar(UInt8(clamping: Int(saturating: v.number)))) : String(v.text.prefix(1))
            case "x": text = String(Int(saturating: v.number), radix: 16)
            case "o": text = String(Int(saturating: v.number), radix: 8)
            default:
                text = v.text
                if let p = precision { text = String(text.prefix(p)) }
            }
            if text.count < width {
                let pad = String(repeating: zero && !left && conv != "s" ? "0" : " ", count: width - text.count)
                text = left ? text + pad : pad + text
            }
            out += text
        }
        return out
    }
}
