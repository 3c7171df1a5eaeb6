/// How sigs.k8s.io/yaml (go-yaml v2) decides to write a string: plain, 'single', "double" or `|` literal.
///
/// Two steps, as in go-yaml: the encoder asks for double quotes when the plain text would read back
/// as something other than a string (`"True"`, `"123"`, `"2024-01-01"`) and for a literal block when
/// the text has a line break; then the emitter's scalar analysis downgrades styles the characters
/// do not allow (indicators, leading/trailing spaces, control characters).
enum YAMLScalarStyle: Equatable {
    case plain, singleQuoted, doubleQuoted, literal

    static func choose(_ s: String, simpleKey: Bool) -> YAMLScalarStyle {
        var requested: YAMLScalarStyle
        if s.unicodeScalars.contains("\n") {
            requested = .literal
        } else if YAMLResolver.resolvesToNonString(s) {
            requested = .doubleQuoted
        } else {
            requested = .plain
        }
        let a = Analysis(s)
        if requested == .plain {
            if !a.blockPlainAllowed { requested = .singleQuoted }
            if s.isEmpty && simpleKey { requested = .singleQuoted }
            if simpleKey && a.multiline { requested = .singleQuoted }
        }
        if requested == .singleQuoted && !a.singleQuotedAllowed { requested = .doubleQuoted }
        if requested == .literal && (!a.blockAllowed || simpleKey) { requested = .doubleQuoted }
        return requested
    }

    /// libyaml's `yaml_emitter_analyze_scalar`, for block context.
    struct Analysis {
        var blockPlainAllowed = true
        var singleQuotedAllowed = true
        var blockAllowed = true
        var multiline = false

        init(_ s: String) {
            let u = Array(s.unicodeScalars)
            if u.isEmpty {
                blockPlainAllowed = true
                singleQuotedAllowed = true
                blockAllowed = false
                return
            }
            var blockIndicators = false
            var specialCharacters = false
            var lineBreaks = false
            var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
            var breakSpace = false, spaceBreak = false
            var previousSpace = false, previousBreak = false
            if u.count >= 3 {
                let head = String(String.UnicodeScalarView(u[0..<3]))
                if head == "---" || head == "..." { blockIndicators = true }
            }
            var precededByWhitespace = true
            for i in 0..<u.count {
                let c = u[i]
                let followedByWhitespace = i + 1 >= u.count || YAMLScalarStyle.isBlank(u[i + 1])
                if i == 0 {
                    switch c {
                    case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`":
                        blockIndicators = true
                    case "?", ":":
                        if followedByWhitespace { blockIndicators = true }
                    case "-":
                        if followedByWhitespace { blockIndicators = true }
                    default: break
                    }
                } else {
                    switch c {
                    case ":":
                        if followedByWhitespace { blockIndicators = true }
                    case "#":
                        if precededByWhitespace { blockIndicators = true }
                    default: break
                    }
                }
                if !YAMLScalarStyle.isPrintable(c) { specialCharacters = true }
                if c == " " {
                    if i == 0 { leadingSpace = true }
                    if i == u.count - 1 { trailingSpace = true }
                    if previousBreak { breakSpace = true }
                    previousSpace = true
                    previousBreak = false
                } else if YAMLScalarStyle.isBreak(c) {
                    lineBreaks = true
                    if i == 0 { leadingBreak = true }
                    if i == u.count - 1 { trailingBreak = true }
                    if previousSpace { spaceBreak = true }
                    previousSpace = false
                    previousBreak = true
                } else {
                    previousSpace = false
                    previousBreak = false
                }
                precededByWhitespace = YAMLScalarStyle.isBlank(c) || YAMLScalarStyle.isBreak(c)
            }
            multiline = lineBreaks
            if leadingSpace || leadingBreak || trailingSpace || trailingBreak { blockPlainAllowed = false }
            if trailingSpace { blockAllowed = false }
            if breakSpace { blockPlainAllowed = false; singleQuotedAllowed = false }
            if spaceBreak || specialCharacters {
                blockPlainAllowed = false
                singleQuotedAllowed = false
                blockAllowed = false
            }
            if lineBreaks { blockPlainAllowed = false }
            if blockIndicators { blockPlainAllowed = false }
        }
    }

    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\r" || c == "\n" || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029
    }

    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v == 0x0A || (v >= 0x20 && v <= 0x7E) || v == 0x85 || (v >= 0xA0 && v <= 0xD7FF)
            || (v >= 0xE000 && v <= 0xFFFD && v != 0xFEFF) || (v >= 0x10000 && v <= 0x10FFFF)
    }
}

/// go-yaml v2's implicit-tag resolution: which plain texts would load as bool, int, float, null or timestamp.
enum YAMLResolver {
    private static let special: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
        "", "~", "null", "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
        "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ]

    static func resolvesToNonString(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return true }
        let hintChars = "+-0123456789yYnNtTfFoO~."
        guard hintChars.unicodeScalars.contains(first) else { return false }
        if special.contains(s) { return true }
        if first == "." { return isGoFloat(s) }
        if "yYnNtTfFoO~".unicodeScalars.contains(first) { return false }
        if first.properties.numericType != nil, isTimestamp(s) { return true }
        let plain = String(s.filter { $0 != "_" })
        if isGoInt(plain) { return true }
        if isYAMLStyleFloat(plain) { return true }
        if plain.hasPrefix("0b") || plain.hasPrefix("-0b") { return isBinary(plain) }
        return isBase60Float(s)
    }

    /// `strconv.ParseInt(s, 0, 64)` / `ParseUint` syntax (overflow still counts: the float check catches it).
    static func isGoInt(_ s: String) -> Bool {
        var u = Substring(s)
        if u.hasPrefix("+") || u.hasPrefix("-") { u = u.dropFirst() }
        guard !u.isEmpty else { return false }
        let lower = u.lowercased()
        func all(_ body: Substring, _ ok: (Character) -> Bool) -> Bool { !body.isEmpty && body.allSatisfy(ok) }
        if lower.hasPrefix("0x") { return all(Substring(lower.dropFirst(2)), { $0.isHexDigit }) }
        if lower.hasPrefix("0o") { return all(Substring(lower.dropFirst(2)), { ("0"..."7").contains($0) }) }
        if lower.hasPrefix("0b") { return all(Substring(lower.dropFirst(2)), { $0 == "0" || $0 == "1" }) }
        if lower.hasPrefix("0") && lower.count > 1 { return all(Substring(lower.dropFirst()), { ("0"..."7").contains($0) }) }
        return all(Substring(lower), { $0.isASCII && $0.isNumber })
    }

    private static func isBinary(_ s: String) -> Bool {
        let body = s.hasPrefix("-") ? s.dropFirst(3) : s.dropFirst(2)
        return !body.isEmpty && body.allSatisfy { $0 == "0" || $0 == "1" }
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat(_ s: String) -> Bool {
        var c = Array(s.unicodeScalars)[...]
        func digits() -> Int {
            var n = 0
            while let f = c.first, f.properties.numericType != nil, f.isASCII { c = c.dropFirst(); n += 1 }
            return n
        }
        if let f = c.first, f == "+" || f == "-" { c = c.dropFirst() }
        if c.first == "." {
            c = c.dropFirst()
            if digits() == 0 { return false }
        } else {
            if digits() == 0 { return false }
            if c.first == "." { c = c.dropFirst(); _ = digits() }
        }
        if let f = c.first, f == "e" || f == "E" {
            c = c.dropFirst()
            if let g = c.first, g == "+" || g == "-" { c = c.dropFirst() }
            if digits() == 0 { return false }
        }
        return c.isEmpty
    }

    /// What `strconv.ParseFloat` accepts for texts starting with `.` (only `.5`, `.5e3` forms matter).
    private static func isGoFloat(_ s: String) -> Bool { isYAMLStyleFloat(s) }

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`
    static func isBase60Float(_ s: String) -> Bool {
        var c = Array(s.unicodeScalars)[...]
        func isDigit(_ x: Unicode.Scalar?) -> Bool { x.map { $0.value >= 48 && $0.value <= 57 } ?? false }
        if let f = c.first, f == "+" || f == "-" { c = c.dropFirst() }
        guard isDigit(c.first) else { return false }
        c = c.dropFirst()
        while let f = c.first, isDigit(f) || f == "_" { c = c.dropFirst() }
        var groups = 0
        while c.first == ":" {
            c = c.dropFirst()
            var n = 0
            var ds: [UInt32] = []
            while isDigit(c.first), n < 2 { ds.append(c.first!.value - 48); c = c.dropFirst(); n += 1 }
            if n == 0 { return false }
            if n == 2 && ds[0] > 5 { return false }
            groups += 1
        }
        if groups == 0 { return false }
        if c.first == "." {
            c = c.dropFirst()
            while let f = c.first, isDigit(f) || f == "_" { c = c.dropFirst() }
        }
        return c.isEmpty
    }

    /// go-yaml's timestamp forms: `2006-1-2T15:4:5.999999999Z07:00`, `2006-1-2t...`, `2006-1-2 15:4:5.999999999`, `2006-1-2`.
    static func isTimestamp(_ s: String) -> Bool {
        let c = Array(s.unicodeScalars)
        var i = 0
        func num(max: Int) -> Int? {
            var v = 0
            var n = 0
            while i < c.count, n < max, c[i].value >= 48, c[i].value <= 57 { v = v * 10 + Int(c[i].value - 48); i += 1; n += 1 }
            return n == 0 ? nil : v
        }
        func expect(_ ch: Unicode.Scalar) -> Bool {
            guard i < c.count, c[i] == ch else { return false }
            i += 1
            return true
        }
        var digits = 0
        while digits < c.count, c[digits].value >= 48, c[digits].value <= 57 { digits += 1 }
        guard digits == 4 else { return false }
        i = 4
        guard expect("-"), let month = num(max: 2), (1...12).contains(month), expect("-"),
              let day = num(max: 2), (1...31).contains(day) else { return false }
        if i == c.count { return true }
        let sep = c[i]
        guard sep == "T" || sep == "t" || sep == " " else { return false }
        i += 1
        guard let h = num(max: 2), h < 24, expect(":"), let m = num(max: 2), m < 60, expect(":"),
              let sec = num(max: 2), sec < 60 else { return false }
        if i < c.count, c[i] == "." {
            i += 1
            guard num(max: 9) != nil else { return false }
        }
        if i == c.count { return sep == " " ? true : false }
        guard sep != " " else { return false }
        if c[i] == "Z" { i += 1; return i == c.count }
        guard c[i] == "+" || c[i] == "-" else { return false }
        i += 1
        guard let zh = num(max: 2), zh < 24, expect(":"), let zm = num(max: 2), zm < 60 else { return false }
        return i == c.count
    }
}
