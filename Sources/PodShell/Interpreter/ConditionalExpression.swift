/// bash's `[[ ... ]]`: `!`, `&&`, `||`, parentheses, file and string tests, `==`/`!=` with
/// patterns, `=~` with extended regular expressions, `<`/`>` string order and `-eq`-style integers.
struct ConditionalExpression {
    struct Failure: Error {}

    /// One word between `[[` and `]]`, expanded only when the evaluation reaches it: bash skips the
    /// right side of `&&`/`||` when the left decides, so `[[ -f f && "$(<f)" ]]` reads no missing file.
    final class Word {
        /// The word's text when it is a plain unquoted literal (operators are), without expanding.
        let literal: String?
        /// Whether any part was quoted (a quoted right side of `==` is matched literally).
        let quoted: Bool
        private let expandText: () -> String?
        private let expandPattern: () -> String?
        private var text: String??
        private var pattern: String??

        init(literal: String?, quoted: Bool, text: @escaping () -> String?, pattern: @escaping () -> String?) {
            self.literal = literal
            self.quoted = quoted
            expandText = text
            expandPattern = pattern
        }

        /// The expanded text; throws when the expansion failed (its error is already printed).
        func value() throws -> String {
            if text == nil { text = .some(expandText()) }
            guard let v = text! else { throw Failure() }
            return v
        }

        func patternValue() throws -> String {
            if pattern == nil { pattern = .some(expandPattern()) }
            guard let v = pattern! else { throw Failure() }
            return v
        }
    }

    let words: [Word]
    let env: ShellEnvironment
    /// Where `set -x` writes each evaluated test (`+ [[ 0 -eq 0 ]]`).
    let trace: ((String) -> Void)?
    var index = 0
    var depth = 0
    /// Above zero while parsing an operand whose value cannot change the result.
    var skipping = 0

    init(words: [Word], env: ShellEnvironment, trace: ((String) -> Void)? = nil) {
        self.words = words
        self.env = env
        self.trace = trace
    }

    /// Convenience for already expanded words (tests).
    init(words: [(text: String, pattern: String)], env: ShellEnvironment) {
        self.init(words: words.map { w in Word(literal: w.text, quoted: false, text: { w.text }, pattern: { w.pattern }) }, env: env)
    }

    mutating func evaluate() throws -> Bool {
        guard !words.isEmpty else { throw Failure() }
        let v = try parseOr()
        if index < words.count { throw Failure() }
        return v
    }

    /// The next word as an operator: operators are unquoted literals, so nothing is expanded.
    private var peek: String? { index < words.count ? words[index].literal : nil }

    private mutating func parseOr() throws -> Bool {
        var v = try parseAnd()
        while peek == "||" {
            index += 1
            if v { skipping += 1 }
            let r = try parseAnd()
            if v { skipping -= 1 }
            v = v || r
        }
        return v
    }

    private mutating func parseAnd() throws -> Bool {
        var v = try parseNot()
        while peek == "&&" {
            index += 1
            if !v { skipping += 1 }
            let r = try parseNot()
            if !v { skipping -= 1 }
            v = v && r
        }
        return v
    }

    private mutating func parseNot() throws -> Bool {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { throw Failure() }
        if peek == "!" { index += 1; return !(try parseNot()) }
        if peek == "(" {
            index += 1
            let v = try parseOr()
            guard peek == ")" else { throw Failure() }
            index += 1
            return v
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws -> Bool {
        guard index < words.count else { throw Failure() }
        let first = words[index]
        if index + 2 < words.count, let op = words[index + 1].literal,
           ["==", "=", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge"].contains(op) {
            let rhs = words[index + 2]
            index += 3
            if skipping > 0 { return false }
            let a = try first.value()
            switch op {
            case "==", "=", "!=":
                let pattern = try rhs.patternValue()
                // bash's trace shows a quoted right side with each character escaped.
                traceTest([a, op, rhs.quoted ? (try rhs.value()).map { "\\" + String($0) }.joined() : pattern])
                let matched = GlobPattern.matches(pattern, a)
                return op == "!=" ? !matched : matched
            case "=~":
                let source = try rhs.value()
                traceTest([a, op, source])
                guard let regex = PosixRegex.compile(source, flavor: .extended) else { throw Failure() }
                // BASH_REMATCH holds the whole match and each group (empty for a group that took no part).
                guard let match = try regex.firstMatch(in: a) else { env.arrays["BASH_REMATCH"] = []; return false }
                env.arrays["BASH_REMATCH"] = (0...regex.groupCount).map { k in match.group(k, in: a).map(String.init) ?? "" }
                return true
            default:
                let b = try rhs.value()
                traceTest([a, op, b])
                switch op {
                case "<": return a < b
                case ">": return a > b
                default:
                    let x = Int(a.trimmingCharacters(in: " ")) ?? 0, y = Int(b.trimmingCharacters(in: " ")) ?? 0
                    switch op {
                    case "-eq": return x == y
                    case "-ne": return x != y
                    case "-lt": return x < y
                    case "-le": return x <= y
                    case "-gt": return x > y
                    default: return x >= y
                    }
                }
            }
        }
        if let a = first.literal, a.count == 2, a.hasPrefix("-"), index + 1 < words.count {
            let operandWord = words[index + 1]
            index += 2
            if skipping > 0 { return false }
            let operand = try operandWord.value()
            traceTest([a, operand])
            let fs = env.fileSystem
            let path = env.absolutePath(operand)
            switch a {
            case "-z": return operand.isEmpty
            case "-n": return !operand.isEmpty
            case "-e", "-a": return fs.exists(path)
            case "-f": return fs.isFile(path)
            case "-d": return fs.isDirectory(path)
            case "-s": return fs.isFile(path) && ((try? fs.stat(path))?.size ?? 0) > 0
            case "-r", "-w", "-x": return fs.exists(path)
            case "-L", "-h": return (try? fs.lstat(path))?.kind == .symlink
            case "-v": return env.variable(operand) != nil
            default: throw Failure()
            }
        }
        index += 1
        if skipping > 0 { return false }
        let a = try first.value()
        traceTest([a])
        return !a.isEmpty
    }

    private func traceTest(_ parts: [String]) {
        trace?("[[ " + parts.joined(separator: " ") + " ]]")
    }
}
