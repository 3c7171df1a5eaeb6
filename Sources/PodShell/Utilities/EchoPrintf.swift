extension Utilities {
    /// `echo [-n] [-e] [-E] args`. busybox and bash's builtin both default to no escapes.
    public static func echo(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments[...]
        var newline = true
        // dash's echo always interprets backslash escapes; bash and busybox need -e.
        var escapes = ctx.dialect == .dash
        while let a = args.first, a.count > 1, a.hasPrefix("-"), a.dropFirst().allSatisfy({ "neE".contains($0) }) {
            for c in a.dropFirst() {
                switch c {
                case "n": newline = false
                case "e": escapes = true
                default: escapes = false
                }
            }
            args = args.dropFirst()
        }
        var text = args.joined(separator: " ")
        if escapes {
            let (decoded, stop) = decodeEscapes(text, forEcho: true)
            text = decoded
            if stop { newline = false }
        }
        if newline { text += "\n" }
        return ctx.write(text) ? 0 : 1
    }

    /// Backslash escapes of `echo -e` and `printf`; `stop` is true after `\c`.
    static func decodeEscapes(_ s: String, forEcho: Bool) -> (String, stop: Bool) {
        var out = ""
        let c = Array(s)
        var i = 0
        while i < c.count {
            guard c[i] == "\\", i + 1 < c.count else { out.append(c[i]); i += 1; continue }
            let n = c[i + 1]
            i += 2
            switch n {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "a": out += "\u{07}"
            case "b": out += "\u{08}"
            case "f": out += "\u{0C}"
            case "v": out += "\u{0B}"
            case "e", "E": out += "\u{1B}"
            case "\\": out += "\\"
            case "c": return (out, true)
            case "0", "1", "2", "3", "4", "5", "6", "7":
                var digits = forEcho && n == "0" ? "" : String(n)
                while digits.count < 3, i < c.count, ("0"..."7").contains(c[i]) { digits.append(c[i]); i += 1 }
                if let v = UInt32(digits.isEmpty ? "0" : digits, radix: 8), let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) }
            case "x":
                var digits = ""
                while digits.count < 2, i < c.count, c[i].isHexDigit { digits.append(c[i]); i += 1 }
                if let v = UInt32(digits, radix: 16), let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) } else { out += "\\x" }
            default:
                out.append("\\"); out.append(n)
            }
        }
        return (out, false)
    }

    /// `printf FORMAT [ARGS]`: %s %d %i %u %x %o %c %f %e %g %b %%, widths, precision, `-` and `0`
    /// flags; the format is reused while arguments remain, as in coreutils.
    public static func printf(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments
        if args.first == "--" { args.removeFirst() }
        guard let format = args.first else {
            ctx.writeError(ctx.dialect.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: printf FORMAT [ARG]...\n" : "printf: usage: printf [-v var] format [arguments]\n")
            return ctx.dialect.isBusybox ? 1 : 2
        }
        var rest = Array(args.dropFirst())[...]
        var out = ""
        var status: Int32 = 0
        let f = Array(format)
        repeat {
            var consumed = false
            var i = 0
            outer: while i < f.count {
                let c = f[i]
                if c == "\\" {
                    // One escape: `\n`, up to three octal digits, or `\x` and two hex digits.
                    var used = 2
                    if i + 1 < f.count {
                        let n = f[i + 1]
                        if ("0"..."7").contains(n) || n == "x" {
                            let isHex = n == "x"
                            var j = i + 2
                            while j < f.count, j < i + 4, isHex ? f[j].isHexDigit : ("0"..."7").contains(f[j]) { j += 1 }
                            used = j - i
                        }
                    } else { used = 1 }
                    let (one, stop) = decodeEscapes(String(f[i..<min(f.count, i + used)]), forEcho: false)
                    out += one
                    if stop { break outer }
                    i += used
                    continue
                }
                guard c == "%" else { out.append(c); i += 1; continue }
                i += 1
                guard i < f.count else { out.append("%"); break }
                if f[i] == "%" { out.append("%"); i += 1; continue }
                var flags = ""
                while i < f.count, "-+ 0#".contains(f[i]) { flags.append(f[i]); i += 1 }
                var width = ""
                while i < f.count, f[i].isASCIIDigit { width.append(f[i]); i += 1 }
                if i < f.count, f[i] == "*" { width = rest.popFirst() ?? "0"; consumed = true; i += 1 }
                var precision: String? = nil
                if i < f.count, f[i] == "." {
                    i += 1
                    var p = ""
                    while i < f.count, f[i].isASCIIDigit { p.append(f[i]); i += 1 }
                    precision = p
                }
                guard i < f.count else { break }
                // `%*d` with 9223372036854775807 would pad past any output there can be.
                let limit = ctx.environment.limits.maxOutputBytes
                if (Int(width) ?? 0) > limit || (precision.flatMap { Int($0) } ?? 0) > limit
                    || (width.count > 18 && Int(width) == nil) || (precision?.count ?? 0) > 18 && precision.flatMap({ Int($0) }) == nil {
                    ctx.write(out)
                    return ctx.stopAtLimit(ctx.outputLimit)
                }
                let conv = f[i]
                i += 1
                let arg = rest.popFirst()
                if arg != nil { consumed = true }
                var text: String
                switch conv {
                case "s": text = arg ?? ""; if let p = precision, let n = Int(p) { text = String(text.prefix(n)) }
                case "b": text = decodeEscapes(arg ?? "", forEcho: true).0
                case "c": text = String((arg ?? "").prefix(1))
                case "d", "i", "u", "x", "X", "o":
                    var n = 0
                    if let a = arg {
                        if let v = parseInteger(a) { n = v } else {
                            ctx.writeError("printf: \(a): invalid number\n")
                            status = 1
                        }
                    }
                    switch conv {
                    case "x": text = String(n, radix: 16)
                    case "X": text = String(n, radix: 16).uppercased()
                    case "o": text = String(n, radix: 8)
                    default: text = String(n)
                    }
                    if let p = precision, let pn = Int(p), text.count < pn { text = String(repeating: "0", count: pn - text.count) + text }
                    if flags.contains("+") && n >= 0 && (conv == "d" || conv == "i") { text = "+" + text }
                case "f", "e", "g", "F", "E", "G":
                    let v = Double(arg ?? "0") ?? 0
                    let digits = Int(precision ?? "6") ?? 6
                    text = formatFixed(v, digits: digits)
                default:
                    text = "%" + String(conv)
                }
                if let w = Int(width), text.count < w {
                    let pad = w - text.count
                    if flags.contains("-") { text += String(repeating: " ", count: pad) }
                    else if flags.contains("0") && "diuxXofeg".contains(conv) {
                        if text.hasPrefix("-") { text = "-" + String(repeating: "0", count: pad) + text.dropFirst() }
                        else { text = String(repeating: "0", count: pad) + text }
                    } else { text = String(repeating: " ", count: pad) + text }
                }
                out += text
            }
            if !consumed { break }
            if out.utf8.count > ctx.environment.limits.maxOutputBytes { break }
        } while !rest.isEmpty
        return ctx.write(out) ? status : 1
    }

    static func parseInteger(_ s: String) -> Int? {
        let t = s.trimmingCharacters(in: " \t")
        if t.hasPrefix("'") || t.hasPrefix("\""), let c = t.dropFirst().unicodeScalars.first { return Int(c.value) }
        if t.hasPrefix("0x") || t.hasPrefix("0X") { return Int(t.dropFirst(2), radix: 16) }
        if t.hasPrefix("-0x") { return Int(t.dropFirst(3), radix: 16).map { -$0 } }
        return Int(t)
    }

    /// `%.Nf` without Foundation: rounds half away from zero.
    static func formatFixed(_ v: Double, digits: Int) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        let d = min(max(digits, 0), 12)
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let negative = v < 0
        let scaled = (abs(v) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return String(v) }
        let n = Int(scaled)
        let ip = n / Int(scale)
        let fp = n % Int(scale)
        var s = String(ip)
        if d > 0 {
            let frac = String(fp)
            s += "." + String(repeating: "0", count: d - frac.count) + frac
        }
        return (negative && n != 0 ? "-" : "") + s
    }
}
