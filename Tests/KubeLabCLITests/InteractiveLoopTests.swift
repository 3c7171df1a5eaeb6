import KubeLab
import PodShell
import Testing
@testable import KubeLabCLI

/// Hands out scripted inputs and records the prompts it was shown.
final class ScriptedReader: LineReader {
    var inputs: [LineInput]
    var prompts: [String] = []
    var remembered: [String] = []
    let isTerminal: Bool
    /// Runs before each read, e.g. to move a fake clock as if the learner were typing.
    var beforeRead: () -> Void = {}

    init(_ inputs: [LineInput], isTerminal: Bool = false) {
        self.inputs = inputs
        self.isTerminal = isTerminal
    }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        beforeRead()
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func remember(_ line: String) { remembered.append(line) }
}

final class ManualClock: WallClock {
    var now: Int64 = 1_000
    var sleeps: [Int64] = []
    var onSleep: () -> Void = {}

    func nowMillis() -> Int64 { now }

    func sleep(ms: Int64) {
        sleeps.append(ms)
        now += ms
        onSleep()
    }
}

final class Flag {
    var isSet = false
    var interruptFlag: InterruptFlag {
        InterruptFlag(isSet: { [unowned self] in isSet }, clear: { [unowned self] in isSet = false })
    }
}

@Suite struct InteractiveLoopTests {
    private struct Harness {
        let session = FakeSession(mode: .interactive)
        let captured = CapturedOutput()
        let clock = ManualClock()
        let flag = Flag()
        let reader: ScriptedReader

        init(_ inputs: [LineInput], isTerminal: Bool = false) {
            reader = ScriptedReader(inputs, isTerminal: isTerminal)
        }

        func run(style: PromptStyle = PromptStyle(usesColor: false)) -> Int32 {
            InteractiveLoop(
                handler: SessionDriver(session: session, out: captured.channel.out, err: captured.channel.err),
                reader: reader, output: captured.channel, interrupts: flag.interruptFlag,
                style: style, clock: clock
            ).run()
        }
    }

    @Test func feedsLinesToTheInnermostProgramWithItsPrompt() {
        let harness = Harness([.line("echo hi"), .line("enter db"), .line("select 1"), .line("exit"), .line("exit")])
        #expect(harness.run() == 0)
        #expect(harness.reader.prompts == ["$ ", "$ ", "db> ", "db> ", "$ "])
        // A piped reader draws no prompt and echoes nothing: only the commands' output appears.
        #expect(harness.captured.combined == "hi\ndb: select 1\n")
        #expect(harness.reader.remembered == ["echo hi", "enter db", "select 1", "exit", "exit"])
        #expect(harness.session.terminal.isFinished)
    }

    @Test func didHandleSeesEachInputWithThePromptItWasReadAt() {
        let harness = Harness([.line("enter db"), .interrupted, .line("x \\"), .line("y"), .line("exit")])
        var fed: [String] = []
        let loop = InteractiveLoop(
            handler: SessionDriver(
                session: harness.session, out: harness.captured.channel.out, err: harness.captured.channel.err),
            reader: harness.reader, output: harness.captured.channel,
            interrupts: harness.flag.interruptFlag, style: PromptStyle(usesColor: false), clock: harness.clock)
        loop.didHandle = { record in fed.append(record.prompt + (record.line ?? (record.input == .interrupt ? "^C" : "^D"))) }
        _ = loop.run()
        #expect(fed == ["$ enter db", "db> ^C", "db> x \\", "> y", "db> exit", "$ ^D"])
    }

    @Test func blankLinesAreNotKeptInHistory() {
        let harness = Harness([.line(""), .line("   "), .line("echo x")])
        _ = harness.run()
        #expect(harness.reader.remembered == ["echo x"])
    }

    @Test func ctrlCAtThePromptDropsTheHalfTypedLine() {
        let harness = Harness([.line("echo a \\"), .interrupted, .line("echo b")])
        _ = harness.run()
        #expect(harness.reader.prompts == ["$ ", "> ", "$ ", "$ "])
        #expect(harness.captured.combined == "b\n")
        #expect(harness.session.host.interrupts == 1)
    }

    @Test func ctrlDLeavesTheInnermostProgramFirst() {
        let harness = Harness([.line("enter pod"), .endOfInput, .line("echo back"), .endOfInput])
        #expect(harness.run() == 0)
        #expect(harness.reader.prompts == ["$ ", "pod> ", "$ ", "$ "])
        #expect(harness.captured.combined == "bye from pod\nback\n")
    }

    @Test func onATerminalTheLastPromptLineIsEndedOnExit() {
        let harness = Harness([.line("enter pod"), .endOfInput, .endOfInput], isTerminal: true)
        _ = harness.run()
        // As in a real terminal, what a program says on Ctrl-D follows its prompt ("mysql> Bye");
        // a prompt left open with nothing after it is ended before the next prompt or the exit.
        #expect(harness.captured.combined == "bye from pod\n\n")
    }

    @Test func promptIsColouredOnlyWhenTheStyleSaysSo() {
        let harness = Harness([.line("enter pod"), .line("exit"), .line("exit")])
        _ = harness.run(style: PromptStyle(usesColor: true))
        #expect(harness.reader.prompts == [
            "\u{1}\u{1B}[1;32m\u{1}$\u{1}\u{1B}[0m\u{1} ",
            "\u{1}\u{1B}[1;36m\u{1}pod>\u{1}\u{1B}[0m\u{1} ",
            "\u{1}\u{1B}[1;32m\u{1}$\u{1}\u{1B}[0m\u{1} ",
        ])
    }

    @Test func clusterFollowsTheWallClockBeforeEachCommand() {
        let harness = Harness([.line("echo 1"), .line("echo 2"), .line("exit")])
        var typingTimes: [Int64] = [2_500, 40, 0]
        harness.reader.beforeRead = { harness.clock.now += typingTimes.removeFirst() }
        _ = harness.run()
        #expect(harness.session.advanced == [2_500, 40])
    }

    @Test func waitSleepsRealTimeInSlicesAndAdvancesTheCluster() {
        let harness = Harness([.line("wait 250"), .line("exit")])
        _ = harness.run()
        #expect(harness.clock.sleeps == [100, 100, 50])
        #expect(harness.session.advanced == [100, 100, 50])
        #expect(harness.captured.combined == "waited\n")
    }

    @Test func ctrlCCutsAWaitShortAndIsClearedForTheNextCommand() {
        let harness = Harness([.line("wait 10000"), .line("wait 100"), .line("exit")])
        harness.clock.onSleep = { if harness.clock.sleeps.count == 3 { harness.flag.isSet = true } }
        _ = harness.run()
        #expect(harness.clock.sleeps == [100, 100, 100, 100])
        #expect(harness.captured.combined == "wait interrupted\nwaited\n")
    }

    @Test func isInterruptedIsWiredToTheFlag() {
        let harness = Harness([.line("echo x")])
        _ = harness.run()
        harness.flag.isSet = true
        #expect(harness.session.terminal.isInterrupted())
        harness.flag.isSet = false
        #expect(!harness.session.terminal.isInterrupted())
    }

    @Test func onATerminalAnInterruptedCommandEndsTheCaretCLine() {
        let harness = Harness([.line("wait 1000"), .line("exit")], isTerminal: true)
        harness.clock.onSleep = { harness.flag.isSet = true }
        _ = harness.run()
        // The tty printed "^C" after the command's output; the next prompt starts on a new line.
        #expect(harness.captured.combined == "wait interrupted\n\n")
    }
}

@Suite struct PromptStyleTests {
    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(PromptStyle.detect(environment: [:], outputIsTerminal: true).usesColor)
        #expect(!PromptStyle.detect(environment: [:], outputIsTerminal: false).usesColor)
        #expect(!PromptStyle.detect(environment: ["NO_COLOR": "1"], outputIsTerminal: true).usesColor)
        #expect(PromptStyle.detect(environment: ["NO_COLOR": ""], outputIsTerminal: true).usesColor)
        #expect(!PromptStyle.detect(environment: ["TERM": "dumb"], outputIsTerminal: true).usesColor)
    }

    @Test func rendersPromptsWithoutTrailingSpace() {
        let style = PromptStyle(usesColor: true)
        #expect(style.render("mysql>", depth: 3) == "\u{1}\u{1B}[1;36m\u{1}mysql\u{1}\u{1B}[0m\u{1}>")
        #expect(style.render("", depth: 1) == "")
        #expect(style.render(" ", depth: 1) == " ")
        #expect(PromptStyle(usesColor: false).render("$ ", depth: 1) == "$ ")
        #expect(PromptStyle(usesColor: false).render("a\u{1}b> ", depth: 2) == "ab> ")
    }
}
