import KubeLab
import PodShell
import Testing
@testable import KubeLabCLI

@Suite struct ScriptRunnerTests {
    private func run(_ lines: [String], strict: Bool = false) -> (output: CapturedOutput, code: Int32, session: FakeSession) {
        let session = FakeSession()
        let captured = CapturedOutput()
        let code = ScriptRunner.run(lines: lines, session: session, strict: strict, output: captured.channel)
        return (captured, code, session)
    }

    @Test func echoesEachLineAfterThePromptThenItsOutput() {
        let result = run(["echo hello", "", "echo 안녕하세요"])
        #expect(result.output.combined == "$ echo hello\nhello\n$ \n$ echo 안녕하세요\n안녕하세요\n")
        #expect(result.code == 0)
    }

    @Test func stdoutAndStderrKeepTheirOrder() {
        let result = run(["echo one", "nosuch", "echo two"])
        #expect(result.output.combined == "$ echo one\none\n$ nosuch\nnosuch: command not found\n$ echo two\ntwo\n")
        #expect(result.output.err == "nosuch: command not found\n")
        #expect(result.output.out == "$ echo one\none\n$ nosuch\n$ echo two\ntwo\n")
    }

    @Test func continuationLinesShowTheContinuationPrompt() {
        let result = run(["echo a \\", "b \\", "c", "echo d"])
        #expect(result.output.combined == "$ echo a \\\n> b \\\n> c\na b c\n$ echo d\nd\n")
    }

    @Test func nestedProgramsReadTheirLinesWithTheirOwnPrompts() {
        let result = run(["enter mysql-0", "ls /", "enter mysql", "show databases;", "exit", "exit", "echo host"])
        #expect(result.output.combined == """
            $ enter mysql-0
            mysql-0> ls /
            mysql-0: ls /
            mysql-0> enter mysql
            mysql> show databases;
            mysql: show databases;
            mysql> exit
            mysql-0> exit
            $ echo host
            host

            """)
    }

    @Test func endOfScriptClosesOpenProgramsInnermostFirst() {
        let result = run(["enter outer", "enter inner", "hello"])
        #expect(result.output.combined == """
            $ enter outer
            outer> enter inner
            inner> hello
            inner: hello
            bye from inner
            bye from outer

            """)
        #expect(result.session.terminal.isFinished)
    }

    @Test func exitOnTheHostStopsTheScript() {
        let result = run(["echo before", "exit", "echo after"])
        #expect(result.output.combined == "$ echo before\nbefore\n$ exit\n")
        #expect(result.code == 0)
    }

    @Test func strictTurnsAFailedHostCommandIntoExitCode1() {
        #expect(run(["fail 3", "echo fine"], strict: false).code == 0)
        #expect(run(["fail 3", "echo fine"], strict: true).code == 1)
        #expect(run(["echo fine", "echo also fine"], strict: true).code == 0)
        #expect(run(["echo fine", "exit 4"], strict: true).code == 1)
    }

    @Test func strictCountsAnInteractiveProgramByTheStatusItReturns() {
        // A failure inside the nested program is not a host command; its exit status is.
        #expect(run(["enter pod", "fail 2", "exit 0", "echo ok"], strict: true).code == 0)
        #expect(run(["enter pod", "exit 5", "echo ok"], strict: true).code == 1)
    }

    @Test func sameScriptPrintsTheSameBytes() {
        let lines = ["echo a", "enter x", "y", "exit", "fail 1", "echo 終わり"]
        #expect(run(lines).output.combined == run(lines).output.combined)
    }

    @Test func scriptModeKeepsTheSessionsOwnWait() {
        let session = FakeSession()
        var waited: [Int64] = []
        session.terminal.wait = { ms in
            waited.append(ms)
            return true
        }
        let captured = CapturedOutput()
        _ = ScriptRunner.run(lines: ["wait 1500"], session: session, strict: false, output: captured.channel)
        #expect(waited == [1500])
        #expect(captured.combined == "$ wait 1500\nwaited\n")
    }
}
