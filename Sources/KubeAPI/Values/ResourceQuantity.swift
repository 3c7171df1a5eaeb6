/// Kubernetes resource quantities (`100m`, `0.5`, `64Mi`, `1G`, `2e3`) as milli-units, enough
/// for the scheduler's fit checks and QoS classes.
public enum ResourceQuantity {
    private static let binary: [String: Double] = ["Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824,
                                                   "Ti": 1_099_511_627_776, "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976]
    private static let decimal: [String: Double] = ["n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1, "k": 1e3, "M": 1e6,
                                                    "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18]

    /// The quantity times 1000 (so `100m` → 100, `1` → 1000, `1Ki` → 1_024_000); nil when malformed.
    public static func milliValue(_ text: String) -> Int64? {
        let s = text.trimmingCharacters(in: " ")
        guard !s.isEmpty else { return nil }
        var numberEnd = s.endIndex
        var suffix = ""
        for (i, ch) in zip(s.indices, s) where !(ch.isNumber || ch == "." || ch == "+" || ch == "-") {
            numberEnd = i
            suffix = String(s[i...])
            break
        }
        var number = String(s[..<numberEnd])
        var multiplier: Double
        if let b = binary[suffix] {
            multiplier = b
        } else if let d = decimal[suffix] {
            multiplier = d
        } else if suffix.first == "e" || suffix.first == "E", let exp = Int(suffix.dropFirst()) {
            // Beyond any node's capacity (`1e30` cores) or below a milli-unit: saturate, never ignore.
            guard abs(exp) < 30 else { return exp > 0 ? Int64.max / 2 : 0 }
            multiplier = 1
            number += "e\(exp)"
        } else {
            return nil
        }
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        let milli = (value * multiplier * 1000).rounded(.up)
        return milli < 9e18 ? Int64(milli) : Int64.max / 2
    }

    /// The quantity of `name` in a resource list (`requests`, `limits`, `allocatable`), in milli-units.
    public static func milliValue(of name: String, in list: JSONValue) -> Int64? {
        let v = list[name]
        if let s = v.string { return milliValue(s) }
        if let d = v.double { return milliValue(JSONValue.double(d).scalarText ?? "") }
        return nil
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}

/// The syntax `resource.ParseQuantity` accepts, and a signed value for validation, which must
/// see negative amounts and compare a request with its limit.
extension ResourceQuantity {
    /// The quantity's value (for signs and comparisons); nil when the text is not a quantity.
    public static func signedValue(_ text: String) -> Double? {
        guard isValid(text) else { return nil }
        let numberEnd = text.firstIndex { !($0.isNumber || $0 == "." || $0 == "+" || $0 == "-") } ?? text.endIndex
        let suffix = String(text[numberEnd...])
        guard let number = Double(text[..<numberEnd]) else { return nil }
        if let m = binary[suffix] ?? decimal[suffix] { return number * m }
        // A decimal exponent (`1e3`, `2E-2`): Swift reads the whole text as a Double.
        return Double(text)
    }

    public static func isValid(_ text: String) -> Bool {
        let s = Array(text.utf8)
        guard !s.isEmpty else { return false }
        var i = 0
        if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        var sawDigit = false
        while i < s.count, (s[i] >= 48 && s[i] <= 57) || s[i] == UInt8(ascii: ".") {
            if s[i] != UInt8(ascii: ".") { sawDigit = true }
            i += 1
        }
        guard i > digitsStart, sawDigit else { return false }
        let suffix = String(decoding: s[i...], as: UTF8.self)
        if suffix.isEmpty { return true }
        if binary[suffix] != nil || decimal[suffix] != nil { return true }
        // Decimal exponent: e3, E-2.
        let e = Array(suffix.utf8)
        guard e.first == UInt8(ascii: "e") || e.first == UInt8(ascii: "E") else { return false }
        var j = 1
        if j < e.count, e[j] == UInt8(ascii: "+") || e[j] == UInt8(ascii: "-") { j += 1 }
        guard j < e.count else { return false }
        return e[j...].allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
