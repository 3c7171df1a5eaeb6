/// bash's `[[ ... ]]`: `!`, `&&`, `||`, parentheses, file and string tests, `==`/`!=` with
/// patterns, `=~` with extended regular expressions, `<`/`>` string order and `-eq`-style integers.
struct ConditionalExpression {
    struct Failure: Error {}
    let words: [(text: String, pattern: String)]
    let env: ShellEnvironment
    var index = 0
    var depth = 0

    init(words: [(text: String, pattern: String)], env: ShellEnvironment) {
        self.words = words
        self.env = env
    }

    mutating func evaluate() throws -> Bool {
        guard !words.isEmpty else { throw Failure() }
        let v = try parseOr()
        if index < words.count { throw Failure() }
        return v
    }

    private var peek: String? { index < words.count ? words[index].text : nil }

    private mutating func parseOr() throws -> Bool {
        var v = try parseAnd()
        while peek == "||" { index += 1; let r = try parseAnd(); v = v || r }
        return v
    }

    private mutating func parseAnd() throws -> Bool {
        var v = try parseNot()
        while peek == "&&" { index += 1; let r = try parseNot(); v = v && r }
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
        let a = words[index].text
        if index + 2 < words.count {
            let op = words[index + 1].text
            let rhs = words[index + 2]
            if ["==", "=", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge"].contains(op) {
                index += 3
                switch op {
                case "==", "=": return GlobPattern.matches(rhs.pattern, a)
                case "!=": return !GlobPattern.matches(rhs.pattern, a)
                case "=~":
                    guard let regex = PosixRegex.compile(rhs.text, flavor: .extended) else { throw Failure() }
                    return try regex.matches(a)
                case "<": return a < rhs.text
                case ">": return a > rhs.text
                default:
                    let x = Int(a.trimmingCharacters(in: " ")) ?? 0, y = Int(rhs.text.trimmingCharacters(in: " ")) ?? 0
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
        if a.count == 2, a.hasPrefix("-"), index + 1 < words.count {
            let operand = words[index + 1].text
            index += 2
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
        return !a.isEmpty
    }
}
