import KubeAPI

/// The name suffix of a ControllerRevision: FNV-1 (32-bit) over the revision's JSON patch plus the
/// collision count, printed in decimal and mapped onto the apiserver's 27-letter alphabet
/// (`rand.SafeEncodeString`), as `controller/history.HashControllerRevision` does. The same template
/// therefore always gives the same `web-6bc8d7b9f5`-style name.
enum RevisionHash {
    static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789".utf8)

    static func hash(of data: JSONValue, collisionCount: Int) -> String {
        var bytes = Array(compactJSON(data).utf8)
        bytes.append(contentsOf: Array(String(collisionCount).utf8))
        return safeEncode(String(fnv1(bytes)))
    }

    static func fnv1(_ bytes: [UInt8]) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes {
            h = h &* 16_777_619
            h ^= UInt32(b)
        }
        return h
    }

    static func safeEncode(_ text: String) -> String {
        String(decoding: text.utf8.map { alphabet[Int($0) % alphabet.count] }, as: UTF8.self)
    }

    /// Go's `json.Marshal` of an unstructured map: no spaces, keys sorted, HTML characters escaped.
    static func compactJSON(_ value: JSONValue) -> String {
        var out = ""
        out.reserveCapacity(1024)
        write(value, to: &out)
        return out
    }

    private static func write(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += goFloat(d)
        case .string(let s): writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, key) in members.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }).enumerated() {
                if i > 0 { out += "," }
                writeString(key, to: &out)
                out += ":"
                write(members[key] ?? .null, to: &out)
            }
            out += "}"
        }
    }

    private static func goFloat(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded() && abs(d) < 9e15 { return String(Int64(d)) }
        return String(d)
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(u.value)
            default:
                if u.value < 0x20 { out += "\\u" + hex4(u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        for shift in stride(from: 12, through: 0, by: -4) { s.append(digits[Int((v >> UInt32(shift)) & 0xF)]) }
        return s
    }
}
