import KubeAPI

/// How describe prints quantities: stored ones as they are, sums as `resource.Quantity` would
/// (amounts are parsed by `ResourceQuantity`, and pods summed by `PodResources`).
enum Quantity {
    /// The text the API server stores (our objects already hold canonical strings).
    static func canonical(_ v: JSONValue) -> String { v.scalarText ?? "0" }

    /// A CPU amount (milli-cores, as `PodResources` sums them) as Quantity prints it: `250m`, `1`, `1500m`, `0`.
    static func cpu(milli: Int64) -> String {
        if milli == 0 { return "0" }
        return milli % 1000 == 0 ? String(milli / 1000) : "\(milli)m"
    }

    /// A memory amount (milli-bytes, rounded to bytes), in the largest binary unit that divides it (`192Mi`), else bytes.
    static func memory(milli: Int64) -> String {
        let b = milli / 1000 + (milli % 1000 >= 500 ? 1 : 0)
        if b == 0 { return "0" }
        let units: [(String, Int64)] = [("Pi", 1 << 50), ("Ti", 1 << 40), ("Gi", 1 << 30), ("Mi", 1 << 20), ("Ki", 1 << 10)]
        for (suffix, size) in units where b % size == 0 { return "\(b / size)\(suffix)" }
        return String(b)
    }
}
