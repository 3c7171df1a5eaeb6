/// The parsed form of shell input. Loop bodies are parsed once and evaluated many times,
/// which keeps a 10,000-iteration loop cheap.
public struct ShellWord: Sendable, Equatable {
    public var parts: [WordPart]

    public init(parts: [WordPart]) { self.parts = parts }

    /// The text of a word made only of unquoted literals (reserved words, assignment names).
    var plainText: String? {
        var s = ""
        for part in parts {
            guard case .literal(let text, quoted: false) = part else { return nil }
            s += text
        }
        return s
    }

    /// True when any part was quoted (`""` is an empty argument, not nothing).
    var hasQuotedPart: Bool {
        parts.contains { part in
            switch part {
            case .literal(_, let q), .parameter(_, let q), .command(_, let q), .arithmetic(_, let q): return q
            case .tilde: return false
            }
        }
    }
}

public indirect enum WordPart: Sendable, Equatable {
    case literal(String, quoted: Bool)
    case parameter(ParameterExpansion, quoted: Bool)
    case command(ShellList, quoted: Bool)
    /// Raw text between `$((` and `))`; variables inside are expanded when evaluated.
    case arithmetic(ShellWord, quoted: Bool)
    /// `~` or `~user` at the start of a word.
    case tilde(String)
}

public struct ParameterExpansion: Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        case plain
        case length
        case defaultValue(ShellWord, colon: Bool)      // ${x:-w}
        case assignDefault(ShellWord, colon: Bool)     // ${x:=w}
        case alternative(ShellWord, colon: Bool)       // ${x:+w}
        case errorIfUnset(ShellWord, colon: Bool)      // ${x:?w}
        case removePrefix(ShellWord, longest: Bool)    // ${x#p} ${x##p}
        case removeSuffix(ShellWord, longest: Bool)    // ${x%p} ${x%%p}
        case replace(ShellWord, ShellWord, all: Bool)  // ${x/p/r} ${x//p/r}
        case substring(ShellWord, ShellWord?)          // ${x:o:l}
    }
    public var name: String
    public var operation: Operation
}

public struct Redirection: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case input            // <
        case output           // >
        case append           // >>
        case duplicateOutput  // >&N
        case duplicateInput   // <&N
        case outputAndError   // &>
        case appendOutputAndError // &>>
        case hereDocument(stripTabs: Bool, expand: Bool) // <<EOF
        case hereString       // <<<
        case readWrite        // <>
    }
    public var fd: Int
    public var kind: Kind
    /// File name, fd number, or here-document body.
    public var target: ShellWord
}

public struct SimpleCommand: Sendable, Equatable {
    public var assignments: [(name: String, value: ShellWord)]
    public var words: [ShellWord]
    public var redirections: [Redirection]
    public var line: Int

    public static func == (a: SimpleCommand, b: SimpleCommand) -> Bool {
        a.words == b.words && a.redirections == b.redirections && a.line == b.line
            && a.assignments.map(\.name) == b.assignments.map(\.name) && a.assignments.map(\.value) == b.assignments.map(\.value)
    }
}

public indirect enum ShellCommandNode: Sendable, Equatable {
    case simple(SimpleCommand)
    case pipeline([ShellCommandNode], negated: Bool)
    case andOr(ShellCommandNode, [(isAnd: Bool, command: ShellCommandNode)])
    case forLoop(variable: String, items: [ShellWord]?, body: ShellList)
    /// `for ((init; condition; step)); do ...; done` (bash).
    case arithmeticFor(initial: ShellWord, condition: ShellWord, step: ShellWord, body: ShellList)
    case whileLoop(condition: ShellList, body: ShellList, until: Bool)
    case ifChain(branches: [(condition: ShellList, body: ShellList)], otherwise: ShellList?)
    case caseOf(subject: ShellWord, arms: [(patterns: [ShellWord], body: ShellList)])
    case group(ShellList)
    case subshell(ShellList)
    case functionDefinition(name: String, body: ShellCommandNode)
    case redirected(ShellCommandNode, [Redirection])

    public static func == (a: ShellCommandNode, b: ShellCommandNode) -> Bool {
        // Structural equality for tests; tuples compared field by field.
        switch (a, b) {
        case let (.simple(x), .simple(y)): return x == y
        case let (.pipeline(x, n1), .pipeline(y, n2)): return x == y && n1 == n2
        case let (.andOr(x, xs), .andOr(y, ys)):
            return x == y && xs.count == ys.count && zip(xs, ys).allSatisfy { $0.isAnd == $1.isAnd && $0.command == $1.command }
        case let (.forLoop(v1, i1, b1), .forLoop(v2, i2, b2)): return v1 == v2 && i1 == i2 && b1 == b2
        case let (.arithmeticFor(a1, c1, s1, b1), .arithmeticFor(a2, c2, s2, b2)): return a1 == a2 && c1 == c2 && s1 == s2 && b1 == b2
        case let (.whileLoop(c1, b1, u1), .whileLoop(c2, b2, u2)): return c1 == c2 && b1 == b2 && u1 == u2
        case let (.ifChain(x, e1), .ifChain(y, e2)):
            return e1 == e2 && x.count == y.count && zip(x, y).allSatisfy { $0.condition == $1.condition && $0.body == $1.body }
        case let (.caseOf(s1, a1), .caseOf(s2, a2)):
            return s1 == s2 && a1.count == a2.count && zip(a1, a2).allSatisfy { $0.patterns == $1.patterns && $0.body == $1.body }
        case let (.group(x), .group(y)), let (.subshell(x), .subshell(y)): return x == y
        case let (.functionDefinition(n1, b1), .functionDefinition(n2, b2)): return n1 == n2 && b1 == b2
        case let (.redirected(c1, r1), .redirected(c2, r2)): return c1 == c2 && r1 == r2
        default: return false
        }
    }
}

/// A sequence of commands separated by `;`, `&` or newlines.
public struct ShellList: Sendable, Equatable {
    public var commands: [ShellCommandNode]
    public init(commands: [ShellCommandNode]) { self.commands = commands }
}
