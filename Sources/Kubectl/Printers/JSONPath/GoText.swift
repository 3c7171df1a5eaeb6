import KubeAPI

/// Go's `strconv` unquoting, as client-go's `UnquoteExtend` applies it to `{"\n"}` and `{'x'}`.
enum GoUnquote {
    static func unquoteExtended(_ s: String) -> String? {
        let chars = Array(s.unicodeScalars)
        guard chars.count >= 2, let q = chars.first, q == chars.last, q == "\"" || q == "'" else { return nil }
        var out = String.UnicodeScalarView()
        var i = 1
        let end = chars.count - 1
        func hex(_ n: Int) -> UInt32? {
            guard i + n <= end else { return nil }
            var v: UInt32 = 0
            for k in 0..<n {
                guard let d = Int(String(chars[i + k]), radix: 16) else { return nil }
                v = v * 16 + UInt32(d)
            }
            i += n
            return v
        }
        while i < end {
            let c = chars[i]
            if c == q { return nil }
            if c != "\\" { out.append(c); i += 1; continue }
            i += 1
            guard i < end else { return nil }
            let e = chars[i]
            i += 1
            switch e {
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "\\": out.append("\\")
            case "'", "\"":
                guard e == q else { return nil }
                out.append(e)
            case "x":
                guard let v = hex(2), let u = Unicode.Scalar(v) else { return nil }
                out.append(u)
            case "u":
                guard let v = hex(4), let u = Unicode.Scalar(v) else { return nil }
                out.append(u)
            case "U":
                guard let v = hex(8), let u = Unicode.Scalar(v) else { return nil }
                out.append(u)
            case "0"..."7":
                var v = UInt32(e.value - 48)
                for _ in 0..<2 {
                    guard i < end, ("0"..."7").contains(chars[i]) else { return nil }
                    v = v * 8 + (chars[i].value - 48)
                    i += 1
                }
                guard v <= 255, let u = Unicode.Scalar(v) else { return nil }
                out.append(u)
            default: return nil
            }
        }
        return String(out)
    }
}

/// Go's `fmt` renderings of decoded JSON (`map[string]interface{}` trees), used where kubectl
/// prints values with `fmt.Sprint` (custom-columns) or `%#v` (jsonpath debugging output).
enum GoFormat {
    /// `%v` of a float64: shortest digits, exponent form below 1e-4 or from 1e21.
    static func float(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "+Inf" : "-Inf" }
        if d == d.rounded(), abs(d) < 1e21 { return String(Int64(d)) }
        let a = abs(d)
        if a >= 1e-4 && a < 1e21 { return "\(d)" }
        return exponent(d)
    }

    static func exponent(_ d: Double) -> String { JSONText.exponent(d) }

    /// `fmt.Sprint(v)`: `map[a:1 b:x]`, `[a b]`, `<nil>` (the go-template engine's `%v`).
    static func plain(_ v: JSONValue) -> String {
        if case .null = v { return "<nil>" }
        return GoFmt.plain(GoTemplateValue(json: v, boxed: false))
    }

    /// `fmt.Sprintf("%#v", v)` of an unstructured value.
    static func goSyntax(_ v: JSONValue) -> String {
        switch v {
        case .null: return "interface {}(nil)"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return float(d)
        case .string(let s): return KubeAPI.GoFormat.quoted(s)
        case .array(let a): return "[]interface {}{" + a.map { goSyntax($0) }.joined(separator: ", ") + "}"
        case .object(let o):
            let body = o.keys.sorted().map { "\(KubeAPI.GoFormat.quoted($0)):\(goSyntax(o[$0] ?? .null))" }
            return "map[string]interface {}{" + body.joined(separator: ", ") + "}"
        }
    }
}
