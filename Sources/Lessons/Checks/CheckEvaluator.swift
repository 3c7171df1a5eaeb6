import KubeLab
import Kubectl

/// Decides a step's check against the live session. Queries go through the learner's own kubectl
/// with their output captured, so they print nothing, and only verbs that change nothing are run:
/// a check never alters what it looks at.
public enum CheckEvaluator {
    /// kubectl verbs a state check may use.
    public static let readOnlyVerbs: Set<String> = ["get", "describe", "logs", "explain", "api-resources", "version"]

    public static func evaluate(_ check: StepCheck, in context: CheckContext) -> CheckOutcome {
        switch check {
        case .all(let checks):
            for part in checks {
                let outcome = evaluate(part, in: context)
                if !outcome.passed { return outcome }
            }
            return .pass
        case .any(let checks):
            var reasons: [String] = []
            for part in checks {
                let outcome = evaluate(part, in: context)
                if outcome.passed { return .pass }
                reasons.append(outcome.reason)
            }
            return .fail(reasons.joined(separator: "; or "))
        case .state(let query, let expect):
            let (output, status): (String, Int32)
            switch stateQuery(query, in: context) {
            case .success(let result): (output, status) = result
            case .failure(let refused): return refused.outcome
            }
            return expectation(expect, output: output, status: status, what: "kubectl \(query)", in: context)
        case .exec(let pod, let container, let command, let expect):
            guard let words = try? QueryWords.split(command), !words.isEmpty else {
                return .fail("the command '\(command)' cannot be split into words")
            }
            var arguments = ["exec", pod]
            if let container { arguments += ["-c", container] }
            let (output, status) = runKubectl(arguments + ["--"] + words, lab: context.lab)
            return expectation(expect, output: output, status: status, what: "\(command) in \(pod)", in: context)
        case .typed(let pattern):
            guard let regex = context.patterns.regex(pattern) else { return .fail("'\(pattern)' is not a regular expression") }
            let typed = context.typedLines.contains { line in
                let command = withoutSudo(line)
                return (try? regex.firstMatch(in: command)) != nil
            }
            return typed ? .pass : .fail("no line typed in this step matches /\(pattern)/")
        case .seen(let expect):
            guard let output = context.lastOutput else { return .fail("no command has printed anything yet") }
            return expectation(expect, output: output, status: nil, what: "the last command's output", in: context)
        case .answer(let accepted):
            guard let answer = context.answer else { return .fail("no answer given yet") }
            let given = normalizedAnswer(answer)
            return accepted.contains { normalizedAnswer($0) == given } ? .pass : .fail("the answer '\(answer)' is not accepted")
        }
    }

    /// Why a query was not run.
    struct RefusedQuery: Error {
        var outcome: CheckOutcome
    }

    /// Runs a read-only query through the learner's kubectl (or takes it from the cache while
    /// nothing has changed).
    static func stateQuery(_ query: String, in context: CheckContext) -> Result<(String, Int32), RefusedQuery> {
        guard let words = try? QueryWords.split(query), let verb = words.first else {
            return .failure(RefusedQuery(outcome: .fail("the query '\(query)' cannot be split into words")))
        }
        guard readOnlyVerbs.contains(verb) else { return .failure(RefusedQuery(outcome: .fail("'kubectl \(verb)' is not a read-only query"))) }
        let run = { runKubectl(words, lab: context.lab) }
        return .success(context.cache?.output(of: words, lab: context.lab, run: run) ?? run())
    }

    /// The expectation, with its `containsOutputOf` query answered now.
    static func expectation(_ expect: Expectation, output: String, status: Int32?, what: String, in context: CheckContext) -> CheckOutcome {
        let outcome = expectation(expect, output: output, status: status, what: what, patterns: context.patterns)
        guard outcome.passed, let query = expect.containsOutputOf else { return outcome }
        switch stateQuery(query, in: context) {
        case .failure(let refused): return refused.outcome
        case .success(let (wanted, queryStatus)):
            let value = wanted.trimmedTrailingNewlines
            guard queryStatus == 0, !value.isEmpty else { return .fail("kubectl \(query) has nothing to look for yet") }
            return output.contains(value) ? .pass : .fail("\(what) did not show '\(value)' (kubectl \(query))")
        }
    }

    /// Answers compare without case, surrounding spaces or repeated spaces.
    static func normalizedAnswer(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `sudo kubectl ...` counts as `kubectl ...` (seed 004 types every command with sudo).
    static func withoutSudo(_ line: String) -> String {
        var text = Substring(line)
        while text.first == " " { text = text.dropFirst() }
        while text.hasPrefix("sudo ") { text = text.dropFirst(5).drop { $0 == " " } }
        return String(text)
    }

    static func runKubectl(_ arguments: [String], lab: Lab) -> (output: String, status: Int32) {
        var output = ""
        let io = CommandIO(out: { output += $0 }, err: { output += $0 })
        let status = lab.kubectl.run(arguments, io: io)
        return (output, status)
    }

    static func expectation(_ expect: Expectation, output raw: String, status: Int32?, what: String, patterns: CheckPatterns) -> CheckOutcome {
        var output = Substring(raw)
        while output.last == "\n" { output = output.dropLast() }
        let text = String(output)
        let shown = text.count > 200 ? String(text.prefix(200)) + "..." : text
        if let wanted = expect.exitStatus, let status, status != wanted {
            return .fail("\(what) exited with \(status), not \(wanted)")
        }
        if let equals = expect.equals, text != equals {
            return .fail("\(what) printed '\(shown)', not '\(equals)'")
        }
        if let contains = expect.contains, !text.contains(contains) {
            return .fail("\(what) did not print '\(contains)'")
        }
        if let notContains = expect.notContains, text.contains(notContains) {
            return .fail("\(what) printed '\(notContains)'")
        }
        if let pattern = expect.matches {
            // `^` and `$` match at each line, as grep reads output.
            guard let regex = patterns.regex(pattern, anchorsMatchLineEndings: true), (try? regex.firstMatch(in: text)) != nil else {
                return .fail("\(what) printed '\(shown)', which does not match /\(pattern)/")
            }
        }
        if let lines = expect.lines {
            let count = text.isEmpty ? 0 : text.split(separator: "\n", omittingEmptySubsequences: false).count
            if count != lines { return .fail("\(what) printed \(count) lines, not \(lines)") }
        }
        return .pass
    }
}
