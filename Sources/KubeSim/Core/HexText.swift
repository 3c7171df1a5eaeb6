/// Lowercase hexadecimal text as Go's `%016x` writes it, for made-up digests, container IDs and
/// event names. Written straight into bytes: event names are made on every controller step.
enum HexText {
    /// `v` as 16 hex digits, zero-padded, written straight into the string's own storage.
    static func padded16(_ v: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { bytes in
            var v = v
            for i in stride(from: 15, through: 0, by: -1) {
                let digit = UInt8(truncatingIfNeeded: v & 0xF)
                bytes[i] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit
                v >>= 4
            }
            return 16
        }
    }
}
