/// Number and character literals as Go's template parser reads them (`newNumber`): `0x10`, `1_000`,
/// `017`, `1e6`, `'a'`, each with the int/uint/float readings it allows.
enum GoNumberLiteral {
    struct Failure: Error { let message: String }

    static func parse(_ text: String, pos: Int, isChar: Bool) throws(Failure) -> GoTemplateNumber {
        var n = GoTemplateNumber(pos: pos, text: text)
        if isChar {
            guard let s = GoUnquote.unquoteExtended(text) else { throw Failure(message: "invalid syntax") }
            guard s.unicodeScalars.count == 1, let r = s.unicodeScalars.first else {
                throw Failure(message: "malformed character constant: \(text)")
            }
            n.int64 = Int64(r.value)
            n.uint64 = UInt64(r.value)
            n.float64 = Double(r.value)
            n.isInt = true
            n.isUint = true
            n.isFloat = true
            return n
        }
        if text.hasSuffix("i") { throw Failure(message: "kubelab does not evaluate complex number \(GoQuote.quote(text))") }
        if let u = parseUint(text) {
            n.isUint = true
            n.uint64 = u
        }
        if let i = parseInt(text) {
            n.isInt = true
            n.int64 = i
            if i == 0 { n.isUint = true; n.uint64 = 0 }
        }
        if n.isInt {
            n.isFloat = true
            n.float64 = Double(n.int64)
        } else if n.isUint {
            n.isFloat = true
            n.float64 = Double(n.uint64)
        } else if let f = parseFloat(text) {
            if !text.contains(where: { ".eEpP".contains($0) }) {
                throw Failure(message: "integer overflow: \(GoQuote.quote(text))")
            }
            n.isFloat = true
            n.float64 = f
            if f.isFinite, f >= -9.223372036854775808e18, f < 9.223372036854775808e18, Double(Int64(f)) == f {
                n.isInt = true
                n.int64 = Int64(f)
            }
            if f.isFinite, f >= 0, f < 1.8446744073709551616e19, Double(UInt64(f)) == f {
                n.isUint = true
                n.uint64 = UInt64(f)
            }
        }
        if !n.isInt && !n.isUint && !n.isFloat { throw Failure(message: "illegal number syntax: \(GoQuote.quote(text))") }
        return n
    }

    /// `strconv.ParseUint(s, 0, 64)`: base prefixes, a leading 0 for octal, `_` between digits.
    static func parseUint(_ text: String) -> UInt64? {
        var s = Substring(text)
        guard !s.isEmpty else { return nil }
        var base: UInt64 = 10
        if s.hasPrefix("0x") || s.hasPrefix("0X") { base = 16; s = s.dropFirst(2) }
        else if s.hasPrefix("0o") || s.hasPrefix("0O") { base = 8; s = s.dropFirst(2) }
        else if s.hasPrefix("0b") || s.hasPrefix("0B") { base = 2; s = s.dropFirst(2) }
        else if s.hasPrefix("0") && s.count > 1 { base = 8; s = s.dropFirst() }
        guard underscoresOK(text), !s.isEmpty else { return nil }
        var v: UInt64 = 0
        var digits = 0
        for c in s {
            if c == "_" { continue }
            guard let d = c.hexDigitValue, UInt64(d) < base else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { return nil }
            v = a
            digits += 1
        }
        return digits > 0 ? v : nil
    }

    /// `strconv.ParseInt(s, 0, 64)`: an optional sign, then as `parseUint`.
    static func parseInt(_ text: String) -> Int64? {
        var s = Substring(text)
        var negative = false
        if s.hasPrefix("+") { s = s.dropFirst() } else if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
        guard let u = parseUint(String(s)) else { return nil }
        if negative {
            if u <= UInt64(Int64.max) { return -Int64(u) }
            return u == UInt64(Int64.max) + 1 ? Int64.min : nil
        }
        return u <= UInt64(Int64.max) ? Int64(u) : nil
    }

    /// `strconv.ParseFloat(s, 64)` for decimal and hexadecimal (`0x1p-2`) forms.
    static func parseFloat(_ text: String) -> Double? {
        guard underscoresOK(text) else { return nil }
        let s = text.filter { $0 != "_" }
        let body = s.hasPrefix("-") || s.hasPrefix("+") ? String(s.dropFirst()) : s
        guard let first = body.first, first.isNumber || first == "." else { return nil }
        if body.lowercased().hasPrefix("0x") && !body.lowercased().contains("p") { return nil }
        // Go reports a range error (and the parser an illegal number) where Swift would round to infinity.
        guard let d = Double(s), d.isFinite else { return nil }
        return d
    }

    /// Go's `underscoreOK`: `_` only between digits (or after a base prefix).
    static func underscoresOK(_ text: String) -> Bool {
        guard text.contains("_") else { return true }
        var chars = Array(text.lowercased())
        if chars.first == "+" || chars.first == "-" { chars.removeFirst() }
        var saw: Character = "^"
        var i = 0
        var hex = false
        if chars.count >= 2 && chars[0] == "0" && "xbo".contains(chars[1]) {
            hex = chars[1] == "x"
            i = 2
            saw = "0"
        }
        while i < chars.count {
            let c = chars[i]
            if c.isNumber || (hex && "abcdef".contains(c)) { saw = "0" }
            else if c == "_" {
                if saw != "0" { return false }
                saw = "_"
            } else {
                if saw == "_" { return false }
                saw = "!"
            }
            i += 1
        }
        return saw != "_"
    }
}
