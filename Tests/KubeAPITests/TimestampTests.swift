import Testing
@testable import KubeAPI

@Suite struct TimestampTests {
    /// The byte-by-byte writer against known instants (`date -u -d @S +%FT%TZ`), and the
    /// interpolating path for years outside 0...9999.
    @Test(arguments: [
        (Millis(0), "1970-01-01T00:00:00Z"),
        (Millis(999), "1970-01-01T00:00:00Z"),
        (Millis(1_748_854_800_000), "2025-06-02T09:00:00Z"),
        (Millis(951_782_400_000), "2000-02-29T00:00:00Z"),
        (Millis(1_709_251_199_000), "2024-02-29T23:59:59Z"),
        (Millis(-1_000), "1969-12-31T23:59:59Z"),
        (Millis(-62_135_596_800_000), "0001-01-01T00:00:00Z"),
        (Millis(253_402_300_799_000), "9999-12-31T23:59:59Z"),
        (Millis(253_402_300_800_000), "10000-01-01T00:00:00Z"),
    ])
    func rfc3339(_ instant: Millis, _ text: String) {
        #expect(Timestamp.rfc3339(instant) == text)
        #expect(Timestamp.parse(text).map { $0 == instant - Timestamp.floorMod(instant, 1000) } ?? (instant >= 253_402_300_800_000))
    }
}
