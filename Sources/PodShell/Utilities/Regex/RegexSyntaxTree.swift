/// A parsed POSIX regular expression, before it is compiled into a program, so that the BRE and ERE
/// parsers share one representation and both matchers share one compiler.
indirect enum RegexNode {
    case empty
    case literal(Character)
    case anyCharacter
    case bracket(BracketExpression)
    case assertion(RegexAssertion)
    /// Capture group `index` (1-based, numbered by opening parenthesis as POSIX numbers them).
    case group(RegexNode, index: Int)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    /// `max == nil` is unbounded (`*`, `+`, `{m,}`).
    case repetition(RegexNode, min: Int, max: Int?)
    /// `\1`…`\9` inside the pattern: the only construct that forces the bounded backtracker.
    case backReference(Int)

    var containsBackReference: Bool {
        switch self {
        case .backReference: return true
        case .group(let n, _), .repetition(let n, _, _): return n.containsBackReference
        case .concatenation(let ns), .alternation(let ns): return ns.contains { $0.containsBackReference }
        default: return false
        }
    }
}

/// Zero-width tests; the word ones follow GNU (`\<`, `\>`, `\b`, `\B`, and grep -w's edges).
enum RegexAssertion {
    case textStart, textEnd, wordBoundary, notWordBoundary, wordStart, wordEnd
    /// grep -w: the match must not be preceded / followed by a word constituent.
    case notAfterWord, notBeforeWord

    func holds(previous: Character?, next: Character?) -> Bool {
        let before = previous.map(RegexCharacter.isWord) ?? false
        let after = next.map(RegexCharacter.isWord) ?? false
        switch self {
        case .textStart: return previous == nil
        case .textEnd: return next == nil
        case .wordBoundary: return before != after
        case .notWordBoundary: return before == after
        case .wordStart: return !before && after
        case .wordEnd: return before && !after
        case .notAfterWord: return !before
        case .notBeforeWord: return !after
        }
    }
}
