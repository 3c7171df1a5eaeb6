import KubeAPI

/// Go's `fmt.Sprint`, `Sprintln` and `Sprintf` over template values: verbs, flags, width and
/// precision, maps in sorted key order, and Go's `%!d(string=x)`, `%!d(MISSING)`, `%!(EXTRA ...)` texts.
struct GoFmt {
    /// Largest width or precision one verb may pad to (Go stops near 10 million; kubelab's output limit is 8 MiB).
    static let maxPadding = 8 << 20

    struct TooLarge: Error {}

    private struct Flags {
        var plus = false, minus = false, sharp = false, space = false, zero = false
        var plusV = false, sharpV = false
        var width: Int?
        var precision: Int?
    }

    private var buf = ""
    private var flags = Flags()

    // MARK: Entry points

    static func sprint(_ args: [GoTemplateValue]) throws(TooLarge) -> String {
        var p = GoFmt()
        var prevString = false
        for (i, a) in args.enumerated() {
            let isString: Bool
            if case .string = a.kind { isString = true } else { isString = false }
            if i > 0 && !isString && !prevString { p.buf += " " }
            try p.printArg(a, "v")
            prevString = isString
        }
        return p.buf
    }

    static func sprintln(_ args: [GoTemplateValue]) throws(TooLarge) -> String {
        var p = GoFmt()
        for (i, a) in args.enumerated() {
            if i > 0 { p.buf += " " }
            try p.printArg(a, "v")
        }
        return p.buf + "\n"
    }

    /// `%v` of one value, as the template prints an action's result.
    static func plain(_ v: GoTemplateValue) -> String {
        var p = GoFmt()
        try? p.printArg(v, "v")
        return p.buf
    }

    static func sprintf(_ format: String, _ args: [GoTemplateValue]) throws(TooLarge) -> String {
        var p = GoFmt()
        try p.doPrintf(Array(format.unicodeScalars), args)
        return p.buf
    }

    // MARK: Printf

    private mutating func doPrintf(_ f: [Unicode.Scalar], _ args: [GoTemplateValue]) throws(TooLarge) {
        let end = f.count
        var argNum = 0
        var reordered = false
        var i = 0
        while i < end {
            let lasti = i
            while i < end && f[i] != "%" { i += 1 }
            if i > lasti { buf.unicodeScalars.append(contentsOf: f[lasti..<i]) }
            if i >= end { break }
            i += 1
            flags = Flags()
            simpleFlags: while i < end {
                switch f[i] {
                case "#": flags.sharp = true
                case "0": flags.zero = true
                case "+": flags.plus = true
                case "-": flags.minus = true
                case " ": flags.space = true
                default: break simpleFlags
                }
                i += 1
            }
            var goodArgNum = true
            (argNum, i, reordered, goodArgNum) = Self.argNumber(argNum, f, i, args.count, reordered, goodArgNum)
            if i < end && f[i] == "*" {
                i += 1
                if argNum < args.count, case .int(let w, _) = args[argNum].kind, abs(w) <= 1_000_000 {
                    flags.width = Int(w)
                    if w < 0 { flags.minus = true; flags.width = Int(-w) }
                } else {
                    buf += "%!(BADWIDTH)"
                }
                argNum += 1
            } else {
                let (n, isNum, ni) = Self.parseNum(f, i, end)
                if isNum { flags.width = n }
                i = ni
            }
            if i + 1 < end && f[i] == "." || i + 1 == end && i < end && f[i] == "." {
                i += 1
                (argNum, i, reordered, goodArgNum) = Self.argNumber(argNum, f, i, args.count, reordered, goodArgNum)
                if i < end && f[i] == "*" {
                    i += 1
                    if argNum < args.count, case .int(let pr, _) = args[argNum].kind, pr >= 0, pr <= 1_000_000 {
                        flags.precision = Int(pr)
                    } else {
                        buf += "%!(BADPREC)"
                    }
                    argNum += 1
                } else {
                    let (n, _, ni) = Self.parseNum(f, i, end)
                    flags.precision = n
                    i = ni
                }
            }
            if let w = flags.width, w > Self.maxPadding { throw TooLarge() }
            if let p = flags.precision, p > Self.maxPadding { throw TooLarge() }
            (argNum, i, reordered, goodArgNum) = Self.argNumber(argNum, f, i, args.count, reordered, goodArgNum)
            if i >= end {
                buf += "%!(NOVERB)"
                break
            }
            let verb = f[i]
            i += 1
            if verb == "%" { buf += "%"; continue }
            if !goodArgNum { buf += "%!" + String(verb) + "(BADINDEX)"; continue }
            if argNum >= args.count { buf += "%!" + String(verb) + "(MISSING)"; continue }
            if verb == "w" { buf += "%!w("; try printArg(args[argNum], "v"); buf += ")"; argNum += 1; continue }
            if verb == "v" {
                if flags.sharp { flags.sharp = false; flags.sharpV = true }
                if flags.plus { flags.plus = false; flags.plusV = true }
            }
            try printArg(args[argNum], verb)
            argNum += 1
        }
        if !reordered && argNum < args.count {
            flags = Flags()
            buf += "%!(EXTRA "
            for (k, a) in args[argNum...].enumerated() {
                if k > 0 { buf += ", " }
                let arg = a.asAny
                if arg.isNullInterface { buf += "<nil>" } else {
                    buf += arg.dynamicTypeName + "="
                    try printArg(arg, "v")
                }
            }
            buf += ")"
        }
    }

    private static func parseNum(_ f: [Unicode.Scalar], _ start: Int, _ end: Int) -> (Int, Bool, Int) {
        var num = 0
        var isNum = false
        var i = start
        while i < end, let d = f[i].properties.numericType == .decimal && f[i].isASCII ? Int(String(f[i])) : nil {
            if num > 1_000_000 { return (0, false, end) }
            num = num * 10 + d
            isNum = true
            i += 1
        }
        return (num, isNum, i)
    }

    /// `[n]` argument indexes.
    private static func argNumber(_ argNum: Int, _ f: [Unicode.Scalar], _ i: Int, _ numArgs: Int, _ reordered: Bool,
                                  _ good: Bool) -> (Int, Int, Bool, Bool) {
        guard i < f.count, f[i] == "[" else { return (argNum, i, reordered, good) }
        var j = i + 1
        while j < f.count && f[j] != "]" { j += 1 }
        guard j < f.count else { return (argNum, i + 1, true, false) }
        let inner = String(String.UnicodeScalarView(f[(i + 1)..<j]))
        if let n = Int(inner), n >= 1, n - 1 < numArgs { return (n - 1, j + 1, true, true) }
        return (argNum, j + 1, true, false)
    }

    // MARK: Values

    private mutating func printArg(_ value: GoTemplateValue, _ verb: Unicode.Scalar) throws(TooLarge) {
        let v = value.asAny
        if v.isNullInterface {
            switch verb {
            case "T", "v": try padString("<nil>")
            default: badVerb(verb, v)
            }
            return
        }
        if verb == "T" { try padString(v.dynamicTypeName); return }
        try printValue(v.unboxed, verb, depth: 0)
    }

    private mutating func printValue(_ v: GoTemplateValue, _ verb: Unicode.Scalar, depth: Int) throws(TooLarge) {
        switch v.kind {
        case .invalid, .null:
            if flags.sharpV { buf += "interface {}(nil)" } else { try padString("<nil>") }
        case .bool(let b):
            switch verb {
            case "t", "v": try padString(b ? "true" : "false")
            default: badVerb(verb, v)
            }
        case .int(let i, let t):
            try fmtInteger(i, t, verb, v)
        case .float(let d):
            try fmtFloat(d, verb, v)
        case .string(let s):
            try fmtString(s, verb, v)
        case .map(let m):
            let sharp = flags.sharpV
            buf += sharp ? "map[string]interface {}{" : "map["
            for (k, key) in GoTemplateValue.sortedKeys(m).enumerated() {
                if k > 0 { buf += sharp ? ", " : " " }
                try printValue(.string(key), verb, depth: depth + 1)
                buf += ":"
                try printElement(m[key] ?? .null, verb, depth: depth + 1)
            }
            buf += sharp ? "}" : "]"
        case .slice(let a):
            let sharp = flags.sharpV
            buf += sharp ? "[]interface {}{" : "["
            for (k, e) in a.enumerated() {
                if k > 0 { buf += sharp ? ", " : " " }
                try printElement(e, verb, depth: depth + 1)
            }
            buf += sharp ? "}" : "]"
        }
    }

    /// An element inside a map or slice: an `interface {}`, so nil prints `<nil>` whatever the verb.
    private mutating func printElement(_ j: JSONValue, _ verb: Unicode.Scalar, depth: Int) throws(TooLarge) {
        if buf.utf8.count > Self.maxPadding { throw TooLarge() }
        try printValue(GoTemplateValue(json: j, boxed: false), verb, depth: depth)
    }

    private mutating func badVerb(_ verb: Unicode.Scalar, _ v: GoTemplateValue) {
        let saved = flags
        flags = Flags()
        buf += "%!" + String(verb) + "("
        if v.isNullInterface || !v.isValid { buf += "<nil>" } else {
            buf += v.dynamicTypeName + "="
            try? printValue(v.unboxed, "v", depth: 0)
        }
        buf += ")"
        flags = saved
    }

    // MARK: Padding

    private mutating func padString(_ s: String) throws(TooLarge) {
        guard let w = flags.width else { buf += s; return }
        let n = s.unicodeScalars.count
        if n >= w { buf += s; return }
        if w > Self.maxPadding { throw TooLarge() }
        let pad = String(repeating: flags.zero && !flags.minus ? "0" : " ", count: w - n)
        buf += flags.minus ? s + String(repeating: " ", count: w - n) : pad + s
    }

    /// Pads a number: zeros go after the sign.
    private mutating func padNumber(_ s: String) throws(TooLarge) {
        guard let w = flags.width, flags.zero, !flags.minus, s.unicodeScalars.count < w else {
            let saved = flags.zero
            flags.zero = false
            try padString(s)
            flags.zero = saved
            return
        }
        if w > Self.maxPadding { throw TooLarge() }
        var body = Substring(s)
        var sign = ""
        if let f = body.first, f == "-" || f == "+" || f == " " { sign = String(f); body = body.dropFirst() }
        buf += sign + String(repeating: "0", count: w - s.unicodeScalars.count) + body
    }

    // MARK: Kinds

    private mutating func fmtInteger(_ i: Int64, _ t: GoIntType, _ verb: Unicode.Scalar, _ v: GoTemplateValue) throws(TooLarge) {
        let negative = i < 0
        let magnitude = i.magnitude
        func digits(_ base: Int, upper: Bool = false) -> String {
            String(magnitude, radix: base, uppercase: upper)
        }
        var body: String
        var prefix = ""
        switch verb {
        case "v", "d":
            if flags.sharpV, t == .uint8 { body = "0x" + digits(16) } else { body = digits(10) }
        case "b": body = digits(2); if flags.sharp { prefix = "0b" }
        case "o": body = digits(8); if flags.sharp { prefix = "0" }
        case "O": body = digits(8); prefix = "0o"
        case "x": body = digits(16); if flags.sharp { prefix = "0x" }
        case "X": body = digits(16, upper: true); if flags.sharp { prefix = "0X" }
        case "c":
            try padString(i >= 0 && i <= 0x10FFFF ? String(Unicode.Scalar(UInt32(i)).map { Character($0) } ?? "\u{FFFD}") : "\u{FFFD}")
            return
        case "q":
            try padString(GoQuote.quoteRune(i))
            return
        case "U":
            var hex = String(magnitude, radix: 16, uppercase: true)
            if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
            var s = "U+" + hex
            if flags.sharp, i >= 0, i <= 0x10FFFF, let u = Unicode.Scalar(UInt32(i)), u.properties.isPrintable { s += " '\(u)'" }
            try padString(s)
            return
        default:
            badVerb(verb, v)
            return
        }
        if let p = flags.precision {
            if p == 0 && i == 0 { body = "" }
            if body.count < p { body = String(repeating: "0", count: p - body.count) + body }
        }
        if prefix == "0", body.hasPrefix("0") { prefix = "" }
        var s = prefix + body
        if negative { s = "-" + s } else if flags.plus { s = "+" + s } else if flags.space { s = " " + s }
        if flags.precision != nil {
            let saved = flags.zero
            flags.zero = false
            try padString(s)
            flags.zero = saved
        } else {
            try padNumber(s)
        }
    }

    private mutating func fmtFloat(_ d: Double, _ verb: Unicode.Scalar, _ v: GoTemplateValue) throws(TooLarge) {
        var text: String
        switch verb {
        case "v":
            if flags.sharpV { text = GoFormat.float(d) } else { text = GoFloatText.format(d, "g", flags.precision ?? -1) }
        case "g", "G", "e", "E":
            text = GoFloatText.format(d, Character(verb), flags.precision ?? (verb == "e" || verb == "E" ? 6 : -1))
        case "f", "F":
            text = GoFloatText.format(d, "f", flags.precision ?? 6)
        case "b", "x", "X":
            text = GoFloatText.binary(d, verb == "b" ? "b" : (verb == "X" ? "X" : "x"), flags.precision ?? -1)
        default:
            badVerb(verb, v)
            return
        }
        if text.first != "-" && (text.first != "+" || d.isInfinite) {
            if text.first == "+" { text.removeFirst() }
            if flags.plus { text = "+" + text } else if flags.space { text = " " + text }
        }
        if d.isNaN || d.isInfinite {
            let saved = flags.zero
            flags.zero = false
            try padString(text)
            flags.zero = saved
            return
        }
        try padNumber(text)
    }

    private mutating func fmtString(_ s: String, _ verb: Unicode.Scalar, _ v: GoTemplateValue) throws(TooLarge) {
        var s = s
        switch verb {
        case "v":
            if flags.sharpV { try padString(GoQuote.quote(s)); return }
            fallthrough
        case "s":
            if let p = flags.precision { s = String(String.UnicodeScalarView(s.unicodeScalars.prefix(p))) }
            try padString(s)
        case "q":
            if let p = flags.precision { s = String(String.UnicodeScalarView(s.unicodeScalars.prefix(p))) }
            if flags.sharp && !s.contains("`") && !s.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) {
                try padString("`" + s + "`")
            } else {
                try padString(GoQuote.quote(s))
            }
        case "x", "X":
            var bytes = Array(s.utf8)
            if let p = flags.precision { bytes = Array(bytes.prefix(p)) }
            let parts = bytes.map { b -> String in
                let h = String(b, radix: 16, uppercase: verb == "X")
                return (h.count == 1 ? "0" : "") + h
            }
            let x = verb == "X" ? "0X" : "0x"
            var out = ""
            if flags.space {
                out = parts.map { (flags.sharp ? x : "") + $0 }.joined(separator: " ")
            } else {
                out = (flags.sharp && !parts.isEmpty ? x : "") + parts.joined()
            }
            try padString(out)
        default:
            badVerb(verb, v)
        }
    }
}
