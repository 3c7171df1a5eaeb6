/// Renders a class report in one of `kubelab grade --format`'s formats.
public enum ReportRenderer {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, junit, csv, gradescope, html
    }

    public struct RenderError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func render(_ report: ClassReport, as format: Format) throws(RenderError) -> String {
        switch format {
        case .text: return TextReport.render(report)
        case .json: return JSONReport.render(report)
        case .junit: return JUnitReport.render(report)
        case .csv: return CSVReport.render(report)
        case .html: return HTMLReport.render(report)
        case .gradescope:
            guard report.results.count == 1, let only = report.results.first else {
                throw RenderError(description: "the gradescope format is for one transcript; \(report.results.count) were graded")
            }
            return GradescopeReport.render(only, report: report)
        }
    }
}
