import KubeLab
import Testing
@testable import Lessons

@Suite struct CheckEvaluatorTests {
    private func lab(applying lines: [String] = []) -> Lab {
        let lab = Lab(options: LabOptions(mode: .script), workingDirectory: .inMemory(["web.yaml": LessonFixtures.webYAML]))
        let driver = SessionDriver(session: lab, out: { _ in }, err: { _ in })
        for line in lines { driver.handle(.line(line)) }
        return lab
    }

    private func outcome(_ check: StepCheck, _ context: CheckContext) -> CheckOutcome {
        CheckEvaluator.evaluate(check, in: context)
    }

    @Test func stateQueriesGoThroughTheLearnersKubectl() {
        let lab = lab(applying: ["kubectl apply -f web.yaml", "sleep 30"])
        let context = CheckContext(lab: lab)
        #expect(outcome(.state(query: "get sts web -o jsonpath={.status.readyReplicas}", expect: Expectation(equals: "2")), context) == .pass)
        #expect(outcome(.state(query: "get sts web -o jsonpath={.status.readyReplicas}", expect: Expectation(equals: "3")), context)
            == .fail("kubectl get sts web -o jsonpath={.status.readyReplicas} printed '2', not '3'"))
        #expect(outcome(.state(query: "get pods -o name", expect: Expectation(lines: 2)), context) == .pass)
        #expect(outcome(.state(query: "get pods -o name", expect: Expectation(matches: "^pod/web-0$")), context) == .pass)
        #expect(outcome(.state(query: "get pod nope", expect: Expectation(exitStatus: 0)), context)
            == .fail("kubectl get pod nope exited with 1, not 0"))
        #expect(outcome(.state(query: "delete pod web-0", expect: Expectation(exitStatus: 0)), context)
            == .fail("'kubectl delete' is not a read-only query"))
        // The refused delete really did not run.
        #expect(outcome(.state(query: "get pod web-0 -o name", expect: Expectation(equals: "pod/web-0")), context) == .pass)
    }

    @Test func execLooksInsideTheContainer() {
        let lab = lab(applying: ["kubectl apply -f web.yaml", "sleep 30"])
        let check = StepCheck.exec(pod: "web-1", container: nil, command: "sh -c 'hostname'", expect: Expectation(equals: "web-1"))
        #expect(outcome(check, CheckContext(lab: lab)) == .pass)
    }

    @Test func typedSeenAndAnswerLookAtTheStepWindow() {
        let context = CheckContext(
            lab: lab(), typedLines: ["kubectl get pods", "sudo  kubectl explain sts.spec"], lastOutput: "NAME READY\nweb-0 1/1\n",
            answer: "  Web-0 ")
        #expect(outcome(.typed(pattern: "^kubectl explain sts"), context) == .pass)
        #expect(outcome(.typed(pattern: "^kubectl delete"), context) == .fail("no line typed in this step matches /^kubectl delete/"))
        #expect(outcome(.seen(expect: Expectation(contains: "web-0 1/1", lines: 2)), context) == .pass)
        #expect(outcome(.answer(accepted: ["web-0"]), context) == .pass)
        #expect(outcome(.answer(accepted: ["web-1"]), context) == .fail("the answer '  Web-0 ' is not accepted"))
        #expect(outcome(.answer(accepted: ["x"]), CheckContext(lab: lab())) == .fail("no answer given yet"))
    }

    @Test func anExpectationCanLookForWhatAQueryPrintsNow() {
        let lab = lab(applying: ["kubectl apply -f web.yaml", "sleep 30"])
        let ip = CheckEvaluator.runKubectl(["get", "pod", "web-0", "-o", "jsonpath={.status.podIP}"], lab: lab).output
        #expect(ip.hasPrefix("10.244."))
        let podIP = Expectation(containsOutputOf: "get pod web-0 -o jsonpath={.status.podIP}")
        #expect(outcome(.seen(expect: podIP), CheckContext(lab: lab, lastOutput: "Name:\tweb-0.nginx\nAddress: \(ip)\n")) == .pass)
        #expect(outcome(.seen(expect: podIP), CheckContext(lab: lab, lastOutput: "Address: 10.244.9.9\n"))
            == .fail("the last command's output did not show '\(ip)' (kubectl get pod web-0 -o jsonpath={.status.podIP})"))
        // The other conditions still hold first, and an empty or failing query never passes.
        let both = Expectation(contains: "Name:", containsOutputOf: "get pod web-0 -o jsonpath={.status.podIP}")
        #expect(outcome(.seen(expect: both), CheckContext(lab: lab, lastOutput: "Address: \(ip)\n")).passed == false)
        let missing = Expectation(containsOutputOf: "get pod web-9 -o jsonpath={.status.podIP}")
        #expect(outcome(.seen(expect: missing), CheckContext(lab: lab, lastOutput: "anything"))
            == .fail("kubectl get pod web-9 -o jsonpath={.status.podIP} has nothing to look for yet"))
        let writes = Expectation(containsOutputOf: "delete pod web-0")
        #expect(outcome(.seen(expect: writes), CheckContext(lab: lab, lastOutput: "x")) == .fail("'kubectl delete' is not a read-only query"))
        #expect(StepCheck.seen(expect: writes).queries == ["delete pod web-0"])
    }

    @Test func allAndAnyCombine() {
        let context = CheckContext(lab: lab(), typedLines: ["a"])
        let yes = StepCheck.typed(pattern: "a")
        let no = StepCheck.typed(pattern: "b")
        #expect(outcome(.all([yes, no]), context).passed == false)
        #expect(outcome(.any([no, yes]), context) == .pass)
        #expect(outcome(.any([no, no]), context)
            == .fail("no line typed in this step matches /b/; or no line typed in this step matches /b/"))
    }

    @Test func queryWordsSplitLikeAShellWithoutExpanding() throws {
        #expect(try QueryWords.split("exec a -- sh -c 'echo $HOME \"x\"'") == ["exec", "a", "--", "sh", "-c", "echo $HOME \"x\""])
        #expect(try QueryWords.split(#"get "a b" c\ d ''"#) == ["get", "a b", "c d", ""])
        #expect(throws: QueryWords.UnclosedQuote.self) { try QueryWords.split("get 'x") }
    }

    /// A pattern is compiled once per cache, once for each anchoring: with line anchors `^b$`
    /// finds the second line of an output, without them it must match the text as a whole.
    @Test func checkPatternsKeepEachAnchoringApart() throws {
        let patterns = CheckPatterns()
        let lines = try #require(patterns.regex("^b$", anchorsMatchLineEndings: true))
        let whole = try #require(patterns.regex("^b$"))
        #expect((try lines.firstMatch(in: "a\nb")) != nil)
        #expect((try whole.firstMatch(in: "a\nb")) == nil)
        #expect(patterns.regex("(") == nil)
        #expect(patterns.regex("(") == nil)
        // Shared by two contexts, the patterns give each the verdict it would get alone.
        let seen = StepCheck.seen(expect: Expectation(matches: "^b$"))
        #expect(outcome(seen, CheckContext(lab: lab(), lastOutput: "a\nb\n", patterns: patterns)) == .pass)
        #expect(outcome(.typed(pattern: "^b$"), CheckContext(lab: lab(), typedLines: ["a b"], patterns: patterns))
            == .fail("no line typed in this step matches /^b$/"))
        #expect(outcome(.typed(pattern: "("), CheckContext(lab: lab(), typedLines: ["("], patterns: patterns))
            == .fail("'(' is not a regular expression"))
    }
}

@Suite struct StateQueryCacheTests {
    @Test func aQueryRunsAgainOnlyWhenTheStoreOrTheClockMoved() {
        let lab = Lab(options: LabOptions(mode: .script), workingDirectory: .inMemory([:]))
        let cache = StateQueryCache()
        var runs = 0
        let query = ["get", "ns", "-o", "name"]
        func ask() -> String {
            cache.output(of: query, lab: lab) {
                runs += 1
                return CheckEvaluator.runKubectl(query, lab: lab)
            }.output
        }
        let first = ask()
        #expect(ask() == first)
        #expect(runs == 1)
        let driver = SessionDriver(session: lab, out: { _ in }, err: { _ in })
        driver.handle(.line("kubectl create namespace extra -o name"))
        driver.handle(.line("kubectl apply -f - <<< 'apiVersion: v1\nkind: Namespace\nmetadata: {name: other}'"))
        _ = ask()
        #expect(runs == 2, "a write to the store runs the query again")
        lab.advanceWallClock(ms: 1000)
        _ = ask()
        #expect(runs == 3, "so does time passing (ages)")
        var logs = 0
        _ = cache.output(of: ["logs", "x"], lab: lab) { logs += 1; return ("", 0) }
        _ = cache.output(of: ["logs", "x"], lab: lab) { logs += 1; return ("", 0) }
        #expect(logs == 2, "logs read containers, not the store: never cached")
    }
}
