import Testing
@testable import KubeLabCLI

@Suite struct CompletionPlannerTests {
    @Test func currentWordEndsAtTheCursor() {
        #expect(CompletionPlanner.currentWord(line: "kubectl ge", cursor: 10) == "ge")
        #expect(CompletionPlanner.currentWord(line: "kubectl get po", cursor: 10) == "ge")
        #expect(CompletionPlanner.currentWord(line: "kubectl ", cursor: 8) == "")
        #expect(CompletionPlanner.currentWord(line: "kub", cursor: 3) == "kub")
        #expect(CompletionPlanner.currentWord(line: "echo 안녕", cursor: 7) == "안녕")
        #expect(CompletionPlanner.currentWord(line: "x", cursor: 99) == "x")
        #expect(CompletionPlanner.currentWord(line: "x", cursor: -1) == "")
    }

    @Test func aUniqueMatchIsCompletedWithASpace() {
        #expect(CompletionPlanner.plan(word: "ge", candidates: ["get"], repeatedTab: false) == .complete("t "))
        #expect(CompletionPlanner.plan(word: "po", candidates: ["pods", "services"], repeatedTab: false) == .complete("ds "))
        #expect(CompletionPlanner.plan(word: "man", candidates: ["manifests/"], repeatedTab: false) == .complete("ifests/"))
        #expect(CompletionPlanner.plan(word: "--replicas", candidates: ["--replicas="], repeatedTab: false) == .complete("="))
        #expect(CompletionPlanner.plan(word: "get", candidates: ["get", "get"], repeatedTab: false) == .complete(" "))
    }

    @Test func severalMatchesExtendToTheirCommonPrefixThenListOnTheSecondTab() {
        let kinds = ["statefulsets", "storageclasses", "services"]
        #expect(CompletionPlanner.plan(word: "st", candidates: kinds, repeatedTab: false) == .beep)
        #expect(CompletionPlanner.plan(word: "st", candidates: kinds, repeatedTab: true)
            == .list(["statefulsets", "storageclasses"]))
        #expect(CompletionPlanner.plan(word: "s", candidates: ["stateful", "statefulsets"], repeatedTab: false)
            == .extend("tateful"))
        #expect(CompletionPlanner.plan(word: "x", candidates: kinds, repeatedTab: true) == .beep)
        #expect(CompletionPlanner.plan(word: "", candidates: [], repeatedTab: true) == .beep)
    }

    @Test func listingFillsColumnsTopToBottom() {
        let listing = CompletionPlanner.layout(["apply", "create", "delete", "describe", "get"], width: 25)
        #expect(listing == "apply     describe\ncreate    get\ndelete\n")
        #expect(CompletionPlanner.layout(["a", "b"], width: 1) == "a\nb\n")
        #expect(CompletionPlanner.layout([], width: 80) == "")
    }

    @Test func listingCountsWideCharactersAsTwoCells() {
        #expect(CompletionPlanner.displayWidth("안녕") == 4)
        #expect(CompletionPlanner.displayWidth("こんにちは") == 10)
        #expect(CompletionPlanner.displayWidth("e\u{301}") == 1)
        #expect(CompletionPlanner.layout(["안녕", "ab", "cd"], width: 12) == "안녕  cd\nab\n")
    }

    @Test func hugeListingsAreSummarised() {
        let many = (0..<250).map { "pod-\($0)" }
        let listing = CompletionPlanner.layout(many, width: 10)
        #expect(listing.hasSuffix("pod-199\n... and 50 more\n"))
        #expect(listing.split(separator: "\n").count == 201)
    }
}

@Suite struct ClockFollowerTests {
    @Test func aStoppedClockCannotHoldTheWaitForever() {
        final class StoppedClock: WallClock {
            var sleeps = 0
            func nowMillis() -> Int64 { 0 }
            func sleep(ms: Int64) { sleeps += 1 }
        }
        let clock = StoppedClock()
        let follower = ClockFollower(clock: clock) { _ in }
        _ = follower.wait(ms: 50, isInterrupted: { false })
        #expect(clock.sleeps == 66)
    }

    @Test func negativeWaitsReturnAtOnce() {
        let clock = ManualClock()
        var advanced: [Int64] = []
        let follower = ClockFollower(clock: clock) { advanced.append($0) }
        #expect(follower.wait(ms: -5, isInterrupted: { false }))
        #expect(clock.sleeps.isEmpty && advanced.isEmpty)
    }
}
