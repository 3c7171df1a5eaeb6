/// The one source of randomness in a simulated cluster (SplitMix64), so a seed fixes every
/// IP, uid, name suffix and timing jitter.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random version-4 UUID string.
    public mutating func uuid() -> String {
        let a = next(), b = next()
        // Same text as formatting each group with String(radix: 16), written straight into bytes.
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 45, count: 36)
        func put(_ v: UInt64, _ count: Int, at offset: Int) {
            var v = v
            for i in stride(from: offset + count - 1, through: offset, by: -1) {
                bytes[i] = digits[Int(v & 0xF)]
                v >>= 4
            }
        }
        put(a >> 32, 8, at: 0)
        put((a >> 16) & 0xFFFF, 4, at: 9)
        put(0x4000 | (a & 0x0FFF), 4, at: 14)
        put(0x8000 | ((b >> 48) & 0x3FFF), 4, at: 19)
        put(b & 0xFFFF_FFFF_FFFF, 12, at: 24)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
