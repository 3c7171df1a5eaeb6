import Foundation
import Testing

/// One golden-file rule for every test target: a golden kubelab produced is compared byte for
/// byte; `KUBELAB_RECORD_GOLDENS=1` rewrites it in the source tree and fails the test, so a
/// recording is never a pass; a difference is reported at its first differing line.
public enum GoldenFile {
    public static let recordVariable = "KUBELAB_RECORD_GOLDENS"

    /// Compares `actual` with `expected` (the golden as the test bundle holds it, nil when missing);
    /// in record mode writes `actual` to `source` (the golden's path in the source tree) instead.
    public static func expect(
        _ actual: String, expected: String?, source: URL, shownAs name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            try? FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: source, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); review the diff and run again without \(recordVariable)", sourceLocation: sourceLocation)
            return
        }
        guard let expected else {
            Issue.record("missing golden \(name); record it with \(recordVariable)=1", sourceLocation: sourceLocation)
            return
        }
        if let difference = firstDifference(expected: expected, actual: actual) {
            Issue.record("\(name) differs\n\(difference)", sourceLocation: sourceLocation)
        }
    }

    /// The first line where two texts differ, numbered, expected above actual; nil when equal.
    public static func firstDifference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let want = i < e.count ? "\"\(e[i])\"" : "(end of text)"
        let got = i < a.count ? "\"\(a[i])\"" : "(end of text)"
        return "line \(i + 1):\n  expected \(want)\n  actual   \(got)"
    }
}
