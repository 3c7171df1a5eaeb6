/// Lowercase hexadecimal text as Go's `%016x` writes it, for made-up digests, container IDs and
/// event names. Written straight into bytes: event names are made on every controller step.
enum HexText {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `v` as 16 hex digits, zero-padded.
    static func padded16(_ v: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        var v = v
        for i in stride(from: 15, through: 0, by: -1) {
            bytes[i] = digits[Int(v & 0xF)]
            v >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
