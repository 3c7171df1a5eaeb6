/// A gradebook: a row per transcript with file, score, max, flags, then the points of each step.
enum CSVReport {
    static func render(_ report: ClassReport) -> String {
        var rows = [["file", "score", "max", "passed", "flags"] + report.steps.map(\.id)]
        for result in report.results {
            rows.append([result.file, "\(result.score)", "\(result.maximum)", result.passed ? "yes" : "no",
                         result.flags.map(\.kind.rawValue).joined(separator: " ")] + result.steps.map { "\($0.points)" })
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting; a cell that a spreadsheet would run as a formula is quoted with a leading `'`.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
