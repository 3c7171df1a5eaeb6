import Testing
@testable import KubeSim

@Suite struct HexTextTests {
    /// The reference text: each UUID group through `String(radix: 16)`, zero-padded.
    private static func referenceUUID(_ a: UInt64, _ b: UInt64) -> String {
        func hex(_ v: UInt64, _ width: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: width - s.count) + s
        }
        return [hex(a >> 32, 8), hex((a >> 16) & 0xFFFF, 4), hex(0x4000 | (a & 0x0FFF), 4),
                hex(0x8000 | ((b >> 48) & 0x3FFF), 4), hex(b & 0xFFFF_FFFF_FFFF, 12)].joined(separator: "-")
    }

    @Test func uuidsAreVersionFourTextOfTheirWords() {
        var rng = SeededGenerator(seed: 42)
        for words in [(UInt64(0), UInt64(0)), (UInt64.max, UInt64.max), (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210)]
            + (0..<200).map({ _ in (rng.next(), rng.next()) })
        {
            #expect(HexText.uuid(words.0, words.1) == Self.referenceUUID(words.0, words.1))
        }
        #expect(HexText.uuid(0, 0) == "00000000-0000-4000-8000-000000000000")
        #expect(HexText.uuid(.max, .max) == "ffffffff-ffff-4fff-bfff-ffffffffffff")
    }

    @Test func paddedSixteenIsGoPercent016x() {
        #expect(HexText.padded16(0) == "0000000000000000")
        #expect(HexText.padded16(0xAB) == "00000000000000ab")
        #expect(HexText.padded16(.max) == "ffffffffffffffff")
    }

    @Test func theGeneratorsUUIDsAreItsNextTwoWords() {
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        let first = b.next(), second = b.next()
        #expect(a.uuid() == HexText.uuid(first, second))
    }
}
