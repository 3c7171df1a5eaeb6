import KubeLab
import PodShell

/// `kubelab lesson check`: proves a lesson works by running its reference solution through the
/// engine, and finds what no run would show: texts missing in a language, checks that name kinds
/// or fields that cannot exist, files the solution applies that the folder lacks.
public enum LessonValidator {
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// The step the problem is in, nil for the lesson as a whole.
        public var step: String?
        public var message: String

        public var description: String { step.map { "step '\($0)': \(message)" } ?? message }
    }

    public struct Report: Sendable {
        public var problems: [Problem]
        /// Points the solution earned (every step passed by its own lines earns all of its points).
        public var points: Int
        public var maximum: Int
        /// What the run printed, for authors who want to read it.
        public var transcript: String
        public var passed: Bool { problems.isEmpty }
    }

    public static func validate(_ lesson: Lesson, language: Language) -> Report {
        var problems = textProblems(lesson) + solutionShapeProblems(lesson) + fileProblems(lesson)
        problems += referenceProblems(lesson)
        let run = runSolution(lesson, language: language)
        problems += run.problems
        return Report(
            problems: problems, points: run.points, maximum: lesson.maximumPoints, transcript: run.transcript)
    }

    // MARK: Texts

    static func textProblems(_ lesson: Lesson) -> [Problem] {
        var problems: [Problem] = []
        func need(_ text: LocalizedText?, _ what: String, step: String?) {
            guard let text else { return }
            for language in text.missingLanguages {
                problems.append(Problem(step: step, message: "\(what) has no '\(language.rawValue)' text"))
            }
        }
        need(lesson.title, "the title", step: nil)
        need(lesson.summary, "the summary", step: nil)
        need(lesson.coverage, "the coverage note", step: nil)
        for step in lesson.steps {
            need(step.text, "the text", step: step.id)
            need(step.confirmation, "the 'done' text", step: step.id)
            need(step.question, "the question", step: step.id)
            for (index, hint) in step.hints.enumerated() { need(hint, "hint \(index + 1)", step: step.id) }
        }
        return problems
    }

    // MARK: solution.sh

    static func solutionShapeProblems(_ lesson: Lesson) -> [Problem] {
        var problems: [Problem] = []
        let stepIDs = lesson.steps.map(\.id)
        let partIDs = lesson.solution.parts.map(\.stepID)
        for id in partIDs where !stepIDs.contains(id) {
            problems.append(Problem(step: id, message: "solution.sh has a '# step: \(id)' marker but lesson.yaml has no such step"))
        }
        for step in lesson.steps where lesson.solution.lines(forStep: step.id).isEmpty {
            problems.append(Problem(step: step.id, message: "solution.sh has no commands for this step"))
        }
        let known = partIDs.filter { stepIDs.contains($0) }
        if known != stepIDs.filter({ partIDs.contains($0) }) {
            problems.append(Problem(step: nil, message: "solution.sh's steps are not in lesson.yaml's order"))
        }
        return problems
    }

    /// Every file a solution line applies or reads with `-f` exists in the lesson folder.
    static func fileProblems(_ lesson: Lesson) -> [Problem] {
        var problems: [Problem] = []
        for part in lesson.solution.parts {
            for line in part.lines {
                guard let words = try? QueryWords.split(line) else { continue }
                for (index, word) in words.enumerated() {
                    var file: String?
                    if ["-f", "--filename"].contains(word), index + 1 < words.count { file = words[index + 1] }
                    if word.hasPrefix("--filename=") { file = String(word.dropFirst("--filename=".count)) }
                    if word.hasPrefix("-f"), word.count > 2, !word.hasPrefix("--") { file = String(word.dropFirst(2)) }
                    guard var name = file, name != "-", !name.contains("://") else { continue }
                    while name.hasPrefix("./") { name.removeFirst(2) }
                    if name.hasSuffix("/") { name.removeLast() }
                    let exists = lesson.files[name] != nil || lesson.files.keys.contains { $0.hasPrefix(name + "/") }
                    if !exists {
                        problems.append(Problem(step: part.stepID, message: "solution.sh uses '\(name)', which the lesson folder does not have"))
                    }
                }
            }
        }
        return problems
    }

    // MARK: Kinds and fields

    /// State checks name resource types the API server serves, and JSONPath fields their schema
    /// has: asked of kubelab's own kubectl (`get` on an empty cluster, `explain` of the field).
    static func referenceProblems(_ lesson: Lesson) -> [Problem] {
        let lab = Lab(options: LabOptions(seed: lesson.start.seed, nodes: lesson.start.nodes, mode: .script, nodeNames: lesson.start.nodeNames),
                      workingDirectory: WorkingDirectoryFiles.inMemory([:]))
        var problems: [Problem] = []
        for step in lesson.steps {
            for query in step.check.leaves.flatMap(\.queries) {
                guard let words = try? QueryWords.split(query), let verb = words.first else {
                    problems.append(Problem(step: step.id, message: "the query '\(query)' has an unclosed quote"))
                    continue
                }
                guard CheckEvaluator.readOnlyVerbs.contains(verb) else {
                    problems.append(Problem(step: step.id, message: "'kubectl \(verb)' changes the cluster; a check may only use \(CheckEvaluator.readOnlyVerbs.sorted().joined(separator: ", "))"))
                    continue
                }
                if words.contains(where: { $0 == "-w" || $0 == "--watch" || $0.hasPrefix("--watch=") || $0 == "-f" || $0 == "--follow" }) {
                    problems.append(Problem(step: step.id, message: "the query '\(query)' waits for changes; a check must answer at once"))
                    continue
                }
                guard verb == "get" || verb == "describe", let resource = words.dropFirst().first(where: { !$0.hasPrefix("-") }) else { continue }
                let (output, status) = CheckEvaluator.runKubectl(["get", resource.split(separator: "/").first.map(String.init) ?? resource, "-A"], lab: lab)
                if status != 0 && (output.contains("doesn't have a resource type") || output.contains("kubelab does not simulate")) {
                    problems.append(Problem(step: step.id, message: "the query names '\(resource)', which is not a resource type: \(output.trimmedTrailingNewlines)"))
                    continue
                }
                for field in JSONPathFields.paths(in: words) {
                    let type = resource.split(separator: "/").first.map(String.init) ?? resource
                    let (explained, explainStatus) = CheckEvaluator.runKubectl(["explain", ([type] + field).joined(separator: ".")], lab: lab)
                    if explainStatus != 0 {
                        problems.append(Problem(step: step.id, message: "the query reads '.\(field.joined(separator: "."))', which \(type) does not have: \(explained.trimmedTrailingNewlines)"))
                    }
                }
            }
        }
        return problems
    }

    // MARK: Running the solution

    struct Run {
        var problems: [Problem] = []
        var points = 0
        var transcript = ""
    }

    static func runSolution(_ lesson: Lesson, language: Language) -> Run {
        var run = Run()
        var transcript = ""
        let session = LessonSession(
            lesson: lesson, language: language, mode: .script, out: { transcript += $0 }, err: { transcript += $0 })
        session.onEvents = { events in
            if !transcript.isEmpty && !transcript.hasSuffix("\n") { transcript += "\n" }
            for event in events {
                transcript += LessonMessages.render(event, lesson: lesson, progress: session.progress, language: session.language).text
            }
        }
        session.driver.terminal.isInterrupted = { false }
        session.begin()
        for (index, step) in lesson.steps.enumerated() {
            guard session.progress.current == index else {
                if session.progress.current > index { continue }
                break
            }
            let early = CheckEvaluator.evaluate(step.check, in: CheckContext(lab: session.lab))
            if early.passed {
                run.problems.append(Problem(step: step.id, message: "passes before the learner did anything for it"))
            }
            let lines = lesson.solution.lines(forStep: step.id)
            var passedEarly = false
            for (lineIndex, line) in lines.enumerated() {
                if session.progress.current > index && !passedEarly {
                    passedEarly = true
                    run.problems.append(Problem(step: step.id, message: "passes before its solution line \(lineIndex + 1) (`\(line)`); the rest of its solution would count for the next step"))
                }
                // The rest still runs, as a learner typing them would.
                transcript += session.displayPrompt + line + "\n"
                _ = session.handle(.line(line))
            }
            if session.progress.current == index {
                let outcome = CheckEvaluator.evaluate(
                    step.check, in: CheckContext(lab: session.lab, typedLines: lines, lastOutput: nil))
                run.problems.append(Problem(step: step.id, message: "does not pass after its solution: \(outcome.reason)"))
                // Go on with the next steps as a learner who skipped this one.
                _ = session.handle(.line("skip"))
            }
        }
        run.points = session.progress.points(in: lesson)
        run.transcript = transcript
        return run
    }
}
