import Testing
@testable import PodShell

@Suite struct ParserTests {
    @Test func quotesAndEscapes() {
        let sh = makeShell()
        #expect(sh.combined(#"echo 'single $HOME' "double $HOSTNAME" back\ slash "q\"uote" 'it'\''s'"#)
                == "single $HOME double web-0 back slash q\"uote it's\n")
        #expect(sh.combined(#"echo "a\nb" '\t'"#) == "a\\nb \\t\n")
    }

    @Test func nestingOfSubstitutions() {
        let sh = makeShell()
        #expect(sh.combined(#"echo "$(echo "$(echo deep) inner") outer""#) == "deep inner outer\n")
        #expect(sh.combined("echo `echo a` $(( (2+3) * $(echo 4) ))") == "a 20\n")
    }

    @Test func commentsAndContinuations() {
        let sh = makeShell()
        #expect(sh.combined("echo a # comment\necho b#notcomment") == "a\nb#notcomment\n")
        #expect(sh.combined("echo one \\\ntwo") == "one two\n")
    }

    @Test func incompleteInputIsReported() {
        for source in ["echo 'open", "for i in 1; do echo", "echo a &&", "echo a |", "if true; then", "echo \\", "echo $(", "while true", "case x in"] {
            #expect(throws: ShellSyntaxError.self) { try ShellParser.parse(source) }
            do { _ = try ShellParser.parse(source) } catch let e as ShellSyntaxError {
                if case .incomplete = e {} else { Issue.record("\(source) gave \(e)") }
            } catch {}
        }
    }

    @Test func bashSyntaxErrorWording() {
        let sh = makeShell(.bash, interactive: true)
        #expect(sh.combined("done") == "bash: syntax error near unexpected token `done'\n")
        #expect(sh.combined("echo a; ; echo b") == "bash: syntax error near unexpected token `;'\n")
        #expect(sh.combined("for i in 1; do done") == "bash: syntax error near unexpected token `done'\n")
        #expect(sh.combined("echo >") == "bash: syntax error near unexpected token `newline'\n")
        let script = makeShell(.bash)
        #expect(script.combined("fi") == "bash: -c: line 1: syntax error near unexpected token `fi'\n")
    }

    @Test func busyboxSyntaxErrorWording() {
        let sh = makeShell(.busyboxSh, interactive: true)
        #expect(sh.combined("done") == "sh: syntax error: unexpected \"done\"\n")
        #expect(sh.combined("for i in 1; do echo x") == "sh: syntax error: unexpected end of file (expecting \"done\")\n")
        #expect(sh.combined("echo 'x") == "sh: syntax error: unterminated quoted string\n")
    }

    @Test func everyCompoundCommandParses() throws {
        let sources = [
            "for x in a b; do echo $x; done",
            "while false; do :; done",
            "until true; do :; done",
            "if a; then b; elif c; then d; else e; fi",
            "case $x in a|b) echo ab;; *) echo other;; esac",
            "{ echo a; echo b; }",
            "( cd /tmp; pwd )",
            "f() { echo hi; }",
            "A=1 B=2 env",
            "cat <<EOF\nhello\nEOF",
            "echo a > f 2>&1; cat < f >> g 2>/dev/null; ls &> h",
            "! true && false || echo x",
            "sleep 1 &",
        ]
        for s in sources { _ = try ShellParser.parse(s) }
        let tree = try ShellParser.parse("a | b && c")
        guard case .andOr(.pipeline(let stages, false), let rest) = tree.commands[0] else { Issue.record("shape"); return }
        #expect(stages.count == 2)
        #expect(rest.count == 1 && rest[0].isAnd)
    }
}

@Suite struct QuoteErrorTests {
    @Test func unterminatedQuotes() {
        #expect(makeShell(.bash).combined("echo 'x") == "bash: -c: line 1: unexpected EOF while looking for matching `''\n")
        #expect(makeShell(.bash).combined("echo \"x") == "bash: -c: line 1: unexpected EOF while looking for matching `\"'\n")
        #expect(makeShell(.busyboxSh).combined("echo \"x") == "sh: syntax error: unterminated quoted string\n")
    }
}
