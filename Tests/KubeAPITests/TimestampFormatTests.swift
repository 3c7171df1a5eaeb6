import Testing
@testable import KubeAPI

/// `Timestamp.rfc3339` writes its bytes by hand; these pin it to the interpolated form it replaced,
/// including instants before 1970 and years that need the slow path.
@Suite struct TimestampFormatTests {
    /// The formatting the fast path replaced, kept here as the reference.
    static func interpolated(_ ms: Millis) -> String {
        let (y, mo, d, h, mi, s) = Timestamp.civil(ms)
        return "\(Timestamp.pad(y, 4))-\(Timestamp.pad(mo))-\(Timestamp.pad(d))T\(Timestamp.pad(h)):\(Timestamp.pad(mi)):\(Timestamp.pad(s))Z"
    }

    @Test func knownInstants() {
        #expect(Timestamp.rfc3339(0) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.rfc3339(1_748_854_803_999) == "2025-06-02T09:00:03Z")
        #expect(Timestamp.rfc3339(-1) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.rfc3339(951_782_400_000) == "2000-02-29T00:00:00Z")
    }

    @Test func agreesWithTheInterpolatedFormEverywhere() {
        // Year 1, year 9999's last second, the first second of year 10000 (slow path) and years before 0.
        var samples: [Millis] = [-62_135_596_800_000, 253_402_300_799_000, 253_402_300_800_000, -62_198_755_200_000,
                                 -62_198_755_200_001, .max / 1000, .min / 1000]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            samples.append(Millis(bitPattern: x >> 20) - (1 << 42))
        }
        for ms in samples { #expect(Timestamp.rfc3339(ms) == Self.interpolated(ms), "at \(ms)") }
    }
}
