import KubeAPI

/// Go's quoting helpers as the template engine's messages use them.
enum GoQuote {
    /// `strconv.Quote` / `%q` of a string.
    static func quote(_ s: String) -> String { KubeAPI.GoFormat.quoted(s) }

    /// `%#U`: `U+0023 '#'`.
    static func unicodeNotation(_ r: Unicode.Scalar) -> String {
        let hex = String(r.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return r.properties.isPrintable ? "\(code) '\(r)'" : code
    }

    /// `%q` of an integer: a quoted character (`'A'`).
    static func quoteRune(_ v: Int64) -> String {
        guard v >= 0, v <= 0x10FFFF, let u = Unicode.Scalar(UInt32(v)) else { return "'\u{FFFD}'" }
        switch u {
        case "'": return "'\\''"
        case "\\": return "'\\\\'"
        case "\n": return "'\\n'"
        case "\t": return "'\\t'"
        case "\r": return "'\\r'"
        default:
            if u.value < 0x20 || u.value == 0x7F { return "'\\x" + String(format2hex: u.value) + "'" }
            return "'\(u)'"
        }
    }
}

extension Unicode.Scalar.Properties {
    /// Go's `unicode.IsPrint` for the characters templates meet: letters, marks, numbers, punctuation,
    /// symbols and the ASCII space.
    var isPrintable: Bool {
        switch generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
        case .spaceSeparator: return false
        default: return true
        }
    }
}

extension String {
    init(format2hex v: UInt32) {
        let digits = Array("0123456789abcdef")
        self = String(digits[Int((v >> 4) & 15)]) + String(digits[Int(v & 15)])
    }
}
