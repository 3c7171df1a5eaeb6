/// Dotted-quad IPv4 addresses as integers, for allocators and CIDR arithmetic.
public enum IPv4 {
    public static func parse(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for p in parts {
            guard p.count <= 3, let octet = UInt32(p), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    public static func format(_ value: UInt32) -> String {
        "\(value >> 24).\((value >> 16) & 0xFF).\((value >> 8) & 0xFF).\(value & 0xFF)"
    }
}
