import Testing
@testable import PodShell

@Suite struct InterpreterTests {
    @Test func parameterExpansion() {
        let sh = makeShell()
        #expect(sh.combined("x=hello.tar.gz; echo ${x%.gz} ${x%%.*} ${x#*.} ${x##*.} ${#x} ${x/l/L} ${x//l/L} ${x:0:5}") ==
                "hello.tar hello tar.gz gz 12 heLlo.tar.gz heLLo.tar.gz hello\n")
        #expect(sh.combined("unset y; echo ${y:-d} ${y:=set} $y ${y:+alt} [${z}]") == "d set set alt []\n")
        #expect(sh.combined("set -- a 'b c' d; echo $# $1 $2; for a in \"$@\"; do echo [$a]; done") == "3 a b c\n[a]\n[b c]\n[d]\n")
        #expect(sh.combined("false; echo $?; true; echo $?") == "1\n0\n")
        #expect(sh.combined("echo $$") == "1\n")
    }

    @Test func randomIsSeeded() {
        let a = makeShell().combined("echo $RANDOM $RANDOM")
        let b = makeShell().combined("echo $RANDOM $RANDOM")
        #expect(a == b)
        #expect(a != "0 0\n")
    }

    @Test func fieldSplittingAndGlobbing() {
        let sh = makeShell()
        _ = sh.combined("mkdir -p /d && touch /d/a.txt /d/b.txt /d/c.log /d/.hidden")
        #expect(sh.combined("x='1  2'; for v in $x; do echo [$v]; done; for v in \"$x\"; do echo \"[$v]\"; done") == "[1]\n[2]\n[1  2]\n")
        #expect(sh.combined("echo /d/*.txt; echo /d/?.log; echo /d/*.none; echo '/d/*'") == "/d/a.txt /d/b.txt\n/d/c.log\n/d/*.none\n/d/*\n")
        #expect(sh.combined("cd /d && echo *") == "a.txt b.txt c.log\n")
        #expect(sh.combined("echo ~ ~/x") == "/root /root/x\n")
    }

    @Test func arithmetic() {
        let sh = makeShell()
        #expect(sh.combined("i=3; echo $((i+1)) $((i*i)) $((10/3)) $((10%3)) $((2**10)) $((i>2 && i<5)) $(( -i ))") == "4 9 3 1 1024 1 -3\n")
        #expect(sh.combined("i=0; i=$((i+1)); echo $i; echo $((i++)) $i") == "1\n1 2\n")
        #expect(sh.combined("echo $((1/0))") == "bash: 1/0: division by 0 (error token is \"0\")\n")
    }

    @Test func pipelinesAndLists() {
        let sh = makeShell()
        #expect(sh.combined("printf 'a\\nb\\n' | grep -v a") == "b\n")
        #expect(sh.combined("echo one | tr a-z A-Z | rev") == "ENO\n")
        #expect(sh.combined("true && echo yes || echo no; false && echo yes || echo no") == "yes\nno\n")
        #expect(sh.combined("false | true; echo $?; true | false; echo $?") == "0\n1\n")
        #expect(sh.combined("! false; echo $?") == "0\n")
        #expect(sh.combined("echo x | read v; echo [$v]") == "[]\n")
    }

    @Test func redirections() {
        let sh = makeShell()
        #expect(sh.combined("echo hi > /tmp/f; echo there >> /tmp/f; cat /tmp/f") == "hi\nthere\n")
        #expect(sh.combined("cat < /tmp/f | wc -l") == "2\n")
        #expect(sh.combined("cat /nope 2>/dev/null; echo $?") == "1\n")
        #expect(sh.combined("cat /nope > /tmp/out 2>&1; cat /tmp/out") == "cat: /nope: No such file or directory\n")
        #expect(sh.combined("ls /nope &> /tmp/both; cat /tmp/both") == "ls: cannot access '/nope': No such file or directory\n")
        #expect(sh.combined("echo x > /nodir/f") == "bash: /nodir/f: No such file or directory\n")
        #expect(sh.combined("cat <<EOF\nhello $HOSTNAME\nEOF") == "hello web-0\n")
        #expect(sh.combined("cat <<'EOF'\nhello $HOSTNAME\nEOF") == "hello $HOSTNAME\n")
        #expect(sh.combined("for i in 1 2; do echo $i; done > /tmp/loop; cat /tmp/loop") == "1\n2\n")
    }

    @Test func compoundCommands() {
        let sh = makeShell()
        #expect(sh.combined("for i in 0 1; do echo web-$i; done") == "web-0\nweb-1\n")
        #expect(sh.combined("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done") == "0\n1\n2\n")
        #expect(sh.combined("i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i") == "2\n")
        #expect(sh.combined("x=5; if [ $x -gt 9 ]; then echo big; elif [ $x -gt 3 ]; then echo mid; else echo small; fi") == "mid\n")
        #expect(sh.combined("case web-1 in web-0) echo zero;; web-*) echo other;; esac") == "other\n")
        #expect(sh.combined("{ echo a; echo b; } | wc -l") == "2\n")
        #expect(sh.combined("cd /tmp; (cd /; pwd); pwd") == "/\n/tmp\n")
        #expect(sh.combined("greet() { echo hello $1; return 3; }; greet you; echo $?") == "hello you\n3\n")
        #expect(sh.combined("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done") == "1\n3\n")
        #expect(sh.combined("for i in a b; do for j in 1 2; do [ $j = 2 ] && continue 2; echo $i$j; done; done") == "a1\nb1\n")
        #expect(sh.combined("echo before; exit 4; echo after") == "before\n")
        #expect(sh.capture("exit 4").status == 4)
        #expect(sh.combined("(exit 3); echo $?") == "3\n")
        #expect(sh.combined("A=1; A=2 sh -c 'echo $A'; echo $A") == "2\n1\n")
        #expect(sh.combined("export V=x; sh -c 'echo $V; exit 7'; echo $?") == "x\n7\n")
        #expect(sh.combined("sleep 2 & echo bg") == "bg\n")
    }

    @Test func unknownCommandsPerDialect() {
        #expect(makeShell(.bash, interactive: true).combined("foo") == "bash: foo: command not found\n")
        #expect(makeShell(.bash).combined("foo") == "bash: line 1: foo: command not found\n")
        #expect(makeShell(.busyboxSh).combined("foo; echo $?") == "sh: foo: not found\n127\n")
        #expect(makeShell(.busyboxSh).combined("sh -c 'nslookup x'") == "sh: nslookup: not found\n")
    }

    @Test func runawayLoopStops() {
        let sh = makeShell()
        let result = sh.capture("while true; do echo x; done")
        #expect(result.stderr == "kubelab: loop stopped after 10000 iterations\n")
        #expect(result.stdout.count == 20_000)
        #expect(sh.combined("echo after") == "after\n")
    }

    @Test func loopStopsOnVirtualTimeBound() {
        let sh = makeShell()
        sh.limits.maxLoopMillis = 60_000
        let result = sh.capture("while true; do date +%T; sleep 15; done")
        #expect(result.stdout == "09:00:05\n09:00:20\n09:00:35\n09:00:50\n09:01:05\n")
        #expect(result.stderr == "kubelab: loop stopped after 60 s of cluster time\n")
    }

    @Test func interruptedSleepStopsTheLine() {
        let sh = makeShell()
        sh.sleep = { _ in false }
        let result = sh.capture("while true; do echo tick; sleep 15; done; echo never")
        #expect(result.stdout == "tick\n")
        #expect(result.status == 130)
    }

    @Test func outputIsCapped() {
        let sh = makeShell()
        sh.limits.maxOutputBytes = 1 << 20
        let r = sh.capture("yes")
        #expect(r.stdout.utf8.count <= 1 << 20)
        #expect(r.stderr == "kubelab: output stopped: a command line may print at most 1 MiB\n")
        let big = sh.capture("echo $(head -c 100000000 /dev/zero)")
        #expect(big.stderr.contains("output stopped"))
        let yesHead = sh.capture("yes | head -n 2")
        #expect(yesHead.stdout == "y\ny\n")
    }

    @Test func hugeRedirectFailsWithNoSpace() {
        let sh = makeShell(.busyboxSh)
        sh.fileSystem.maxFileBytes = 1 << 20
        let r = sh.capture("yes > /tmp/big; echo $?")
        #expect(r.stderr == "sh: write error: No space left on device\n")
        #expect(r.stdout == "1\n")
    }

    @Test func tenThousandIterationsRunToTheEnd() {
        let sh = makeShell()
        do {
            _ = sh.capture("i=0; while [ $i -lt 9999 ]; do i=$((i+1)); done; echo $i")
        }
        #expect(sh.capture("echo $i").stdout == "9999\n")
    }
}

@Suite struct ArithmeticCommandTests {
    @Test func doubleParenthesesCommand() {
        let sh = makeShell()
        #expect(sh.combined("i=0; ((i++)); ((i += 5)); echo $i; (( i > 10 )) || echo small") == "6\nsmall\n")
        #expect(sh.combined("sh -c 'echo \"a\\tb\"'") == "a\tb\n")
    }
}

@Suite struct BraceExpansionTests {
    @Test func bashExpandsBraces() {
        let sh = makeShell()
        #expect(sh.combined("echo web-{0,1} {1..3} {a..c} {08..10} x{1..5..2} '{a,b}' {solo} \"{q,r}\"") ==
                "web-0 web-1 1 2 3 a b c 08 09 10 x1 x3 x5 {a,b} {solo} {q,r}\n")
        #expect(sh.combined("for i in {0..2}; do echo pod-$i; done") == "pod-0\npod-1\npod-2\n")
        #expect(sh.combined("echo {a,b}{1,2}") == "a1 a2 b1 b2\n")
    }

    @Test func busyboxKeepsBraces() {
        #expect(makeShell(.busyboxSh).combined("echo {0..2}") == "{0..2}\n")
    }
}

@Suite struct ConditionalTests {
    @Test func doubleBrackets() {
        let sh = makeShell()
        #expect(sh.combined("x='a b'; [[ $x == a* ]] && echo glob; [[ $x == \"a*\" ]] || echo literal") == "glob\nliteral\n")
        #expect(sh.combined("[[ -d /tmp && ! -f /tmp ]] && echo dir; [[ web-12 =~ ^web-[0-9]+$ ]] && echo re") == "dir\nre\n")
        #expect(sh.combined("[[ a < b ]] && echo less; [[ 3 -gt 10 || ( 1 -eq 1 ) ]] && echo group") == "less\ngroup\n")
        #expect(makeShell(.busyboxSh).combined("[[ x == x ]] && echo ash") == "ash\n")
        #expect(makeShell(.bash).combined("sh -c '[[ 1 ]]'") == "sh: 1: [[: not found\n")
    }
}

@Suite struct DiagnosticsTests {
    @Test func loopMessageIgnoresTheLoopsOwnRedirection() {
        let sh = makeShell()
        sh.limits.maxLoopIterations = 3
        let r = sh.capture("while true; do echo x; done 2>/dev/null >/dev/null")
        #expect(r.stderr == "kubelab: loop stopped after 3 iterations\n")
    }
}

@Suite struct ReturnTests {
    @Test func returnOutsideFunctions() {
        let sh = makeShell(.bash, interactive: true)
        #expect(sh.combined("printf 'echo in\\nreturn 4\\necho never\\n' > /tmp/lib; . /tmp/lib; echo after $?") == "in\nafter 4\n")
        #expect(sh.combined("eval 'return 1'; echo still") == "bash: return: can only `return' from a function or sourced script\nstill\n")
        #expect(sh.combined("sh -c 'return 5; echo no'; echo $?") == "5\n")
    }
}

@Suite struct LocalVariableTests {
    @Test func localIsScopedToTheCall() {
        let sh = makeShell()
        #expect(sh.combined("x=outer; f() { local x=inner y; echo $x; g; }; g() { echo g sees $x; }; f; echo $x ${y-unset}") ==
                "inner\ng sees inner\nouter unset\n")
        #expect(sh.combined("local z=1") == "bash: local: can only be used in a function\n")
    }
}

@Suite struct ArithmeticForTests {
    @Test func cStyleForLoop() {
        let sh = makeShell()
        #expect(sh.combined("for ((i=0; i<3; i++)); do echo web-$i; done") == "web-0\nweb-1\nweb-2\n")
        #expect(sh.combined("for (( ; ; )); do break; done; echo out") == "out\n")
        #expect(throws: ShellSyntaxError.self) { try ShellParser.parse("for ((i=0; i<3)); do :; done") }
    }
}
