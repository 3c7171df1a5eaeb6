/// JSON text as Go's encoding/json writes it for kubectl: map keys sorted, `<`, `>` and `&`
/// escaped as \u003c \u003e \u0026, and either compact or indented with four spaces.
public enum JSONText {
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: nil, level: 0)
        return out
    }

    /// `json.MarshalIndent(v, "", "    ")`, the form of `kubectl get -o json`.
    public static func indented(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: "    ", level: 0)
        return out
    }

    static func write(_ v: JSONValue, into out: inout String, indent: String?, level: Int) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += formatNumber(d)
        case .string(let s): quote(s, into: &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "["
            for (n, e) in a.enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent, level + 1)
                write(e, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{"
            for (n, k) in o.keys.sorted().enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent, level + 1)
                quote(k, into: &out)
                out += indent == nil ? ":" : ": "
                write(o[k]!, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// Go's float formatting ('g'-like, shortest round-trip, no exponent for moderate values).
    static func formatNumber(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return "null" }
        if d == d.rounded() && abs(d) < 1e21 { return String(Int64(d)) }
        return String(d)
    }

    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
