/// Parses POSIX basic (BRE) and extended (ERE) syntax, with the GNU extensions grep and sed accept
/// (`\+ \? \|` in BRE, `\< \> \b \B \w \W \s \S`, `{,n}`), into a `RegexNode`.
struct PosixRegexParser {
    /// GNU's RE_DUP_MAX: a larger count in `{m,n}` is "regular expression too big".
    static let maxRepetitionCount = 32_767

    private let c: [Character]
    private let extended: Bool
    private var i = 0
    private var openGroups = 0
    private var closedGroups = 0
    private var depth = 0

    private init(_ pattern: String, extended: Bool) {
        c = Array(pattern)
        self.extended = extended
    }

    /// The tree and its number of capture groups.
    static func parse(_ pattern: String, extended: Bool) throws(PosixRegex.CompileError) -> (RegexNode, groups: Int) {
        var p = PosixRegexParser(pattern, extended: extended)
        let node = try p.parseAlternation()
        if p.i < p.c.count { throw .unmatchedParenthesis }
        return (node, p.openGroups)
    }

    private var atEnd: Bool { i >= c.count }
    private func peek(_ k: Int = 0) -> Character? { i + k < c.count ? c[i + k] : nil }

    /// `|` (ERE) or `\|` (BRE) at the cursor.
    private var atBar: Bool { extended ? peek() == "|" : peek() == "\\" && peek(1) == "|" }
    /// `)` (ERE, inside a group) or `\)` (BRE) at the cursor.
    private var atClose: Bool { extended ? peek() == ")" && depth > 0 : peek() == "\\" && peek(1) == ")" }

    private mutating func parseAlternation() throws(PosixRegex.CompileError) -> RegexNode {
        var branches = [try parseBranch()]
        while atBar {
            i += extended ? 1 : 2
            branches.append(try parseBranch())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseBranch() throws(PosixRegex.CompileError) -> RegexNode {
        var pieces: [RegexNode] = []
        let start = i
        while !atEnd && !atBar && !atClose {
            let atom = try parseAtom(branchStart: i == start || pieces.allSatisfy(\.isStartAnchor))
            pieces.append(try parseQuantifiers(atom))
        }
        switch pieces.count {
        case 0: return .empty
        case 1: return pieces[0]
        default: return .concatenation(pieces)
        }
    }

    private mutating func parseAtom(branchStart: Bool) throws(PosixRegex.CompileError) -> RegexNode {
        let ch = c[i]
        i += 1
        switch ch {
        case "(" where extended: return try parseGroup()
        case ")" where extended: return .literal(")")
        case "^":
            if extended || branchStart { return .assertion(.textStart) }
            return .literal("^")
        case "$":
            if extended || atEnd || atBar || atClose { return .assertion(.textEnd) }
            return .literal("$")
        case ".": return .anyCharacter
        case "[": return .bracket(try parseBracket())
        case "*" where branchStart: return .literal("*")
        case "\\": return try parseEscape(branchStart: branchStart)
        default: return .literal(ch)
        }
    }

    private mutating func parseGroup() throws(PosixRegex.CompileError) -> RegexNode {
        openGroups += 1
        let index = openGroups
        depth += 1
        let inner = try parseAlternation()
        depth -= 1
        if extended {
            guard peek() == ")" else { throw .unmatchedParenthesis }
            i += 1
        } else {
            guard peek() == "\\", peek(1) == ")" else { throw .unmatchedParenthesis }
            i += 2
        }
        closedGroups += 1
        return .group(inner, index: index)
    }

    private mutating func parseEscape(branchStart: Bool) throws(PosixRegex.CompileError) -> RegexNode {
        guard let n = peek() else { throw .trailingBackslash }
        i += 1
        if !extended {
            switch n {
            case "(": return try parseGroup()
            case ")": throw .unmatchedParenthesis
            case "{": if branchStart { return .literal("{") }; throw .invalidInterval
            case "}": return .literal("}")
            default: break
            }
        }
        switch n {
        case "1"..."9":
            let k = Int(String(n))!
            guard k <= closedGroups else { throw .invalidBackReference }
            return .backReference(k)
        case "<": return .assertion(.wordStart)
        case ">": return .assertion(.wordEnd)
        case "b": return .assertion(.wordBoundary)
        case "B": return .assertion(.notWordBoundary)
        case "`": return .assertion(.textStart)
        case "'": return .assertion(.textEnd)
        case "w", "W":
            return .bracket(BracketExpression(negated: n == "W", characters: ["_"], classes: [.alnum]))
        case "s", "S":
            return .bracket(BracketExpression(negated: n == "S", classes: [.space]))
        case "n": return .literal("\n")
        case "t": return .literal("\t")
        default: return .literal(n)
        }
    }

    private mutating func parseQuantifiers(_ atom: RegexNode) throws(PosixRegex.CompileError) -> RegexNode {
        var node = atom
        while let q = peek() {
            if q == "*" { i += 1; node = .repetition(node, min: 0, max: nil); continue }
            if extended {
                if q == "+" { i += 1; node = .repetition(node, min: 1, max: nil); continue }
                if q == "?" { i += 1; node = .repetition(node, min: 0, max: 1); continue }
                if q == "{", let (lo, hi, end) = try interval(from: i + 1, closedBy: ["}"]) {
                    i = end; node = .repetition(node, min: lo, max: hi); continue
                }
                return node
            }
            guard q == "\\", let n = peek(1) else { return node }
            if n == "+" { i += 2; node = .repetition(node, min: 1, max: nil); continue }
            if n == "?" { i += 2; node = .repetition(node, min: 0, max: 1); continue }
            if n == "{" {
                guard let (lo, hi, end) = try interval(from: i + 2, closedBy: ["\\", "}"]) else { throw .invalidInterval }
                i = end; node = .repetition(node, min: lo, max: hi); continue
            }
            return node
        }
        return node
    }

    /// `m`, `m,`, `m,n` or `,n` then the closing brace; nil when ERE should read the brace literally.
    private func interval(from start: Int, closedBy close: [Character]) throws(PosixRegex.CompileError) -> (Int, Int?, Int)? {
        var j = start
        func number() -> Int? {
            var value: Int?
            while j < c.count, let d = c[j].wholeNumberValue, c[j].isASCII {
                value = min((value ?? 0) * 10 + d, PosixRegexParser.maxRepetitionCount + 1)
                j += 1
            }
            return value
        }
        let lo = number()
        var hi = lo
        var comma = false
        if j < c.count, c[j] == "," { comma = true; j += 1; hi = number() }
        guard lo != nil || comma, j + close.count <= c.count, Array(c[j..<(j + close.count)]) == close else {
            if extended { return nil }
            throw .invalidInterval
        }
        let low = lo ?? 0
        if comma && hi == nil { hi = nil } else if let h = hi, h < low { throw .invalidInterval }
        if low > Self.maxRepetitionCount || (hi ?? 0) > Self.maxRepetitionCount { throw .tooBig }
        return (low, comma ? hi : low, j + close.count)
    }

    private mutating func parseBracket() throws(PosixRegex.CompileError) -> BracketExpression {
        var set = BracketExpression()
        if peek() == "^" { set.negated = true; i += 1 }
        // glibc: nothing at all after `[` or `[^` is a bad pattern, anything else left open is unmatched.
        if peek() == nil { throw .invalidPattern }
        var first = true
        while true {
            guard let ch = peek() else { throw .unmatchedBracket }
            if ch == "]" && !first { i += 1; return set }
            first = false
            var low: Character = ch
            if ch == "[", let kind = peek(1), kind == ":" || kind == "=" || kind == "." {
                var j = i + 2
                while j + 1 < c.count, !(c[j] == kind && c[j + 1] == "]") { j += 1 }
                guard j + 1 < c.count else { throw .unmatchedBracket }
                let name = String(c[(i + 2)..<j])
                i = j + 2
                if kind == ":" {
                    guard let named = BracketExpression.NamedClass(rawValue: name) else { throw .invalidClass }
                    set.classes.append(named)
                    continue
                }
                guard name.count == 1, let only = name.first else { throw .invalidCollation }
                low = only
            } else {
                i += 1
            }
            if peek() == "-", let high = peek(1), high != "]" {
                i += 2
                var upper = high
                if high == "[", peek() == "." || peek() == "=", let kind = peek() {
                    var j = i + 1
                    while j + 1 < c.count, !(c[j] == kind && c[j + 1] == "]") { j += 1 }
                    guard j + 1 < c.count, j == i + 2 else { throw .invalidCollation }
                    upper = c[i + 1]
                    i = j + 2
                }
                guard let a = low.unicodeScalars.first, let b = upper.unicodeScalars.first, a <= b else { throw .invalidRangeEnd }
                set.ranges.append(a...b)
            } else {
                set.characters.insert(low)
            }
        }
    }
}

private extension RegexNode {
    /// `^*` in BRE: a star right after a leading anchor is literal too.
    var isStartAnchor: Bool { if case .assertion(.textStart) = self { return true }; return false }
}
