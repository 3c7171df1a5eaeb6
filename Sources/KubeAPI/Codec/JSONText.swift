
/// `-o json` as Go's `encoding/json` writes unstructured objects: sorted keys, `"key": value`,
/// 4-space indent, HTML-safe escaping, Go's float formatting.
public enum JSONText {
    /// `json.MarshalIndent(v, "", "    ")` plus the trailing newline kubectl adds.
    public static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0, pretty: true)
        return out + "\n"
    }

    /// A Go struct marshalled by `encoding/json` (kubectl's own objects before they reach the server, as
    /// `--dry-run=client -o json` prints them): keys in the order the fields were filled, not sorted.
    public static func prettyInFieldOrder(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0, pretty: true, sortKeys: false)
        return out + "\n"
    }

    /// `json.Marshal` of a Go struct: compact, fields in the order they were written.
    public static func compactInFieldOrder(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0, pretty: false, sortKeys: false)
        return out
    }

    /// `json.Marshal(v)`: compact, as jsonpath prints maps and arrays.
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0, pretty: false)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, indent: Int, pretty: Bool, sortKeys: Bool = true) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += number(d)
        case .string(let s): out += quote(s)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                write(v, into: &out, indent: indent + 1, pretty: pretty, sortKeys: sortKeys)
            }
            if pretty { newline(&out, indent) }
            out += "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{"
            for (i, key) in (sortKeys ? o.keys.sorted() : Array(o.keys)).enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                out += quote(key)
                out += pretty ? ": " : ":"
                write(o[key] ?? .null, into: &out, indent: indent + 1, pretty: pretty, sortKeys: sortKeys)
            }
            if pretty { newline(&out, indent) }
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ level: Int) {
        out += "\n" + String(repeating: "    ", count: level)
    }

    /// A float64 as `encoding/json` prints it (`1e+21`, `1e-7`, `0.5`).
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let a = abs(d)
        if a != 0 && (a < 1e-6 || a >= 1e21) {
            let s = exponent(d)
            // Go trims the leading zero of a two-digit negative exponent: e-07 -> e-7.
            let chars = Array(s)
            let n = chars.count
            if n >= 4 && chars[n - 4] == "e" && chars[n - 3] == "-" && chars[n - 2] == "0" {
                return String(chars[0..<(n - 2)]) + String(chars[n - 1])
            }
            return s
        }
        if d == d.rounded(), a < 1e21 {
            if a < 9.2e18 { return String(Int64(d)) }
        }
        return "\(d)"
    }

    /// Go's `%e`-style shortest form: `1e+21`, `1.5e-07`.
    public static func exponent(_ d: Double) -> String {
        let s = "\(d)"  // Swift gives e.g. 1e+21 or 1.5e-07
        guard let eIndex = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return s }
        let mantissa = s[..<eIndex]
        var exp = s[s.index(after: eIndex)...]
        var sign = "+"
        if exp.first == "-" { sign = "-"; exp = exp.dropFirst() } else if exp.first == "+" { exp = exp.dropFirst() }
        var digits = String(exp)
        while digits.count < 2 { digits = "0" + digits }
        return "\(mantissa)e\(sign)\(digits)"
    }

    /// A JSON string literal with Go's escaping (`<`, `>`, `&`, U+2028/9 as `\u00xx`).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    out += "\\u00" + hex2(u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private static func hex2(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String(digits[Int(v >> 4)]) + String(digits[Int(v & 15)])
    }

}
