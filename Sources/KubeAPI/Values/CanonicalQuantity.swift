/// A quantity's canonical text, as `resource.Quantity.String()` writes it after `ParseQuantity`:
/// `0.5` is `500m`, `1000m` is `1`, `1.5Gi` is `1536Mi`, `2048` stays `2048`, `1e3` is `1e3`.
///
/// The value is kept exactly as an integer and a power of ten (no floating point): rounded up to
/// a nano-unit, then written with the largest suffix that leaves an integer, the suffix family the
/// text was written in (binary only for whole values of at least 1024). Values whose digits do not
/// fit 64 bits (far beyond any real request or limit) keep the text as written.
extension ResourceQuantity {
    /// The canonical text, nil when `text` is not a quantity.
    public static func canonical(_ text: String) -> String? {
        guard isValid(text) else { return nil }
        if text == "0" { return text }
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let numberEnd = bytes.firstIndex { !(($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".")) } ?? bytes.endIndex
        let number = bytes[..<numberEnd], suffix = String(decoding: bytes[numberEnd...], as: UTF8.self)
        guard number.filter({ $0 == UInt8(ascii: ".") }).count <= 1 else { return nil }
        // The digits as an integer and the power of ten they are scaled by.
        var value: Int64 = 0
        var scale = 0
        var afterPoint = false
        for b in number {
            if b == UInt8(ascii: ".") { afterPoint = true; continue }
            guard let next = multiplyAdd(value, 10, Int64(b - 48)) else { return text }
            value = next
            if afterPoint { scale -= 1 }
        }
        let parsedDigits = value
        let family: Family
        if let step = binarySuffixes.firstIndex(of: suffix) {
            family = .binary
            // Ki is 2^10, Mi 2^20, ...
            for _ in 0..<(step + 1) * 10 {
                guard let doubled = multiplyAdd(value, 2, 0) else { return text }
                value = doubled
            }
        } else if let exponent = decimalExponents[suffix] {
            family = .decimalSI
            scale += exponent
        } else {
            // A decimal exponent: e3, E-2.
            guard let exponent = Int(suffix.dropFirst()), abs(exponent) < 1_000 else { return text }
            family = .decimalExponent
            scale += exponent
        }
        if value == 0 { return "0" }
        // ParseQuantity keeps the text as written when its fast path finds it canonical already
        // (`+2` stays `+2`, `5Ki` stays `5Ki`).
        let digits = number.filter { $0 != UInt8(ascii: ".") }
        if digits.count <= 18 {
            if family == .binary {
                if !afterPoint, parsedDigits & 0x07 != 0 { return text }
            } else if scale % 3 == 0, scale >= -9, digits.first != UInt8(ascii: "0"), !digits.reversed().starts(with: [48, 48, 48]) {
                return text
            }
        }
        // Rounded up to a nano-unit: asking for any amount gets some.
        while scale < -9 {
            let (quotient, remainder) = value.quotientAndRemainder(dividingBy: 10)
            value = quotient + (remainder == 0 ? 0 : 1)
            scale += 1
        }
        let sign = negative ? "-" : ""
        if family == .binary, let whole = wholeValue(value, scale), whole >= 1024 {
            var mantissa = whole, power = 0
            while power < 6, mantissa % 1024 == 0 { mantissa /= 1024; power += 1 }
            return sign + String(mantissa) + (power == 0 ? "" : binarySuffixes[power - 1])
        }
        // Decimal: trailing zeros into the exponent, which is then lowered to a multiple of three.
        while value % 10 == 0 { value /= 10; scale += 1 }
        let excess = ((scale % 3) + 3) % 3
        for _ in 0..<excess {
            guard let shifted = multiplyAdd(value, 10, 0) else { return text }
            value = shifted
            scale -= 1
        }
        if family == .decimalExponent {
            return sign + String(value) + (scale == 0 ? "" : "e\(scale)")
        }
        guard let suffixText = decimalSuffixes[scale] else { return text }
        return sign + String(value) + suffixText
    }

    private enum Family { case binary, decimalSI, decimalExponent }

    private static let decimalExponents: [String: Int] = ["n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18]
    private static let decimalSuffixes = Dictionary(uniqueKeysWithValues: decimalExponents.map { ($1, $0) })
    /// Powers of 1024, in order.
    private static let binarySuffixes = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]

    /// `value × 10^scale` when it is a whole number that fits 64 bits.
    private static func wholeValue(_ value: Int64, _ scale: Int) -> Int64? {
        var v = value, s = scale
        while s < 0 {
            guard v % 10 == 0 else { return nil }
            v /= 10
            s += 1
        }
        while s > 0 {
            guard let next = multiplyAdd(v, 10, 0) else { return nil }
            v = next
            s -= 1
        }
        return v
    }

    private static func multiplyAdd(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { return nil }
        let (sum, overflow2) = product.addingReportingOverflow(c)
        return overflow2 ? nil : sum
    }
}
