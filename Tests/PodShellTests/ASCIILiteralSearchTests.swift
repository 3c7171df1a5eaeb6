import Testing

@testable import PodShell

/// Plain patterns are searched byte by byte where that gives the same answer as comparing
/// `Character`s, and by `Character` elsewhere.
@Suite struct ASCIILiteralSearchTests {
    private func offsets(_ pattern: String, _ text: String) throws -> [Int] {
        let r = try PosixRegex.parse(pattern, flavor: .basic)
        return try r.allMatches(in: Substring(text)).map { text.distance(from: text.startIndex, to: $0.range.lowerBound) }
    }

    @Test func findsEveryOccurrenceInASCIIText() throws {
        #expect(try offsets("Running", "web-1   1/1   Running   0   Running") == [14, 28])
        #expect(try offsets("ab", "aab ab") == [1, 4])
        #expect(try offsets("zz", "web-1 Running").isEmpty)
    }

    @Test func answersAsCharactersDoInTextThatIsNotASCII() throws {
        // A Kelvin sign is the character K; an e with a combining accent is not the character e.
        #expect(try offsets("K", "\u{212A}elvin") == [0])
        #expect(try offsets("e", "cafe\u{301} e") == [5])
        #expect(try offsets("Running", "café Running") == [5])
        #expect(try offsets("a", "\u{1F600}a") == [1])
    }

    @Test func onlyPlainASCIIPatternsAreSearchedAsBytes() {
        #expect(ASCIILiteralSearch(Array("Running"))?.bytes == Array("Running".utf8))
        #expect(ASCIILiteralSearch(Array("café")) == nil)
        #expect(ASCIILiteralSearch(Array("a\r")) == nil)
        #expect(ASCIILiteralSearch([]) == nil)
    }

    @Test func grepCountsMatchingLines() throws {
        let text = (0..<50).map { $0 % 5 == 0 ? "pod-\($0) 0/1 Terminating" : "pod-\($0) 1/1 Running" }.joined(separator: "\n")
        let r = try PosixRegex.parse("Terminating", flavor: .basic)
        #expect(try text.split(separator: "\n").filter { try r.matches(String($0)) }.count == 10)
    }
}
