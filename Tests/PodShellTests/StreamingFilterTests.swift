import Testing
@testable import PodShell

/// `producer | grep ...` shows matching lines as the producer writes them (`kubectl get -w | grep web`).
@Suite struct StreamingFilterTests {
    @Test func matchesAppearWhenTheirLineIsWritten() {
        let sh = makeShell()
        // The producer's stderr line comes between its two stdout lines, so grep's output interleaves.
        #expect(sh.combined("{ echo web-0; echo note >&2; echo db-0; echo web-1; } | grep web") == "web-0\nnote\nweb-1\n")
        #expect(sh.combined("{ echo a; echo note >&2; echo b; } | grep -v zzz | grep -i B") == "note\nb\n")
        // Buffered filters still see the whole input at once.
        #expect(sh.combined("{ echo a; echo note >&2; echo a; } | grep -c a") == "note\n2\n")
    }

    @Test func statusAndEdgesMatchOneRunOverAllLines() {
        let sh = makeShell()
        #expect(sh.combined("printf 'a\\nb\\n' | grep zzz; echo $?") == "1\n")
        #expect(sh.combined("{ echo a; echo b; } | grep b; echo $?") == "b\n0\n")
        #expect(sh.combined("printf 'a\\nlast' | grep last") == "last\n")
        #expect(sh.combined("true | grep x; echo $?") == "1\n")
        // A rejected pattern is reported once, by the ordinary path.
        let bad = sh.combined("{ echo a; echo b; } | grep -E '('; echo $?")
        #expect(bad.components(separatedBy: "grep:").count == 2 && bad.hasSuffix("2\n"))
    }

    @Test func onlyLineByLineGrepsStream() {
        func stage(_ source: String) -> ShellCommandNode {
            guard case .pipeline(let stages, _)? = try? ShellParser.parse("true | " + source).commands.first else {
                Issue.record("no pipeline")
                return .simple(SimpleCommand(assignments: [], words: [], redirections: [], line: 0))
            }
            return stages[1]
        }
        for streams in ["grep web", "grep -v -i 'x y'", "egrep 'a|b'", "grep -e x -e y", "grep -ie x", "grep --color=never x"] {
            #expect(StreamingFilters.isStateless(stage(streams)), "\(streams)")
        }
        for buffered in ["grep -c x", "grep -n x", "grep -m1 x", "grep -A 2 x", "grep x file", "grep $P", "wc -l", "grep -q x",
                         "grep x > out", "grep --count x", "sort"] {
            #expect(!StreamingFilters.isStateless(stage(buffered)), "\(buffered)")
        }
    }
}
