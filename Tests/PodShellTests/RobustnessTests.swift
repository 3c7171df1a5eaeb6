import Testing
@testable import PodShell

@Suite struct RobustnessTests {
    /// Random token soups must never crash the parser or the interpreter.
    @Test func randomInputNeverCrashes() {
        let pieces = ["echo", "x", "'", "\"", "$", "${", "}", "$(", ")", "(", "`", "|", "||", "&&", ";", "&", ">", ">>", "<", "2>&1",
                      "<<", "EOF", "\n", "for", "in", "do", "done", "if", "then", "fi", "else", "while", "case", "esac", ";;",
                      "{", "}", "\\", "#", "*", "?", "[", "]", "~", "$((", "))", "1+", "/", "..", "ls", "cat", "grep", "-v",
                      "sed", "s/a/b/", "awk", "{print $1}", "=", "A=", "$#", "$@", "$?", "cd", "-", "test", "[", "!", "read", " ",
                      "printf", "%", "%s", "%d", "tr", "cut", "-d", "sort", "-n", "head", "-c", "wc", "expr", "seq", "10", "break", "exit"]
        var seed: UInt64 = 7
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<1500 {
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
