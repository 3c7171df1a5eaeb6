import Testing
@testable import PodShell

/// The compiled-pattern surface the tools use: a match test, the first match and its groups, and
/// every match in order.
@Suite struct PosixRegexMatchTests {
    private func texts(_ m: PosixRegex.Match?, _ text: String) -> [String?] {
        guard let m else { return [] }
        return (0..<m.groups.count).map { m.group($0, in: text).map(String.init) }
    }

    @Test func groupsThatDidNotTakePartAreNil() throws {
        let r = try PosixRegex.parse("(x)?(b+)(c|d)?", flavor: .extended)
        #expect(r.groupCount == 3)
        #expect(texts(try r.firstMatch(in: "abbd"), "abbd") == ["bbd", nil, "bb", "d"])
    }

    @Test func repeatedGroupKeepsItsLastIteration() throws {
        let r = try PosixRegex.parse("\\([a-z]\\)*", flavor: .basic)
        #expect(texts(try r.firstMatch(in: "abc1"), "abc1") == ["abc", "c"])
    }

    @Test func searchFromAnOffsetStillSeesTheStartOfTheText() throws {
        let r = try PosixRegex.parse("^a|\\<b", flavor: .extended)
        let text = "aab ab"
        let ranges = try r.allMatches(in: text).map { text.distance(from: text.startIndex, to: $0.range.lowerBound) }
        #expect(ranges == [0])
    }

    @Test func allMatchesSkipsAnEmptyMatchRightAfterAMatch() throws {
        let r = try PosixRegex.parse("b*", flavor: .basic)
        let text = "abbc"
        let spans = try r.allMatches(in: text).map { String(text[$0.range]) }
        #expect(spans == ["", "bb", ""])
    }

    @Test func matchesAreCharacterWise() throws {
        let r = try PosixRegex.parse("^.$", flavor: .extended)
        #expect(try r.matches("é"))
        #expect(try r.matches("\r\n"))
        #expect(try !r.matches("ab"))
    }

    @Test func fixedStringsAreLiteral() throws {
        let r = try PosixRegex.parse("a.b(", flavor: .fixed)
        #expect(try r.matches("xa.b(y"))
        #expect(try !r.matches("axb("))
    }

    /// `a{10000}` is 10,000 instructions (the limit counts what is emitted, not a guess).
    @Test func sizesAreCountedExactly() throws {
        #expect(RegexProgram.size(of: try PosixRegexParser.parse("a{10000}", extended: true).0) == 10_000)
        let (node, groups) = try PosixRegexParser.parse("(ab){2,5}x*", extended: true)
        #expect(RegexProgram.size(of: node) == 2 * 4 + 3 * 5 + 4)
        #expect(try RegexProgram.compile(node, groups: groups, ignoreCase: false).instructions.count == RegexProgram.size(of: node) + 3)
        let r = try PosixRegex.parse("a{1000}", flavor: .extended)
        #expect(try r.matches(String(repeating: "a", count: 1_000)))
        #expect(try !r.matches(String(repeating: "a", count: 999)))
    }

    /// Every match of `a|a*c` in a line of `a`s searches to the end from each position; the budget
    /// stops that instead of letting it run for minutes.
    @Test func quadraticSearchesStopAtTheStepBudget() throws {
        let r = try PosixRegex.parse("a|a*c", flavor: .extended).withStepBudget(1_000_000)
        let line = String(repeating: "a", count: 5_000)
        #expect(try r.allMatches(in: String(line.prefix(100))).count == 100)
        #expect(throws: PosixRegex.StepLimitExceeded.self) { try r.allMatches(in: line) }
        #expect(PosixRegex.StepLimitExceeded(backReferences: false).message == "stopped at the regex step limit (100000000 steps per pattern)")
    }

    @Test func compileErrorsSayWhy() {
        #expect(throws: PosixRegex.CompileError.tooBig) { try PosixRegex.parse("((((a{10}){10}){10}){10}){10}", flavor: .extended) }
        #expect(throws: PosixRegex.CompileError.tooBig) { try PosixRegex.parse("a{32768}", flavor: .extended) }
        #expect(throws: PosixRegex.CompileError.invalidRangeEnd) { try PosixRegex.parse("[z-a]", flavor: .extended) }
        #expect(throws: PosixRegex.CompileError.unmatchedParenthesis) { try PosixRegex.parse("a\\)", flavor: .basic) }
        #expect(throws: Never.self) { try PosixRegex.parse("a)", flavor: .extended) }
    }
}
