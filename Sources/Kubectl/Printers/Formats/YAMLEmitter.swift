import KubeAPI

/// `-o yaml` as sigs.k8s.io/yaml writes it: sorted keys, 2-space indent, sequences not indented
/// under their key, go-yaml v2 quoting, and plain/quoted strings folded at column 80.
public enum YAMLEmitter {
    static let bestWidth = 80

    /// One YAML document for an object (no `---`).
    public static func document(_ value: JSONValue) -> String {
        var w = Writer()
        switch value {
        case .object(let o) where !o.isEmpty:
            w.mapping(SortedMapping(o), indent: 0)
        case .array(let a) where !a.isEmpty:
            w.sequence(a, indent: 0)
        default:
            w.scalarOrEmpty(value, indent: 0, context: .top)
            w.newline()
        }
        return w.out
    }

    /// Several documents as kubectl's YAML printer prints them on repeated calls: `---` before each
    /// document after the first.
    public static func documents(_ values: [JSONValue]) -> String {
        values.enumerated().map { i, v in (i > 0 ? "---\n" : "") + document(v) }.joined()
    }

    enum Context { case top, mapValue, sequenceItem, key }

    struct Writer {
        var out = ""
        var column = 0

        mutating func put(_ s: String) {
            out += s
            if let nl = s.lastIndex(of: "\n") {
                column = s[s.index(after: nl)...].unicodeScalars.count
            } else {
                column += s.unicodeScalars.count
            }
        }

        mutating func newline() { out += "\n"; column = 0 }

        mutating func indent(_ n: Int) {
            if n > 0 { out += String(repeating: " ", count: n) }
            column = n
        }

        /// A block mapping; the cursor already sits where the first key goes, later keys start at `indent`.
        mutating func mapping(_ o: SortedMapping, indent: Int) {
            for (i, key) in o.sortedKeys.enumerated() {
                if i > 0 { self.indent(indent) }
                writeString(key, continuationIndent: indent + 2, context: .key)
                put(":")
                let value = o[key]
                switch value {
                case .object(let child) where !child.isEmpty:
                    newline()
                    self.indent(indent + 2)
                    mapping(SortedMapping(child), indent: indent + 2)
                case .array(let items) where !items.isEmpty:
                    newline()
                    self.indent(indent)
                    sequence(items, indent: indent)
                default:
                    put(" ")
                    scalarOrEmpty(value, indent: indent + 2, context: .mapValue)
                    if column != 0 { newline() }
                }
            }
        }

        /// A block sequence whose dashes sit at `indent`; the cursor already sits at the first dash.
        mutating func sequence(_ items: [JSONValue], indent: Int) {
            for (i, item) in items.enumerated() {
                if i > 0 { self.indent(indent) }
                put("- ")
                switch item {
                case .object(let child) where !child.isEmpty:
                    mapping(SortedMapping(child), indent: indent + 2)
                case .array(let inner) where !inner.isEmpty:
                    sequence(inner, indent: indent + 2)
                default:
                    scalarOrEmpty(item, indent: indent + 2, context: .sequenceItem)
                    if column != 0 { newline() }
                }
            }
        }

        mutating func scalarOrEmpty(_ v: JSONValue, indent: Int, context: Context) {
            switch v {
            case .null: put("null")
            case .bool(let b): put(b ? "true" : "false")
            case .int(let i): put(String(i))
            case .double(let d): put(YAMLEmitter.float(d))
            case .string(let s): writeString(s, continuationIndent: indent, context: context)
            case .array: put("[]")
            case .object: put("{}")
            }
        }

        mutating func writeString(_ s: String, continuationIndent ci: Int, context: Context) {
            let style = YAMLScalarStyle.choose(s, simpleKey: context == .key)
            let allowBreaks = context != .key
            let u = Array(s.unicodeScalars)
            switch style {
            case .plain:
                var spaces = false
                var i = 0
                while i < u.count {
                    let c = u[i]
                    if c == " " {
                        if allowBreaks && !spaces && column > bestWidth && !(i + 1 < u.count && u[i + 1] == " ") {
                            newline(); indent(ci)
                        } else {
                            put(String(c))
                        }
                        spaces = true
                    } else {
                        put(String(c))
                        spaces = false
                    }
                    i += 1
                }
            case .singleQuoted:
                put("'")
                var spaces = false
                for (i, c) in u.enumerated() {
                    if c == " " {
                        if allowBreaks && !spaces && column > bestWidth && i != 0 && i != u.count - 1
                            && !(i + 1 < u.count && u[i + 1] == " ")
                        {
                            newline(); indent(ci)
                        } else {
                            put(" ")
                        }
                        spaces = true
                    } else {
                        if c == "'" { put("'") }
                        put(String(c))
                        spaces = false
                    }
                }
                put("'")
            case .doubleQuoted:
                put("\"")
                var spaces = false
                for (i, c) in u.enumerated() {
                    if let escape = Self.escape(c) {
                        put(escape)
                        spaces = false
                    } else if c == " " {
                        if allowBreaks && !spaces && column > bestWidth && i != 0 && i != u.count - 1 {
                            newline(); indent(ci)
                            if i + 1 < u.count && u[i + 1] == " " { put("\\") }
                        } else {
                            put(" ")
                        }
                        spaces = true
                    } else {
                        put(String(c))
                        spaces = false
                    }
                }
                put("\"")
            case .literal:
                put("|")
                if let f = u.first, f == " " || YAMLScalarStyle.isBreak(f) { put("2") }
                put(Self.chomp(u))
                newline()
                var breaks = true
                for c in u {
                    if YAMLScalarStyle.isBreak(c) {
                        newline()
                        breaks = true
                    } else {
                        if breaks { indent(ci); breaks = false }
                        put(String(c))
                    }
                }
            }
        }

        static func chomp(_ u: [Unicode.Scalar]) -> String {
            guard let last = u.last else { return "-" }
            if !YAMLScalarStyle.isBreak(last) { return "-" }
            if u.count == 1 { return "+" }
            return YAMLScalarStyle.isBreak(u[u.count - 2]) ? "+" : ""
        }

        static func escape(_ c: Unicode.Scalar) -> String? {
            let v = c.value
            let needs = !YAMLScalarStyle.isPrintable(c) || v == 0xFEFF || YAMLScalarStyle.isBreak(c) || c == "\""
                || c == "\\"
            guard needs else { return nil }
            switch v {
            case 0x00: return "\\0"
            case 0x07: return "\\a"
            case 0x08: return "\\b"
            case 0x09: return "\\t"
            case 0x0A: return "\\n"
            case 0x0B: return "\\v"
            case 0x0C: return "\\f"
            case 0x0D: return "\\r"
            case 0x1B: return "\\e"
            case 0x22: return "\\\""
            case 0x5C: return "\\\\"
            case 0x85: return "\\N"
            case 0xA0: return "\\_"
            case 0x2028: return "\\L"
            case 0x2029: return "\\P"
            default:
                let hex = String(v, radix: 16, uppercase: true)
                if v <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
                if v <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
                return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
            }
        }
    }

    /// A float64 after the JSON round trip sigs.k8s.io/yaml makes: integral values become ints,
    /// others use Go's `%g` with the shortest digits.
    static func float(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d > 0 ? ".inf" : "-.inf" }
        if d == d.rounded() && abs(d) < 1e21 { return String(Int64(d)) }
        let a = abs(d)
        var exp = 0
        var x = a
        while x >= 10 { x /= 10; exp += 1 }
        while x < 1 && x > 0 { x *= 10; exp -= 1 }
        if exp < -4 || exp >= 21 || (exp >= 6) { return GoFormat.exponent(d) }
        return "\(d)"
    }
}

/// A mapping with its keys in go-yaml v2's order (`keyList.Less`): letters compare by code point,
/// non-letters sort before letters, and digit runs compare by value.
struct SortedMapping {
    let sortedKeys: [String]
    private let values: [String: JSONValue]

    init<D: Sequence>(_ dict: D) where D.Element == (key: String, value: JSONValue) {
        var v: [String: JSONValue] = [:]
        for (k, x) in dict { v[k] = x }
        values = v
        sortedKeys = v.keys.sorted(by: SortedMapping.less)
    }

    subscript(key: String) -> JSONValue { values[key] ?? .null }

    static func less(_ a: String, _ b: String) -> Bool {
        let ar = Array(a.unicodeScalars)
        let br = Array(b.unicodeScalars)
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }
        func digit(_ c: Unicode.Scalar) -> Int64 { Int64(c.properties.numericValue ?? 0) }
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] { i += 1; continue }
            let al = ar[i].properties.isAlphabetic
            let bl = br[i].properties.isAlphabetic
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0 && isDigit(ar[j]) {
                    if ar[j] != "0" { an = 1; bn = 1; break }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(ar[ai]) { an = an &* 10 &+ digit(ar[ai]); ai += 1 }
            var bi = i
            while bi < br.count && isDigit(br[bi]) { bn = bn &* 10 &+ digit(br[bi]); bi += 1 }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }
}
