import KubeAPI

/// Just enough of `resource.Quantity` for describe: parse `100m`, `1Gi`, `500M`, `2` and print sums.
enum Quantity {
    private static let binary: [(String, Double)] = [("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824),
                                                      ("Ti", 1_099_511_627_776), ("Pi", 1_125_899_906_842_624)]
    private static let decimal: [(String, Double)] = [("m", 0.001), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15)]

    /// The numeric value (cores for cpu, bytes for memory); nil when absent or malformed.
    static func value(_ v: JSONValue) -> Double? {
        if let d = v.double { return d }
        guard let s = v.string, !s.isEmpty else { return nil }
        for (suffix, factor) in binary + decimal where s.hasSuffix(suffix) {
            guard let n = Double(s.dropLast(suffix.count)) else { return nil }
            return n * factor
        }
        return Double(s)
    }

    /// The text the API server stores (our objects already hold canonical strings).
    static func canonical(_ v: JSONValue) -> String { v.scalarText ?? "0" }

    /// A CPU amount as Quantity prints it: `250m`, `1`, `1500m`, `0`.
    static func cpu(_ cores: Double) -> String {
        let milli = Int64((cores * 1000).rounded())
        if milli == 0 { return "0" }
        return milli % 1000 == 0 ? String(milli / 1000) : "\(milli)m"
    }

    /// A memory amount, in the largest binary unit that divides it (`192Mi`), else bytes.
    static func memory(_ bytes: Double, preferDecimal: Bool = false) -> String {
        let b = Int64(bytes.rounded())
        if b == 0 { return "0" }
        let units: [(String, Int64)] = preferDecimal
            ? [("P", 1_000_000_000_000_000), ("T", 1_000_000_000_000), ("G", 1_000_000_000), ("M", 1_000_000), ("k", 1000)]
            : [("Pi", 1 << 50), ("Ti", 1 << 40), ("Gi", 1 << 30), ("Mi", 1 << 20), ("Ki", 1 << 10)]
        for (suffix, size) in units where b % size == 0 { return "\(b / size)\(suffix)" }
        return String(b)
    }
}
