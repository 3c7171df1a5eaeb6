/// Output formats of `kubelab grade --format`.
public enum ReportFormat: String, CaseIterable, Equatable, Sendable {
    case text, json, junit, csv, gradescope
}
