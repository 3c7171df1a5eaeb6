import Testing
@testable import PodShell

@Suite struct SessionTests {
    private func terminal() -> (Terminal, () -> String) {
        final class Box { var text = "" }
        let box = Box()
        let t = Terminal(mode: .script, writeOut: { box.text += $0 }, writeErr: { box.text += $0 })
        return (t, { box.text })
    }

    @Test func continuationPromptAndExit() {
        let (t, output) = terminal()
        let env = makeShell(.bash)
        let session = ShellSession(environment: env, makePrompt: ShellSession.bashPrompt)
        t.push(session)
        #expect(t.prompt == "root@web-0:/# ")
        t.feed("for i in 0 1; do")
        #expect(t.prompt == "> ")
        t.feed("echo web-$i")
        t.feed("done")
        #expect(output() == "web-0\nweb-1\n")
        t.feed("echo 'open")
        #expect(t.prompt == "> ")
        t.feed("close'")
        #expect(output().hasSuffix("open\nclose\n"))
        t.feed("echo a \\")
        t.feed("b")
        #expect(output().hasSuffix("a b\n"))
        t.feed("true &&")
        #expect(t.prompt == "> ")
        t.interrupt()
        #expect(t.prompt == "root@web-0:/# ")
        t.feed("cd /tmp")
        #expect(t.prompt == "root@web-0:/tmp# ")
        let code = t.feed("exit 3")
        #expect(code == 3)
        #expect(t.isFinished)
        #expect(output().hasSuffix("exit\n"))
    }

    /// Ctrl-D (or the end of a script) inside an open quote or loop drops that command with the shell's
    /// words; only a second Ctrl-D at the plain prompt leaves.
    @Test func endOfInputInsideACommandDropsIt() {
        let (t, output) = terminal()
        let session = ShellSession(environment: makeShell(.bash), makePrompt: ShellSession.bashPrompt)
        t.push(session)
        t.feed("echo 'open")
        t.endOfInput()
        #expect(output() == "bash: unexpected EOF while looking for matching `''\n")
        #expect(t.programs.count == 1 && t.prompt == "root@web-0:/# ")
        t.feed("echo $?")
        #expect(output().hasSuffix("2\n"))
        t.feed("for i in 1 2")
        t.endOfInput()
        #expect(output().hasSuffix("bash: syntax error: unexpected end of file\n"))
        t.endOfInput()
        #expect(t.programs.isEmpty)
    }

    @Test func busyboxPromptAndNestedShell() {
        let (t, output) = terminal()
        let env = makeShell(.busyboxSh)
        let session = ShellSession(environment: env, makePrompt: ShellSession.busyboxPrompt)
        t.push(session)
        #expect(t.prompt == "/ # ")
        t.feed("sh")
        #expect(t.programs.count == 2)
        t.feed("exit 5")
        #expect(t.programs.count == 1)
        t.feed("echo $?")
        #expect(output() == "5\n")
    }

    /// The rest of a line waits for the interactive program it started, and sees its status.
    @Test func restOfTheLineRunsAfterTheNestedShellExits() {
        let (t, output) = terminal()
        t.push(ShellSession(environment: makeShell(.busyboxSh), makePrompt: ShellSession.busyboxPrompt))
        t.feed("sh && echo ok || echo failed $?; echo after")
        #expect(t.programs.count == 2)
        #expect(output() == "")
        t.feed("echo inside")
        t.feed("exit 4")
        #expect(output() == "inside\nfailed 4\nafter\n")
        #expect(t.programs.count == 1)
        t.feed("sh; echo second $?")
        t.feed("exit")
        #expect(output().hasSuffix("second 0\n"))
        // Two programs on one line: the second starts when the first ends.
        t.feed("sh; sh; echo both")
        t.feed("exit")
        #expect(t.programs.count == 2)
        t.feed("exit")
        #expect(output().hasSuffix("both\n"))
        // `exit` after the program ends the outer shell too.
        t.feed("sh; exit 7")
        t.feed("exit")
        #expect(t.isFinished)
    }

    @Test func stdinIsTerminalForCommands() {
        let (t, _) = terminal()
        let env = makeShell(.hostBash)
        var seen: [Bool] = []
        env.commands["probe"] = { ctx in seen.append(ctx.stdinIsTerminal); seen.append(ctx.stdoutIsTerminal); return 0 }
        t.push(ShellSession(environment: env, prompt: "$ "))
        t.feed("probe")
        t.feed("echo x | probe > /dev/null")
        #expect(seen == [true, true, false, false])
    }
}

@Suite struct SessionHereDocumentTests {
    @Test func hereDocumentSpansLines() {
        final class Box { var text = "" }
        let box = Box()
        let t = Terminal(mode: .script, writeOut: { box.text += $0 }, writeErr: { box.text += $0 })
        let env = makeShell(.busyboxSh)
        t.push(ShellSession(environment: env, makePrompt: ShellSession.busyboxPrompt))
        t.feed("cat <<EOF > /tmp/notes")
        #expect(t.prompt == "> ")
        t.feed("hello $HOSTNAME")
        t.feed("EOF")
        #expect(t.prompt == "/ # ")
        t.feed("cat /tmp/notes; history")
        #expect(box.text == "hello web-0\n    1  cat <<EOF > /tmp/notes\nhello $HOSTNAME\nEOF\n    2  cat /tmp/notes; history\n")
    }
}
