import Foundation

/// `strconv.FormatFloat` for the verbs `fmt` uses: `e`, `f`, `g` (and upper case) with a precision,
/// or -1 for the shortest text that reads back as the same number.
enum GoFloatText {
    /// Decimal digits without leading or trailing zeros, and where the point goes (`0.0123` is "123", -1).
    struct Digits {
        var digits: [UInt8]
        var dp: Int
    }

    static func format(_ v: Double, _ verb: Character, _ prec: Int) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        let negative = v.sign == .minus
        let a = abs(v)
        let lower = Character(verb.lowercased())
        let shortest = prec < 0
        var p = prec
        var d: Digits
        if shortest {
            d = shortestDigits(a)
            switch lower {
            case "e": p = max(d.digits.count - 1, 0)
            case "f": p = max(d.digits.count - d.dp, 0)
            default: p = d.digits.count
            }
        } else {
            switch lower {
            case "e": d = rounded(a, significant: p + 1)
            case "f": d = fixedDigits(a, fraction: p)
            default:
                if p == 0 { p = 1 }
                d = rounded(a, significant: p)
            }
        }
        var body: String
        switch lower {
        case "e": body = fmtE(d, p, verb == "E" ? "E" : "e")
        case "f": body = fmtF(d, p)
        default:
            var eprec = p
            if eprec > d.digits.count && d.digits.count >= d.dp { eprec = d.digits.count }
            if shortest { eprec = 6 }
            let exp = d.dp - 1
            if exp < -4 || exp >= eprec {
                if p > d.digits.count { p = d.digits.count }
                body = fmtE(d, p - 1, verb == "G" ? "E" : "e")
            } else {
                if p > d.dp { p = d.digits.count }
                body = fmtF(d, max(p - d.dp, 0))
            }
        }
        return (negative ? "-" : "") + body
    }

    /// `%b` (`4503599627370496p-52`) and `%x`/`%X` (`0x1.cp+01`) of a float64.
    static func binary(_ v: Double, _ verb: Character, _ prec: Int) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        let sign = v.sign == .minus ? "-" : ""
        if verb == "b" {
            let bits = v.bitPattern
            var exp = Int((bits >> 52) & 0x7FF)
            var mant = bits & ((1 << 52) - 1)
            if exp == 0 { exp += 1 } else { mant |= 1 << 52 }
            exp -= 1023 + 52
            return sign + "\(mant)p" + (exp >= 0 ? "+" : "-") + "\(abs(exp))"
        }
        let upper = verb == "X"
        var mantissa = "0"
        var exp = 0
        if v != 0 {
            let a = abs(v)
            exp = a.exponent
            let significand = a.significand  // in [1, 2)
            var frac = UInt64((significand - 1) * Double(1 << 52))
            var hex = ""
            var digits = 13
            if prec >= 0 && prec < 13 {
                // Round the 52 fraction bits to `prec` hex digits, half to even.
                let drop = UInt64(4 * (13 - prec))
                let half: UInt64 = 1 << (drop - 1)
                let rest = frac & ((1 << drop) - 1)
                frac >>= drop
                if rest > half || (rest == half && frac & 1 == 1) { frac += 1 }
                if prec == 0 ? frac > 0 : frac >> UInt64(4 * prec) > 0 { exp += 1; frac = 0 }
                digits = prec
            }
            for i in stride(from: digits - 1, through: 0, by: -1) {
                hex += String((frac >> UInt64(4 * i)) & 15, radix: 16, uppercase: upper)
            }
            if prec < 0 { while hex.hasSuffix("0") { hex.removeLast() } }
            mantissa = "1" + (hex.isEmpty ? "" : "." + hex)
        } else if prec > 0 {
            mantissa = "0." + String(repeating: "0", count: prec)
        }
        if prec > 13 { mantissa += String(repeating: "0", count: prec - 13) }
        let e = abs(exp) < 10 ? "0\(abs(exp))" : "\(abs(exp))"
        return sign + (upper ? "0X" : "0x") + mantissa + (upper ? "P" : "p") + (exp < 0 ? "-" : "+") + e
    }

    static func shortestDigits(_ a: Double) -> Digits {
        if a == 0 { return Digits(digits: [], dp: 0) }
        return parse("\(a)")
    }

    static func rounded(_ a: Double, significant: Int) -> Digits {
        if a == 0 { return Digits(digits: [], dp: 0) }
        let n = max(significant, 1)
        return parse(String(format: "%.\(min(n - 1, 760))e", a))
    }

    static func fixedDigits(_ a: Double, fraction: Int) -> Digits {
        parse(String(format: "%.\(min(fraction, 1100))f", a))
    }

    /// Reads `123.45`, `1.5e-07` into digits and a decimal point position.
    static func parse(_ text: String) -> Digits {
        var mantissa = Substring(text)
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exp = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var dp = 0
        var seenPoint = false
        for c in mantissa {
            if c == "." { seenPoint = true; continue }
            guard let v = c.wholeNumberValue else { continue }
            digits.append(UInt8(v))
            if !seenPoint { dp += 1 }
        }
        while let f = digits.first, f == 0 { digits.removeFirst(); dp -= 1 }
        while let l = digits.last, l == 0 { digits.removeLast() }
        if digits.isEmpty { return Digits(digits: [], dp: 0) }
        return Digits(digits: digits, dp: dp + exp)
    }

    static func fmtE(_ d: Digits, _ prec: Int, _ e: Character) -> String {
        var s = String(d.digits.first.map { Character(String($0)) } ?? "0")
        if prec > 0 {
            s += "."
            var i = 1
            let m = min(d.digits.count, prec + 1)
            while i < m { s += String(d.digits[i]); i += 1 }
            if i <= prec { s += String(repeating: "0", count: prec - i + 1) }
        }
        var exp = d.dp - 1
        if d.digits.isEmpty { exp = 0 }
        s.append(e)
        s += exp < 0 ? "-" : "+"
        exp = abs(exp)
        s += exp < 10 ? "0\(exp)" : "\(exp)"
        return s
    }

    static func fmtF(_ d: Digits, _ prec: Int) -> String {
        var s = ""
        if d.dp > 0 {
            let m = min(d.digits.count, d.dp)
            for i in 0..<m { s += String(d.digits[i]) }
            if m < d.dp { s += String(repeating: "0", count: d.dp - m) }
        } else {
            s = "0"
        }
        if prec > 0 {
            s += "."
            for i in 1...prec {
                let j = d.dp + i - 1
                s += j < 0 || j >= d.digits.count ? "0" : String(d.digits[j])
            }
        }
        return s
    }
}
