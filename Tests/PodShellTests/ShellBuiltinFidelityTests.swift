@testable import PodShell
import Testing

/// Issue 9, defect 16's shell items, each compared with the real programs: GNU bash 5.2 and grep 3.8
/// (Debian bookworm), busybox 1.35 ash, mawk 1.3.4; busybox's regex words are musl's (Alpine).
@Suite struct ShellBuiltinFidelityTests {
    @Test func functionKeywordDefinesFunctions() {
        for dialect in [ShellDialect.bash, .busyboxSh] {
            let sh = makeShell(dialect)
            #expect(sh.combined("function f { echo f$1; }; f 1") == "f1\n")
            #expect(sh.combined("function g() { echo g; }; g; function h ( echo h ); h") == "g\nh\n")
            #expect(sh.combined("function m\n{ echo m; }\nm") == "m\n")
        }
        #expect(makeShell().combined("function f { echo x; }; type f") == "f is a function\n")
        // bash adds a second line quoting the source (`bash: -c: line 1: `function'`); kubelab's syntax errors do not yet.
        #expect(makeShell().combined("bash -c 'function'") == "bash: -c: line 1: syntax error near unexpected token `newline'\n")
    }

    @Test func dashHasNoFunctionKeywordNorAnsiCQuotes() {
        let sh = makeShell(.dash)
        #expect(sh.combined("echo $'a'") == "$a\n")
        // Debian's `sh` is dash: `function` is an ordinary (missing) command there.
        #expect(makeShell().combined("sh -c 'function'") == "sh: 1: function: not found\n")
    }

    @Test func ansiCQuotingDecodesEscapes() {
        let sh = makeShell()
        #expect(sh.combined("printf '%s|' $'a\\nb' $'t\\tx' $'q\\'q' $'\\\\' $'\\x41\\x4a' $'\\101' $'\\u00e9' \"$'x'\"; echo") == "a\nb|t\tx|q'q|\\|AJ|A|é|$'x'|\n")
        #expect(sh.combined("printf '%s|' $'\\e' $'\\cA' $'\\z' $'a\\0b'c") == "\u{1B}|\u{01}|\\z|ac|")
        let busybox = makeShell(.busyboxSh)
        #expect(busybox.combined("printf '%s|' $'a\\nb' $'\\u00e9' $'\\e' $'\\x41'") == "a\nb|\\u00e9|\\e|A|")
    }

    @Test func killInBash() {
        let sh = makeShell()
        #expect(sh.combined("kill %1; echo $?") == "bash: line 1: kill: %1: no such job\n1\n")
        #expect(sh.combined("kill 12345; echo $?") == "bash: line 1: kill: (12345) - No such process\n1\n")
        #expect(sh.combined("kill abc; echo $?") == "bash: line 1: kill: abc: arguments must be process or job IDs\n1\n")
        #expect(sh.combined("kill -FOO 12345; echo $?") == "bash: line 1: kill: FOO: invalid signal specification\n1\n")
        #expect(sh.combined("kill; echo $?") == "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n2\n")
        #expect(sh.combined("kill -s; echo $?") == "bash: line 1: kill: -s: option requires an argument\n1\n")
        #expect(sh.combined("kill -l 9; kill -l 137; kill -l KILL; kill -l sigterm; kill -l 0") == "KILL\nKILL\n9\n15\nEXIT\n")
        #expect(sh.combined("kill -l | head -2") == " 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n")
        #expect(sh.combined("kill -l | tail -1") == "63) SIGRTMAX-1\t64) SIGRTMAX\t\n")
        #expect(sh.combined("kill -0 $$; echo $?; type kill") == "0\nkill is a shell builtin\n")
        #expect(sh.combined("sh -c 'kill -9 $$; echo no'; echo $?") == "137\n")
        #expect(sh.combined("sh -c 'kill $$; echo no'; echo $?") == "143\n")
        #expect(sh.combined("sh -c 'kill -s KILL -- $$'; echo $?") == "137\n")
    }

    @Test func killAtABashPromptIgnoresTerm() {
        let sh = makeShell(interactive: true)
        #expect(sh.combined("kill $$; echo alive") == "alive\n")
        #expect(sh.combined("kill 12345") == "bash: kill: (12345) - No such process\n")
    }

    @Test func killInBusybox() {
        let sh = makeShell(.busyboxSh)
        #expect(sh.combined("kill %1; echo $?") == "sh: kill: line 1: %1: no such job\n2\n")
        #expect(sh.combined("kill 12345; echo $?") == "sh: can't kill pid 12345: No such process\n1\n")
        #expect(sh.combined("kill abc; echo $?") == "sh: invalid number 'abc'\n1\n")
        #expect(sh.combined("kill -FOO 12345; echo $?") == "sh: bad signal name 'FOO'\n1\n")
        #expect(sh.combined("kill; echo $?") == "sh: you need to specify whom to kill\n1\n")
        #expect(sh.combined("kill -l 9; kill -l 200; kill -l FOO") == "KILL\n72\nsh: unknown signal 'FOO'\n")
        #expect(sh.combined("kill -l | head -2; kill -l | tail -1") == " 1) HUP\n 2) INT\n31) SYS\n")
        #expect(sh.combined("sh -c 'kill -9 $$; echo no'; echo $?") == "137\n")
    }

    @Test func killOfTheMainProcessSaysItIsNotSimulated() {
        let sh = makeShell()
        sh.processID = 7
        #expect(sh.combined("kill 1; echo $?") == "kubelab: kill: signalling the container's main process (PID 1) is not simulated; `kubectl delete pod` restarts it\n1\n")
        #expect(sh.combined("kill -0 1; echo $?") == "0\n")
    }

    @Test func grepBracketMessages() {
        let gnu = makeShell()
        #expect(gnu.combined("echo x | grep -E '['; echo $?") == "grep: Invalid regular expression\n2\n")
        #expect(gnu.combined("echo x | grep 'x[^'; echo $?") == "grep: Invalid regular expression\n2\n")
        #expect(gnu.combined("echo x | grep -E '[a'; echo $?") == "grep: Unmatched [, [^, [:, [., or [=\n2\n")
        #expect(gnu.combined("echo x | grep '[]'; echo $?") == "grep: Unmatched [, [^, [:, [., or [=\n2\n")
        let busybox = makeShell(.busyboxSh)
        #expect(busybox.combined("echo x | grep -E '['; echo $?") == "grep: bad regex '[': Missing ']'\n2\n")
        #expect(busybox.combined("echo x | grep -E '(a'; echo $?") == "grep: bad regex '(a': Missing ')'\n2\n")
        #expect(busybox.combined("echo x | grep '[[:foo:]]'; echo $?") == "grep: bad regex '[[:foo:]]': Unknown character class name\n2\n")
    }

    @Test func awkMathFunctionsPrintThroughPercentPointSixG() {
        let sh = makeShell()
        #expect(sh.combined("awk 'BEGIN { print exp(1), log(10), sqrt(2), int(-3.7), atan2(0, -1), sin(1), cos(1) }'") == "2.71828 2.30259 1.41421 -3 3.14159 0.841471 0.540302\n")
        #expect(sh.combined("awk 'BEGIN { print exp(100), log(0), log(-1), exp(1000), sqrt(-1), exp(0), log(1) }'") == "2.68812e+43 -inf -nan inf -nan 1 0\n")
        #expect(sh.combined("awk 'BEGIN { print 0.1 + 0.2, 1/3, 1e-7, 123456.7, 1234567.8 }'") == "0.3 0.333333 1e-07 123457 1.23457e+06\n")
        #expect(sh.combined("awk 'BEGIN { e = 5; print 1e3, 1.5e+2, 2E-3, .5, 1.e2, 1e }'") == "1000 150 0.002 0.5 100 15\n")
        #expect(sh.combined("awk 'BEGIN { x = exp(1) \"\"; OFMT = \"%.2f\"; print exp(1), x, 17 }'") == "2.72 2.71828 17\n")
        #expect(sh.combined("awk 'BEGIN { CONVFMT = \"%.3f\"; x = exp(1) \"\"; print x, 17 \"\", exp(1) }'") == "2.718 17 2.71828\n")
        #expect(sh.combined("awk 'BEGIN { printf \"%e %.3g %10.2E|%g\\n\", exp(1), 1234567, 5, 0.0001 }'") == "2.718282e+00 1.23e+06   5.00E+00|0.0001\n")
        // kubelab's own choice: a format C's printf could not take with a number falls back to %.6g.
        #expect(sh.combined("awk 'BEGIN { OFMT = \"%s\"; print 1.5 }'") == "1.5\n")
    }
}
