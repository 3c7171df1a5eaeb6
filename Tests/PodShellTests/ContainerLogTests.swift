import Testing
@testable import PodShell

/// A container's log keeps each line with the time it was started, split at newline bytes as the
/// kubelet's log reader splits them.
@Suite struct ContainerLogTests {
    @Test func eachLineKeepsTheTimeItWasStarted() {
        var log = ContainerLog()
        log.append("one\ntwo", at: 1000)
        log.append(" more\nthree\n", at: 2000)
        log.append("", at: 3000)
        #expect(log.lines == [.init(at: 1000, text: "one\n"), .init(at: 1000, text: "two more\n"), .init(at: 2000, text: "three\n")])
        #expect(log.text == "one\ntwo more\nthree\n")
    }

    @Test func carriageReturnNewlineEndsALineAndOtherTextPassesWhole() {
        var log = ContainerLog()
        log.append("a\r\nb\u{301}\n\u{1F600}", at: 5)
        #expect(log.lines.map(\.text) == ["a\r\n", "b\u{301}\n", "\u{1F600}"])
        log.restart()
        #expect(log.lines.isEmpty)
        #expect(log.previous?.count == 3)
    }
}
