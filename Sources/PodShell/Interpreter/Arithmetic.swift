/// `$(( ... ))`: integer arithmetic with C operators, variables by bare name or `$name`.
struct ArithmeticEvaluator {
    enum Failure: Error { case message(String) }

    private var tokens: [String] = []
    private var index = 0
    private let lookup: (String) -> String?
    private let assign: (String, String) -> Void
    /// How many variables-holding-expressions deep this evaluation is (`a=b; b=a; $((a))`).
    private let level: Int

    init(_ text: String, lookup: @escaping (String) -> String?, assign: @escaping (String, String) -> Void, level: Int = 0) throws {
        self.lookup = lookup
        self.assign = assign
        self.level = level
        tokens = try Self.tokenize(text)
    }

    static func evaluate(_ text: String, lookup: @escaping (String) -> String?, assign: @escaping (String, String) -> Void, level: Int = 0) throws -> Int {
        if level > 64 { throw Failure.message("expression recursion level exceeded") }
        var e = try ArithmeticEvaluator(text, lookup: lookup, assign: assign, level: level)
        if e.tokens.isEmpty { return 0 }
        let v = try e.parseAssignment()
        if e.index < e.tokens.count { throw Failure.message("syntax error in expression (error token is \"\(e.tokens[e.index...].joined(separator: " "))\")") }
        return v
    }

    private static let twoCharOperators: Set<String> = ["**", "<=", ">=", "==", "!=", "&&", "||", "<<", ">>", "++", "--", "+=", "-=", "*=", "/=", "%="]
    private static let oneCharOperators: Set<Character> = ["+", "-", "*", "/", "%", "(", ")", "<", ">", "!", "~", "&", "|", "^", "?", ":", "="]

    private static func tokenize(_ text: String) throws -> [String] {
        var out: [String] = []
        let c = Array(text)
        var i = 0
        while i < c.count {
            if c[i].isWhitespace { i += 1; continue }
            if c[i].isASCIIDigit {
                var j = i
                while j < c.count, c[j].isASCIIDigit || c[j].isASCIILetter { j += 1 }
                out.append(String(c[i..<j])); i = j; continue
            }
            if c[i].isASCIILetter || c[i] == "_" {
                var j = i
                while j < c.count, c[j].isASCIILetter || c[j].isASCIIDigit || c[j] == "_" { j += 1 }
                out.append(String(c[i..<j])); i = j; continue
            }
            var matched = false
            if i + 1 < c.count {
                let two = String(c[i]) + String(c[i + 1])
                if twoCharOperators.contains(two) { out.append(two); i += 2; matched = true }
            }
            if !matched, oneCharOperators.contains(c[i]) { out.append(String(c[i])); i += 1; matched = true }
            if !matched { throw Failure.message("syntax error: invalid arithmetic operator (error token is \"\(String(c[i...]))\")") }
        }
        return out
    }

    private var peek: String? { index < tokens.count ? tokens[index] : nil }
    private mutating func next() -> String? { defer { index += 1 }; return peek }

    private func isName(_ t: String) -> Bool { t.first.map { $0.isASCIILetter || $0 == "_" } ?? false }

    private func value(of name: String) throws -> Int {
        guard let raw = lookup(name)?.trimmingCharacters(in: " \t\n"), !raw.isEmpty else { return 0 }
        if let v = Int(raw) { return v }
        if let v = Self.parseNumber(raw) { return v }
        return try ArithmeticEvaluator.evaluate(raw, lookup: lookup, assign: assign, level: level + 1)
    }

    private mutating func parseAssignment() throws -> Int {
        if index + 1 < tokens.count, isName(tokens[index]), ["=", "+=", "-=", "*=", "/=", "%="].contains(tokens[index + 1]) {
            let name = tokens[index], op = tokens[index + 1]
            index += 2
            let rhs = try parseAssignment()
            let old = try value(of: name)
            let v: Int
            switch op {
            case "+=": v = old &+ rhs
            case "-=": v = old &- rhs
            case "*=": v = old &* rhs
            case "/=": guard rhs != 0 else { throw Failure.message("division by 0") }; v = old.dividedReportingOverflow(by: rhs).partialValue
            case "%=": guard rhs != 0 else { throw Failure.message("division by 0") }; v = old.remainderReportingOverflow(dividingBy: rhs).partialValue
            default: v = rhs
            }
            assign(name, String(v))
            return v
        }
        return try parseTernary()
    }

    private mutating func parseTernary() throws -> Int {
        let cond = try parseBinary(0)
        if peek == "?" {
            index += 1
            let a = try parseAssignment()
            guard next() == ":" else { throw Failure.message("`:' expected for conditional expression") }
            let b = try parseAssignment()
            return cond != 0 ? a : b
        }
        return cond
    }

    private static let precedence: [[String]] = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]]

    private mutating func parseBinary(_ level: Int) throws -> Int {
        if level >= Self.precedence.count { return try parsePower() }
        var lhs = try parseBinary(level + 1)
        while let op = peek, Self.precedence[level].contains(op) {
            index += 1
            let rhs = try parseBinary(level + 1)
            switch op {
            case "||": lhs = (lhs != 0 || rhs != 0) ? 1 : 0
            case "&&": lhs = (lhs != 0 && rhs != 0) ? 1 : 0
            case "|": lhs |= rhs
            case "^": lhs ^= rhs
            case "&": lhs &= rhs
            case "==": lhs = lhs == rhs ? 1 : 0
            case "!=": lhs = lhs != rhs ? 1 : 0
            case "<": lhs = lhs < rhs ? 1 : 0
            case ">": lhs = lhs > rhs ? 1 : 0
            case "<=": lhs = lhs <= rhs ? 1 : 0
            case ">=": lhs = lhs >= rhs ? 1 : 0
            case "<<": lhs = rhs >= 0 && rhs < 64 ? lhs << rhs : 0
            case ">>": lhs = rhs >= 0 && rhs < 64 ? lhs >> rhs : 0
            case "+": lhs = lhs &+ rhs
            case "-": lhs = lhs &- rhs
            case "*": lhs = lhs &* rhs
            case "/": guard rhs != 0 else { throw Failure.message("division by 0 (error token is \"\(rhs)\")") }; lhs = lhs == Int.min && rhs == -1 ? lhs : lhs / rhs
            case "%": guard rhs != 0 else { throw Failure.message("division by 0 (error token is \"\(rhs)\")") }; lhs = rhs == -1 ? 0 : lhs % rhs
            default: break
            }
        }
        return lhs
    }

    private mutating func parsePower() throws -> Int {
        let base = try parseUnary()
        if peek == "**" {
            index += 1
            let exp = try parsePower()
            guard exp >= 0 else { throw Failure.message("exponent less than 0") }
            var r = 1
            for _ in 0..<min(exp, 64) { r = r &* base }
            return r
        }
        return base
    }

    /// Parenthesis and unary-operator nesting; bounded so deep input cannot exhaust the stack.
    private var depth = 0

    private mutating func parseUnary() throws -> Int {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { throw Failure.message("expression nested too deeply") }
        guard let t = peek else { throw Failure.message("syntax error: operand expected") }
        switch t {
        case "-": index += 1; return 0 &- (try parseUnary())
        case "+": index += 1; return try parseUnary()
        case "!": index += 1; return try parseUnary() == 0 ? 1 : 0
        case "~": index += 1; return ~(try parseUnary())
        case "++", "--":
            index += 1
            guard let name = next(), isName(name) else { throw Failure.message("syntax error: operand expected") }
            // bash wraps at 64 bits (`x=9223372036854775807; ((++x))` is -9223372036854775808).
            let v = try value(of: name) &+ (t == "++" ? 1 : -1)
            assign(name, String(v))
            return v
        case "(":
            index += 1
            let v = try parseAssignment()
            guard next() == ")" else { throw Failure.message("missing `)'") }
            return v
        default:
            index += 1
            if isName(t) {
                let v = try value(of: t)
                if peek == "++" || peek == "--" {
                    assign(t, String(v &+ (peek == "++" ? 1 : -1)))
                    index += 1
                }
                return v
            }
            if let v = Self.parseNumber(t) { return v }
            throw Failure.message("\(t): value too great for base (error token is \"\(t)\")")
        }
    }

    /// A literal as bash reads it: digits accumulate in 64 bits and wrap, so
    /// `$((9223372036854775808))` is -9223372036854775808 rather than an error.
    static func parseNumber(_ t: String) -> Int? {
        if t.hasPrefix("0x") || t.hasPrefix("0X") { return wrapping(t.dropFirst(2), radix: 16) }
        if t.count > 1, t.hasPrefix("0") { return wrapping(t.dropFirst(), radix: 8) }
        return wrapping(Substring(t), radix: 10)
    }

    private static func wrapping(_ digits: Substring, radix: Int) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for c in digits {
            guard let d = c.hexDigitValue, d < radix else { return nil }
            value = value &* radix &+ d
        }
        return value
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
