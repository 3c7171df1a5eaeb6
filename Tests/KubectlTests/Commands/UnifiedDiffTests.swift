import Testing
@testable import Kubectl

/// `diff -u` as GNU diff prints it. Each expectation is what GNU diffutils 3.8 printed on this
/// machine for the same two files (its hunks, below the `---`/`+++` labels).
@Suite struct UnifiedDiffTests {
    static func text(_ lines: String) -> String { lines.split(separator: " ").joined(separator: "\n") + "\n" }

    @Test func equalTextsHaveNoHunks() {
        #expect(UnifiedDiff.hunks("a\nb\n", "a\nb\n") == "")
        #expect(UnifiedDiff.hunks("", "") == "")
    }

    /// Changes more than six unchanged lines apart get hunks of their own, each with three lines of context.
    @Test func distantChangesGetTheirOwnHunks() {
        #expect(UnifiedDiff.hunks(Self.text("a b c d e f g h i j k l m n"), Self.text("a B c d e f g h i j k l M n added")) == """
            @@ -1,5 +1,5 @@
             a
            -b
            +B
             c
             d
             e
            @@ -10,5 +10,6 @@
             j
             k
             l
            -m
            +M
             n
            +added

            """)
    }

    @Test func aLineAddedInTheMiddle() {
        #expect(UnifiedDiff.hunks(Self.text("1 2 3 4 5 6 7 8 9"), Self.text("1 2 3 4 X 5 6 7 8 9")) == """
            @@ -2,6 +2,7 @@
             2
             3
             4
            +X
             5
             6
             7

            """)
    }

    @Test func removalsComeBeforeAdditions() {
        #expect(UnifiedDiff.hunks("x\ny\n", "y\nz\n") == "@@ -1,2 +1,2 @@\n-x\n y\n+z\n")
        #expect(UnifiedDiff.hunks("a\nb\n", "c\nd\n") == "@@ -1,2 +1,2 @@\n-a\n-b\n+c\n+d\n")
    }

    /// An empty side names line 0 with a count of 0; a count of 1 is left out.
    @Test func emptySidesAndSingleLines() {
        #expect(UnifiedDiff.hunks("", "a\nb\n") == "@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(UnifiedDiff.hunks("a\nb\n", "") == "@@ -1,2 +0,0 @@\n-a\n-b\n")
        #expect(UnifiedDiff.hunks("", "a\n") == "@@ -0,0 +1 @@\n+a\n")
    }

    /// A middle too big to align is shown removed and added whole, still a correct diff.
    @Test func aHugeMiddleIsReplacedWhole() {
        let old = (0..<2100).map { "o\($0)" }.joined(separator: "\n") + "\n"
        let new = (0..<2100).map { "n\($0)" }.joined(separator: "\n") + "\n"
        let hunks = UnifiedDiff.hunks(old, new)
        #expect(hunks.hasPrefix("@@ -1,2100 +1,2100 @@\n-o0\n"))
        #expect(hunks.components(separatedBy: "\n-").count == 2101 && hunks.components(separatedBy: "\n+").count == 2101)
    }
}
