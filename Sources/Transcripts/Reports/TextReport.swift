/// What an instructor reads first: a line per student, then how many passed each step.
enum TextReport {
    static func render(_ report: ClassReport) -> String {
        var text = "lesson \(report.lesson): \(report.title)\n\n"
        let nameWidth = max(4, report.results.map { $0.file.count }.max() ?? 0)
        text += pad("FILE", nameWidth) + "   SCORE     RESULT   FLAGS\n"
        for result in report.results {
            let score = "\(result.score)/\(result.maximum)"
            let flags = result.flags.map(\.kind.rawValue).joined(separator: ",")
            text += pad(result.file, nameWidth) + "   " + pad(score, 9) + " " + pad(result.passed ? "pass" : "FAIL", 8) + " " + (flags.isEmpty ? "-" : flags) + "\n"
        }
        let total = report.results.count
        text += "\n"
        let labels = report.steps.enumerated().map { "\($0.offset + 1). \($0.element.id)" }
        let stepWidth = max(4, labels.map(\.count).max() ?? 0)
        text += pad("STEP", stepWidth) + "   POINTS   PASSED   SHOWN   SKIPPED   FAILED\n"
        for (step, label) in zip(report.steps, labels) {
            text += pad(label, stepWidth) + "   " + pad("\(step.maximum)", 6) + "   "
                + pad("\(step.passed)/\(total)", 6) + "   " + pad("\(step.shown)", 5) + "   " + pad("\(step.skipped)", 7) + "   " + "\(step.failed)\n"
        }
        let flagged = report.results.filter { !$0.flags.isEmpty }
        if !flagged.isEmpty {
            text += "\n"
            for result in flagged {
                for flag in result.flags { text += "\(result.file): \(flag.kind.rawValue): \(flag.message)\n" }
            }
        }
        return text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
