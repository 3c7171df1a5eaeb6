import Testing
@testable import PodShell

/// Runaway commands end at a budget that names itself (docs/limits.md), and a limit that was hit
/// is reported, never turned into a silently wrong answer.
@Suite struct BudgetTests {
    static let pipeLimit = "kubelab: bash: pipe stopped at the pipe limit (64 KiB per pipe); the command reading it saw only the beginning\n"

    /// A shell with a 64 KiB output limit, so a runaway reaches it quickly in a debug build.
    static func smallShell() -> ShellEnvironment {
        let sh = makeShell()
        sh.limits.maxOutputBytes = 64 << 10
        return sh
    }

    @Test func discardingToDevNullCountsAgainstTheOutputLimit() {
        let sh = makeShell()
        #expect(sh.combined("yes > /dev/null; echo not reached") == "kubelab: output stopped: a command line may print at most 8 MiB\n")
        #expect(sh.combined("cat /dev/zero > /dev/null") == "kubelab: output stopped: a command line may print at most 8 MiB\n")
        #expect(sh.combined("echo kept > /dev/null; echo next") == "next\n")
    }

    @Test func aReaderOfACutPipeReportsTheLimitInsteadOfAWrongCount() {
        let sh = Self.smallShell()
        #expect(sh.combined("yes | wc -l") == Self.pipeLimit)
        #expect(sh.combined("seq 1 100000000 | wc -l") == Self.pipeLimit)
        #expect(sh.combined("yes | grep y | wc -l") == Self.pipeLimit)
        // Readers that need only the beginning are right, as with SIGPIPE.
        #expect(sh.combined("yes | head -n 2; seq 1 100000000 | head -n 1") == "y\ny\n1\n")
        #expect(sh.combined("seq 10000 | wc -l") == "10000\n")
    }

    @Test func braceExpansionPastItsWordLimitIsAnError() {
        let sh = makeShell()
        #expect(sh.combined("echo {1..100000000}; echo $?") == "kubelab: brace expansion stopped at the word limit (10000 words per word)\n1\n")
        #expect(sh.combined("echo {a,b}{1..5000} | wc -w") == "10000\n")
        #expect(sh.combined("echo {a,b,c}{1..5000} | wc -w") == "kubelab: brace expansion stopped at the word limit (10000 words per word)\n0\n")
    }

    @Test func doublingAStringStopsAtTheStringLimit() {
        let sh = makeShell()
        #expect(sh.combined("x=a; for i in $(seq 40); do x=$x$x; done; echo ${#x}") ==
                "kubelab: bash: stopped at the string size limit (8 MiB per value or command line)\n")
        #expect(sh.combined("awk 'BEGIN{s=\"x\"; while(1) s = s s}'; echo $?") == "kubelab: awk: stopped at the string size limit (8 MiB per string)\n2\n")
    }

    @Test func nestedLoopsAndFanOutStopAtTheStepLimit() {
        let sh = makeShell()
        #expect(ShellLimits().maxSteps == 1_000_000)
        sh.limits.maxSteps = 20_000
        #expect(sh.combined("for i in $(seq 10000); do for j in $(seq 10000); do :; done; done") ==
                "kubelab: bash: stopped at the step limit (20000 commands and loop iterations per command line)\n")
        sh.limits.maxCallDepth = 30
        #expect(sh.combined("f() { f; f; }; f") ==
                "bash: maximum function nesting level exceeded (30)\n")
        #expect(sh.combined("awk 'BEGIN{while(1) n++}'; echo $?") == "kubelab: awk: stopped at the step limit (5000000 steps)\n2\n")
    }

    @Test func longPathsFailWithFileNameTooLong() {
        let sh = makeShell()
        let deep = String(repeating: "a/", count: 5000)
        #expect(sh.combined("mkdir -p \(deep); echo $?") == "mkdir: cannot create directory '\(deep)': File name too long\n1\n")
        let name = String(repeating: "n", count: 256)
        #expect(sh.combined("touch /tmp/\(name)") == "touch: cannot touch '/tmp/\(name)': File name too long\n")
        #expect(sh.combined("mkdir -p \(String(repeating: "b/", count: 200)) && echo ok") == "ok\n")
    }

    @Test func aVolumeWithoutCapacityStopsAtTheDefault() {
        let sh = makeShell()
        #expect(sh.combined("for i in $(seq 100); do head -c 8000000 /dev/zero > /tmp/f$i || break; done; ls /tmp | wc -l") ==
                "bash: write error: No space left on device\n9\n")
    }
}

/// A here-document typed line by line costs one parse per delimiter-like line, not per line.
@Suite struct HereDocumentInputTests {
    @Test func aLongHereDocumentIsReadInLinearTime() {
        let sh = makeShell(interactive: true)
        let terminal = Terminal(mode: .script, writeOut: { _ in }, writeErr: { _ in })
        var out = ""
        terminal.writeOut = { out += $0 }
        let session = ShellSession(environment: sh, prompt: "$ ")
        terminal.push(session)
        terminal.feed("cat <<EOF | wc -l")
        for i in 0..<9_000 { terminal.feed("line \(i) of the document") }
        terminal.feed("EOF")
        #expect(out == "9000\n")
    }

    @Test func inputPastTheLineLimitIsDroppedWithAMessage() {
        let sh = makeShell(interactive: true)
        var err = ""
        let terminal = Terminal(mode: .script, writeOut: { _ in }, writeErr: { err += $0 })
        terminal.push(ShellSession(environment: sh, prompt: "$ "))
        terminal.feed("cat <<EOF")
        for i in 0..<ShellSession.maxPendingLines { terminal.feed("line \(i)") }
        #expect(err == "kubelab: bash: input stopped at the line limit (10000 lines per command); the command did not run\n")
        #expect(terminal.prompt == "$ ")
    }
}
