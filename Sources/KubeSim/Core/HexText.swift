/// Lowercase hexadecimal text as Go's `%016x` writes it, for made-up digests, container IDs, event
/// names and uids. Written straight into the string's own storage: names and uids are made on
/// every controller step, and building them through arrays cost more than the rest of the step.
enum HexText {
    /// `v` as 16 hex digits, zero-padded.
    static func padded16(_ v: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { bytes in
            put(v, digits: 16, into: bytes, at: 0)
            return 16
        }
    }

    /// The version-4 UUID text of two random words (the same text as each group formatted with
    /// `String(radix: 16)` and padded).
    static func uuid(_ a: UInt64, _ b: UInt64) -> String {
        String(unsafeUninitializedCapacity: 36) { bytes in
            bytes[8] = UInt8(ascii: "-")
            bytes[13] = UInt8(ascii: "-")
            bytes[18] = UInt8(ascii: "-")
            bytes[23] = UInt8(ascii: "-")
            put(a >> 32, digits: 8, into: bytes, at: 0)
            put((a >> 16) & 0xFFFF, digits: 4, into: bytes, at: 9)
            put(0x4000 | (a & 0x0FFF), digits: 4, into: bytes, at: 14)
            put(0x8000 | ((b >> 48) & 0x3FFF), digits: 4, into: bytes, at: 19)
            put(b & 0xFFFF_FFFF_FFFF, digits: 12, into: bytes, at: 24)
            return 36
        }
    }

    /// The low `digits` hex digits of `v`, zero-padded, at `bytes[offset...]`.
    private static func put(_ v: UInt64, digits: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var v = v
        var i = offset + digits
        while i > offset {
            i -= 1
            let digit = UInt8(truncatingIfNeeded: v & 0xF)
            bytes[i] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit
            v >>= 4
        }
    }
}
