import Foundation

/// Gradescope's autograder `results.json` for one transcript: `score`, `output`, and a test per
/// step with `name`, `score`, `max_score`, `status` and `output`.
enum GradescopeReport {
    struct Results: Encodable {
        var score: Int
        var output: String
        var tests: [Test]
    }

    struct Test: Encodable {
        var name: String
        var score: Int
        var max_score: Int
        var status: String
        var output: String
    }

    static func render(_ result: GradeResult, report: ClassReport) -> String {
        var output = "kubelab lesson \(report.lesson): \(result.score)/\(result.maximum) points"
        for flag in result.flags { output += "\n\(flag.kind.rawValue): \(flag.message)" }
        let tests = result.steps.enumerated().map { index, step in
            Test(name: "\(index + 1). \(step.id)", score: step.points, max_score: step.maximum,
                 status: step.status == .passed || step.status == .shown ? "passed" : "failed",
                 output: step.reason)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Results(score: result.score, output: output, tests: tests)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
