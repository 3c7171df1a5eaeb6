/// Storage sizes as `resource.Quantity` writes them (`1Gi`, `500Mi`, `2G`, `1e9`, `1500m`), read
/// as bytes so a claim's request can be compared with a volume's capacity.
public enum StorageQuantity {
    static let suffixes: [(String, Double)] = [
        ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
        ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
        ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18), ("m", 1e-3),
    ]

    /// Bytes, or nil for text that is not a quantity.
    public static func bytes(_ text: String) -> Double? {
        let s = trimmed(text)
        guard !s.isEmpty, s.count <= 64 else { return nil }
        // Suffixes are ASCII, so the text's last bytes tell (a Character-wise hasSuffix per
        // suffix showed when every container start reads its node's memory).
        let bytes = Array(s.utf8)
        for (suffix, factor) in suffixes where bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) {
            guard let n = number(String(decoding: bytes.dropLast(suffix.utf8.count), as: UTF8.self)) else { return nil }
            return n * factor
        }
        return number(s)
    }

    private static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    private static func number(_ s: String) -> Double? {
        guard let first = s.unicodeScalars.first, first == "+" || first == "-" || first == "." || ("0"..."9").contains(first),
            let v = Double(s), v.isFinite
        else { return nil }
        return v
    }
}
