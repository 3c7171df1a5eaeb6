import Testing

/// `kubectl logs`: lines appear when the process writes them, `--since` keeps the recent ones, and
/// `--previous` reads the run before the last restart.
@Suite struct ContainerLogsTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl run c --image=busybox -- sh -c 'echo start; sleep 30; echo later; sleep 5; exit 1'
        kubectl logs c --previous
        sleep 20
        kubectl logs c
        sleep 15
        kubectl logs c --timestamps
        kubectl logs c
        kubectl logs c --since=10s
        sleep 10
        kubectl logs c --previous
        kubectl logs c --since=5s --since-time=2025-01-01T00:00:00Z
        kubectl logs c -c nope; echo "exit $?"
        """)

    static func output(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: transcript, occurrence: occurrence)
    }

    @Test func linesShowWhenWrittenAndSinceKeepsTheRecentOnes() {
        #expect(Self.output("kubectl logs c") == ["start"])
        #expect(Self.output("kubectl logs c", 2) == ["start", "later"])
        #expect(Self.output("kubectl logs c --since=10s") == ["later"])
    }

    @Test func previousReadsTheRunBeforeTheRestart() {
        #expect(Self.output("kubectl logs c --previous")
            == ["Error from server (BadRequest): previous terminated container \"c\" in pod \"c\" not found"])
        #expect(Self.output("kubectl logs c --previous", 2) == ["start", "later"])
        #expect(Self.output("kubectl logs c --since=5s --since-time=2025-01-01T00:00:00Z")
            == ["error: at most one of `sinceTime` or `sinceSeconds` may be specified"])
    }

    /// kubectl looks the container up in the pod it fetched, before asking the server for logs.
    @Test func anUnknownContainerIsRefusedByKubectl() {
        #expect(Self.output("kubectl logs c -c nope; echo \"exit $?\"") == ["error: container nope is not valid for pod c", "exit 1"])
    }

    /// Each line keeps the time the process wrote it: "later" comes 30 s (the sleep) after "start".
    @Test func timestampsShowWhenEachLineWasWritten() throws {
        let lines = Self.output("kubectl logs c --timestamps")
        try #require(lines.count == 2)
        let stamps = lines.map { String($0.prefix { $0 != " " }) }
        #expect(lines == [stamps[0] + " start", stamps[1] + " later"])
        #expect(stamps.allSatisfy { $0.wholeMatch(of: /2025-06-02T09:00:\d\d(\.\d{1,3})?Z/) != nil })
        let seconds = stamps.map { Int($0.dropFirst(17).prefix(2)) ?? -1 }
        #expect(seconds[1] - seconds[0] == 30)
        #expect(stamps[0].dropFirst(19) == stamps[1].dropFirst(19), "the same fraction of a second")
    }
}
