import Testing
@testable import PodShell

@Suite struct RobustnessTests {
    /// Random token soups must never crash the parser or the interpreter.
    @Test func randomInputNeverCrashes() {
        let iterations = 1500
        let pieces = ["echo", "x", "'", "\"", "$", "${", "}", "$(", ")", "(", "`", "|", "||", "&&", ";", "&", ">", ">>", "<", "2>&1",
                      "<<", "EOF", "\n", "for", "in", "do", "done", "if", "then", "fi", "else", "while", "case", "esac", ";;",
                      "{", "}", "\\", "#", "*", "?", "[", "]", "~", "$((", "))", "1+", "/", "..", "ls", "cat", "grep", "-v",
                      "sed", "s/a/b/", "awk", "{print $1}", "=", "A=", "$#", "$@", "$?", "cd", "-", "test", "[", "!", "read", " ",
                      "printf", "%", "%s", "%d", "tr", "cut", "-d", "sort", "-n", "head", "-c", "wc", "expr", "seq", "10", "break", "exit",
                      "[[", "]]", "((", "{a,b}", "{1..3}", "=~", "==", "f()", "sh", "-c", "<<<", "&>", "${x:-", "${#", "%%", "##"]
        var seed: UInt64 = 7
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<iterations {
            var source = ""
            for _ in 0..<(1 + next() % 12) {
                source += pieces[next() % pieces.count]
                if next() % 2 == 0 { source += " " }
            }
            _ = try? ShellParser.parse(source)
            let sh = makeShell(next() % 2 == 0 ? .bash : .busyboxSh)
            sh.limits.maxLoopIterations = 50
            sh.limits.maxOutputBytes = 1 << 16
            _ = sh.capture(source)
        }
    }
}

@Suite struct DeepNestingTests {
    @Test func deepNestingIsASyntaxErrorNotACrash() {
        let sh = makeShell()
        let deep = String(repeating: "$(", count: 5000) + String(repeating: ")", count: 5000)
        #expect(sh.capture("echo \(deep)").status == 2)
        let parens = String(repeating: "(", count: 5000) + "true" + String(repeating: ")", count: 5000)
        #expect(sh.capture(parens).status != 0)
        let arithmetic = "echo $((" + String(repeating: "$((", count: 3000) + "1" + String(repeating: "))", count: 3000) + "))"
        _ = sh.capture(arithmetic)
        let backticks = "echo " + String(repeating: "\\`", count: 64)
        _ = sh.capture(backticks)
        #expect(sh.capture("echo $(echo $(echo ok))").stdout == "ok\n")
        #expect(sh.capture("a=b; b=a; echo $((a))").stderr == "bash: a: expression recursion level exceeded\n")
        _ = sh.capture("[ " + String(repeating: "! ", count: 5000) + "x ]")
        _ = sh.capture("echo " + String(repeating: "{a,b}", count: 3000))
        _ = sh.capture("echo x | sed '" + String(repeating: "{", count: 3000) + "'")
        _ = sh.capture("echo x | awk '{print " + String(repeating: "(", count: 3000) + "1" + String(repeating: ")", count: 3000) + "}'")
        #expect(sh.capture("f() { f; }; f").stderr == "bash: maximum function nesting level exceeded (200)\n")
        _ = sh.capture("echo 'sh /tmp/r' > /tmp/r; sh /tmp/r")
    }
}
