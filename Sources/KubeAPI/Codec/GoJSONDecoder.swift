/// Strict JSON decoding with Go's `encoding/json` syntax errors (`unexpected end of JSON input`,
/// `invalid character 's' looking for beginning of object key string`), for request bodies the
/// API server decodes as JSON, such as patches. Nesting is bounded as Go's decoder bounds it.
public enum GoJSONDecoder {
    public struct SyntaxError: Error, Equatable, Sendable {
        public let message: String
    }

    static let maxDepth = 10_000

    public static func decode(_ text: String) throws(SyntaxError) -> JSONValue {
        var p = Parser(bytes: Array(text.utf8))
        p.skipSpace()
        let value = try p.value(depth: 0)
        p.skipSpace()
        if p.i < p.bytes.count { throw p.invalid("after top-level value") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        var end: SyntaxError { SyntaxError(message: "unexpected end of JSON input") }

        /// `invalid character 'x' <context>` with Go's quoting of the byte.
        func invalid(_ context: String) -> SyntaxError {
            guard i < bytes.count else { return end }
            let c = bytes[i]
            let shown: String
            switch c {
            case UInt8(ascii: "'"): shown = "'\\''"
            case UInt8(ascii: "\""): shown = "'\"'"
            case 0x20..<0x7f: shown = "'" + String(UnicodeScalar(c)) + "'"
            case UInt8(ascii: "\n"): shown = "'\\n'"
            case UInt8(ascii: "\t"): shown = "'\\t'"
            case UInt8(ascii: "\r"): shown = "'\\r'"
            default: shown = "'\\x" + String(c, radix: 16) + "'"
            }
            return SyntaxError(message: "invalid character \(shown) \(context)")
        }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[i]) { i += 1 }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            guard i < bytes.count else { throw end }
            guard depth < GoJSONDecoder.maxDepth else { throw SyntaxError(message: "exceeded max depth") }
            switch bytes[i] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw invalid("looking for beginning of value")
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
            i += 1
            var o = JSONObject()
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(o) }
            while true {
                skipSpace()
                guard i < bytes.count else { throw end }
                guard bytes[i] == UInt8(ascii: "\"") else { throw invalid("looking for beginning of object key string") }
                let key = try string()
                skipSpace()
                guard i < bytes.count else { throw end }
                guard bytes[i] == UInt8(ascii: ":") else { throw invalid("after object key") }
                i += 1
                skipSpace()
                o[key] = try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw end }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(o) }
                throw invalid("after object key:value pair")
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
            i += 1
            var a: [JSONValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(a) }
            while true {
                skipSpace()
                a.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw end }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(a) }
                throw invalid("after array element")
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            for (n, expected) in word.utf8.enumerated() {
                guard i < bytes.count else { throw end }
                guard bytes[i] == expected else {
                    throw invalid("in literal \(word) (expecting '\(String(UnicodeScalar(expected)))')")
                }
                _ = n
                i += 1
            }
        }

        mutating func number() throws(SyntaxError) -> JSONValue {
            let start = i
            if bytes[i] == UInt8(ascii: "-") {
                i += 1
                guard i < bytes.count else { throw end }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw invalid("in numeric literal") }
            }
            func digits(_ p: inout Parser) { while p.i < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.i]) { p.i += 1 } }
            if bytes[i] == UInt8(ascii: "0") { i += 1 } else { digits(&self) }
            var integral = true
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                integral = false
                i += 1
                guard i < bytes.count else { throw end }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw invalid("after decimal point in numeric literal") }
                digits(&self)
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                integral = false
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard i < bytes.count else { throw end }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw invalid("in exponent of numeric literal") }
                digits(&self)
            }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            if integral, let n = Int(text) { return .int(n) }
            return .double(Double(text) ?? 0)
        }

        mutating func string() throws(SyntaxError) -> String {
            i += 1
            var out: [UInt8] = []
            while true {
                guard i < bytes.count else { throw end }
                let c = bytes[i]
                if c == UInt8(ascii: "\"") { i += 1; break }
                if c < 0x20 { throw invalid("in string literal") }
                if c == UInt8(ascii: "\\") {
                    i += 1
                    guard i < bytes.count else { throw end }
                    switch bytes[i] {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5c)
                    case UInt8(ascii: "/"): out.append(0x2f)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0c)
                    case UInt8(ascii: "n"): out.append(0x0a)
                    case UInt8(ascii: "r"): out.append(0x0d)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard i + 4 < bytes.count else { throw end }
                        let hex = String(decoding: bytes[(i + 1)...(i + 4)], as: UTF8.self)
                        guard let v = UInt32(hex, radix: 16) else { i += 1; throw invalid("in \\u hexadecimal character escape") }
                        out.append(contentsOf: Array(String(UnicodeScalar(v).map(Character.init) ?? "\u{FFFD}").utf8))
                        i += 4
                    default:
                        throw invalid("in string escape code")
                    }
                    i += 1
                    continue
                }
                out.append(c)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
