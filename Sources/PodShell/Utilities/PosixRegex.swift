/// POSIX basic/extended regular expressions translated to Swift `Regex` syntax, shared by
/// `grep`, `sed`, `awk` and `expr`.
enum PosixRegex {
    enum Flavor { case basic, extended, fixed }

    /// Translates a POSIX pattern into Swift regex syntax.
    static func translate(_ pattern: String, flavor: Flavor) -> String {
        if flavor == .fixed { return escapeAll(pattern) }
        var out = ""
        let c = Array(pattern)
        var i = 0
        var inBracket = false
        while i < c.count {
            let ch = c[i]
            if inBracket {
                if ch == "[", i + 1 < c.count, c[i + 1] == ":" || c[i + 1] == "." || c[i + 1] == "=" {
                    // [:class:] stays as is.
                    if let end = findClose(c, from: i + 2, close: c[i + 1]) {
                        out += String(c[i...(end + 1)])
                        i = end + 2
                        continue
                    }
                }
                if ch == "]" && !(out.hasSuffix("[") || out.hasSuffix("[^")) { inBracket = false; out.append("]"); i += 1; continue }
                if ch == "\\" || ch == "[" || ch == "&" || ch == "~" || ch == "-" && false { out += "\\" + String(ch); i += 1; continue }
                out.append(ch)
                i += 1
                continue
            }
            if ch == "[" {
                inBracket = true
                out.append("[")
                i += 1
                if i < c.count, c[i] == "^" { out.append("^"); i += 1 }
                if i < c.count, c[i] == "]" { out += "\\]"; i += 1 }
                continue
            }
            if ch == "\\", i + 1 < c.count {
                let n = c[i + 1]
                i += 2
                if flavor == .basic && "(){}|+?".contains(n) { out.append(n); continue }
                if n == "<" || n == ">" { out += "\\b"; continue }
                if "wWsSbB".contains(n) || n.isASCIIDigit { out += "\\" + String(n); continue }
                if n == "n" { out += "\\n"; continue }
                if n == "t" { out += "\\t"; continue }
                out += escapeAll(String(n))
                continue
            }
            if flavor == .basic && "(){}|+?".contains(ch) { out += "\\" + String(ch); i += 1; continue }
            if flavor == .basic && ch == "*" && (out.isEmpty || out.hasSuffix("^") && i == 1) { out += "\\*"; i += 1; continue }
            if ch == "{" && flavor == .extended {
                // A brace that does not start a valid interval is literal.
                var j = i + 1
                while j < c.count, c[j].isASCIIDigit || c[j] == "," { j += 1 }
                if !(j < c.count && c[j] == "}" && j > i + 1) { out += "\\{"; i += 1; continue }
            }
            if "/#\"'`@%&~ ".contains(ch) { out += ch == " " ? " " : "\\" + String(ch); i += 1; continue }
            out.append(ch)
            i += 1
        }
        return out
    }

    private static func findClose(_ c: [Character], from: Int, close: Character) -> Int? {
        var i = from
        while i + 1 < c.count {
            if c[i] == close && c[i + 1] == "]" { return i }
            i += 1
        }
        return nil
    }

    static func escapeAll(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isLetter || ch.isNumber || ch == " " || ch == "_" || !ch.isASCII { out.append(ch) } else { out += "\\" + String(ch) }
        }
        return out
    }

    /// Compiles a POSIX pattern; nil when it is not valid.
    static func compile(_ pattern: String, flavor: Flavor, ignoreCase: Bool = false, wholeWord: Bool = false, wholeLine: Bool = false) -> Regex<AnyRegexOutput>? {
        var translated = translate(pattern, flavor: flavor)
        if wholeWord { translated = "\\b(?:" + translated + ")\\b" }
        if wholeLine { translated = "^(?:" + translated + ")$" }
        guard var regex = try? Regex(translated) else { return nil }
        if ignoreCase { regex = regex.ignoresCase() }
        return regex.anchorsMatchLineEndings(false)
    }
}
