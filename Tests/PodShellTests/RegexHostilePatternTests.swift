import Testing
@testable import PodShell

/// Patterns that make a backtracking engine take exponential time must finish with the right
/// answer: transcripts are replayed for grading, so one hostile line must not hang kubelab.
/// (The assertions are on results; a hang would time the suite out.)
@Suite struct RegexHostilePatternTests {
    /// 30,000 a's and a b: a backtracker tries every way to split the a's among the `+`s.
    static let longLine = String(repeating: "a", count: 30_000) + "b\n"

    @Test func nestedRepetitionInGrepFindsNoMatch() {
        let sh = makeShell()
        #expect(sh.combined("grep -E '^(a+)+$'; echo $?", stdin: Self.longLine) == "1\n")
        #expect(sh.combined("grep -E '^(a|aa)*$'; echo $?", stdin: Self.longLine) == "1\n")
        #expect(sh.combined("grep -c '^\\(a*\\)*$'", stdin: Self.longLine) == "0\n")
        #expect(sh.combined("grep -E '(a*)*c'; echo $?", stdin: Self.longLine) == "1\n")
    }

    @Test func nestedRepetitionThatMatchesReportsTheWholeMatch() {
        let sh = makeShell()
        #expect(sh.combined("grep -oE '(a+)+b' | wc -c", stdin: Self.longLine) == "30002\n")
    }

    @Test func sedAwkExprAndConditionalsFinishToo() {
        let sh = makeShell()
        #expect(sh.combined("sed -E 's/^(a+)+$/matched/' | wc -c", stdin: Self.longLine) == "30002\n")
        #expect(sh.combined("sed -E 's/(a|a)*b/X/'", stdin: Self.longLine) == "X\n")
        #expect(sh.combined("awk '{ print match($0, /(a+)+c/), RSTART, RLENGTH }'", stdin: Self.longLine) == "0 0 -1\n")
        #expect(sh.combined("read s; re='^(a+)+$'; [[ $s =~ $re ]]; echo $?", stdin: Self.longLine) == "1\n")
        #expect(sh.combined("read s; expr \"$s\" : '\\(a*\\)*c'", stdin: Self.longLine) == "\n")
    }

    /// `a{1000}{1000}` would compile to a million instructions; GNU grep refuses it in these words.
    @Test func hugeRepetitionIsTooBig() {
        let sh = makeShell()
        #expect(sh.combined("echo a | grep -E 'a{1000}{1000}'; echo $?") == "grep: regular expression too big\n2\n")
        #expect(sh.combined("echo a | grep 'a\\{40000\\}'; echo $?") == "grep: regular expression too big\n2\n")
        #expect(sh.combined("echo a | sed -E 's/(a{100}){1000}/x/'; echo $?")
            == "sed: -e expression #1, char 19: Regular expression too big\n1\n")
        #expect(sh.combined("echo aaa | grep -oE 'a{3}'") == "aaa\n")
        #expect(sh.combined("echo a | awk '{ print ($0 ~ \"a{1000}{1000}\") }'; echo $?")
            == "kubelab: awk: stopped at the regex size limit (30000 instructions per pattern)\n2\n")
    }

    /// Back-references cannot be matched in linear time: their backtracker stops at a step budget
    /// and the command fails saying so, instead of hanging or answering wrongly.
    @Test func backReferencePatternsStopAtTheStepLimit() {
        let sh = makeShell()
        let line = String(repeating: "a", count: 40) + "b\n"
        #expect(sh.combined("grep -E '^(a*)*\\1$'; echo $?", stdin: line)
            == "kubelab: grep: stopped at the regex step limit (10000000 steps for a pattern with back-references)\n2\n")
    }
}
