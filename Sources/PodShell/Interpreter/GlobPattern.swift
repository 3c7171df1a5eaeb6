/// Shell pattern matching (`*`, `?`, `[a-z]`, `[!x]`, backslash escapes) for `case`,
/// `${x#pattern}` and pathname expansion.
enum GlobPattern {
    static func hasMeta(_ s: String) -> Bool { s.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// Escapes pattern characters so a quoted string matches literally.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "*" || c == "?" || c == "[" || c == "\\" || c == "]" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        matches(Array(pattern), 0, Array(text), 0)
    }

    static func matches(_ p: [Character], _ pi: Int, _ t: [Character], _ ti: Int) -> Bool {
        var pi = pi, ti = ti
        var starP = -1, starT = -1
        while ti < t.count {
            if pi < p.count {
                let c = p[pi]
                if c == "*" { starP = pi; starT = ti; pi += 1; continue }
                if c == "?" { pi += 1; ti += 1; continue }
                if c == "[", let (matched, next) = matchClass(p, pi, t[ti]) {
                    if matched { pi = next; ti += 1; continue }
                } else if c == "\\", pi + 1 < p.count {
                    if p[pi + 1] == t[ti] { pi += 2; ti += 1; continue }
                } else if c == t[ti] {
                    pi += 1; ti += 1; continue
                }
            }
            if starP >= 0 {
                pi = starP + 1
                starT += 1
                ti = starT
                continue
            }
            return false
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Matches a bracket expression at `p[start]`; nil when it is not a valid class (then `[` is literal).
    private static func matchClass(_ p: [Character], _ start: Int, _ ch: Character) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count, p[i] == "!" || p[i] == "^" { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < p.count {
            if p[i] == "]" && !first { return (matched != negate, i + 1) }
            first = false
            if p[i] == "[", i + 1 < p.count, p[i + 1] == ":" , let close = findClassEnd(p, i + 2) {
                let name = String(p[(i + 2)..<close])
                if namedClass(name, ch) { matched = true }
                i = close + 2
                continue
            }
            var lo = p[i]
            if lo == "\\", i + 1 < p.count { i += 1; lo = p[i] }
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                let hi = p[i + 2]
                if lo <= ch && ch <= hi { matched = true }
                i += 3
            } else {
                if lo == ch { matched = true }
                i += 1
            }
        }
        return nil
    }

    private static func findClassEnd(_ p: [Character], _ from: Int) -> Int? {
        var i = from
        while i + 1 < p.count {
            if p[i] == ":" && p[i + 1] == "]" { return i }
            i += 1
        }
        return nil
    }

    static func namedClass(_ name: String, _ ch: Character) -> Bool {
        switch name {
        case "alpha": return ch.isLetter
        case "digit": return ch.isASCIIDigit
        case "alnum": return ch.isLetter || ch.isNumber
        case "space": return ch.isWhitespace
        case "upper": return ch.isUppercase
        case "lower": return ch.isLowercase
        case "punct": return ch.isPunctuation || ch.isSymbol
        case "xdigit": return ch.isHexDigit
        case "blank": return ch == " " || ch == "\t"
        default: return false
        }
    }
}
