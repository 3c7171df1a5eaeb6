import Yams

/// Reads one entry of `steps:` and its check.
struct StepReader {
    let reader: LessonYAMLReader

    static let stepKeys: Set<String> = ["id", "points", "text", "hints", "question", "done", "check"]
    static let expectationKeys: Set<String> = ["equals", "matches", "contains", "notContains", "lines", "exitStatus", "containsOutputOf"]

    func step(_ node: Node, number: Int) throws(LessonLoadError) -> LessonStep {
        let fields = try reader.mapping(node, "step \(number)", allowed: Self.stepKeys)
        guard let idNode = fields["id"] else { throw reader.error(node, "step \(number) needs an id") }
        let id = try reader.string(idNode, "step \(number) id")
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw reader.error(idNode, "step id '\(id)' may hold only letters, digits, '-' and '_'")
        }
        let what = "step '\(id)'"
        guard let textNode = fields["text"] else { throw reader.error(node, "\(what) needs a text") }
        guard let doneNode = fields["done"] else { throw reader.error(node, "\(what) needs a 'done' text (shown when it passes)") }
        guard let checkNode = fields["check"] else { throw reader.error(node, "\(what) needs a check") }
        let hints = try fields["hints"].map { node throws(LessonLoadError) in
            try reader.sequence(node, "\(what) hints").map { hint throws(LessonLoadError) in try reader.text(hint, "\(what) hint") }
        } ?? []
        let points = try fields["points"].map { node throws(LessonLoadError) in try reader.integer(node, "\(what) points", in: 0...1000) } ?? 1
        let question = try fields["question"].map { node throws(LessonLoadError) in try reader.text(node, "\(what) question") }
        let check = try self.check(checkNode, what)
        let asksQuestion = check.leaves.contains { if case .answer = $0 { true } else { false } }
        if asksQuestion != (question != nil) {
            throw reader.error(node, asksQuestion
                ? "\(what) has an 'answer' check but no question"
                : "\(what) has a question but no 'answer' check")
        }
        return LessonStep(
            id: id, text: try reader.text(textNode, "\(what) text"), hints: hints,
            confirmation: try reader.text(doneNode, "\(what) done"), points: points, check: check, question: question,
            line: node.mark?.line ?? 0)
    }

    /// One check: a mapping with exactly one kind key (`all`, `any`, `state`, `exec`, `typed`,
    /// `seen`, `answer`) and, for the kinds that compare output, expectation keys beside it.
    func check(_ node: Node, _ what: String) throws(LessonLoadError) -> StepCheck {
        let kinds: Set<String> = ["all", "any", "state", "exec", "typed", "seen", "answer"]
        let fields = try reader.mapping(node, "\(what) check", allowed: kinds.union(Self.expectationKeys).union(["container", "command"]))
        let present = kinds.filter { fields[$0] != nil }
        guard present.count == 1, let kind = present.first else {
            throw reader.error(node, "\(what): a check names exactly one of \(kinds.sorted().joined(separator: ", "))")
        }
        let value = fields[kind]!
        let extra = Set(fields.keys).subtracting([kind])
        let allowedExtra: Set<String> = switch kind {
        case "state": Self.expectationKeys
        case "exec": Self.expectationKeys.union(["container", "command"])
        default: []
        }
        if let stray = extra.subtracting(allowedExtra).sorted().first {
            throw reader.error(fields[stray], "\(what): '\(stray)' does not belong to a '\(kind)' check")
        }
        switch kind {
        case "all", "any":
            let parts = try reader.sequence(value, "\(what) \(kind)").map { part throws(LessonLoadError) in try check(part, what) }
            guard !parts.isEmpty else { throw reader.error(value, "\(what): '\(kind)' needs at least one check") }
            return kind == "all" ? .all(parts) : .any(parts)
        case "state":
            let expect = try expectation(fields, what)
            guard !expect.isEmpty else { throw reader.error(node, "\(what): a state check needs an expectation (\(Self.expectationKeys.sorted().joined(separator: ", ")))") }
            return .state(query: try reader.string(value, "\(what) state"), expect: expect)
        case "exec":
            guard let command = fields["command"] else { throw reader.error(node, "\(what): an exec check needs a command") }
            let expect = try expectation(fields, what)
            guard !expect.isEmpty else { throw reader.error(node, "\(what): an exec check needs an expectation") }
            return .exec(
                pod: try reader.string(value, "\(what) exec"),
                container: try fields["container"].map { node throws(LessonLoadError) in try reader.string(node, "\(what) container") },
                command: try reader.string(command, "\(what) command"), expect: expect)
        case "typed":
            return .typed(pattern: try reader.string(value, "\(what) typed"))
        case "seen":
            let inner = try reader.mapping(value, "\(what) seen", allowed: Self.expectationKeys)
            let expect = try expectation(inner, what)
            guard !expect.isEmpty else { throw reader.error(value, "\(what): a seen check needs an expectation") }
            return .seen(expect: expect)
        default:
            let answers: [String]
            if case .scalar = value {
                answers = [try reader.string(value, "\(what) answer")]
            } else {
                answers = try reader.sequence(value, "\(what) answer").map { node throws(LessonLoadError) in try reader.string(node, "\(what) answer") }
            }
            guard !answers.isEmpty else { throw reader.error(value, "\(what): 'answer' needs at least one accepted answer") }
            return .answer(accepted: answers)
        }
    }

    func expectation(_ fields: [String: Node], _ what: String) throws(LessonLoadError) -> Expectation {
        var expect = Expectation()
        expect.equals = try fields["equals"].map { node throws(LessonLoadError) in try reader.string(node, "\(what) equals") }
        expect.matches = try fields["matches"].map { node throws(LessonLoadError) in try reader.string(node, "\(what) matches") }
        expect.contains = try fields["contains"].map { node throws(LessonLoadError) in try reader.string(node, "\(what) contains") }
        expect.notContains = try fields["notContains"].map { node throws(LessonLoadError) in try reader.string(node, "\(what) notContains") }
        expect.lines = try fields["lines"].map { node throws(LessonLoadError) in try reader.integer(node, "\(what) lines", in: 0...1_000_000) }
        expect.containsOutputOf = try fields["containsOutputOf"].map { node throws(LessonLoadError) in try reader.string(node, "\(what) containsOutputOf") }
        expect.exitStatus = try fields["exitStatus"].map { node throws(LessonLoadError) in Int32(try reader.integer(node, "\(what) exitStatus", in: 0...255)) }
        if let pattern = expect.matches {
            do { _ = try Regex(pattern) } catch {
                throw reader.error(fields["matches"], "\(what): 'matches' is not a valid regular expression: \(pattern)")
            }
        }
        return expect
    }
}
