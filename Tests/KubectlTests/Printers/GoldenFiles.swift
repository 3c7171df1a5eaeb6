import Foundation
import KubeAPI
import Testing

/// Expected outputs stored under `Golden/` (copied into the test bundle): `kubectl/` holds what the
/// real kubectl printed and is never rewritten; `kubelab/` holds reviewed kubelab output, which
/// `KUBELAB_RECORD_GOLDENS=1` rewrites (failing the test, so a recording is never a pass).
enum GoldenFiles {
    static let recordVariable = "KUBELAB_RECORD_GOLDENS"

    /// A golden taken from the real kubectl (`kubectl/<path>`).
    static func kubectl(_ path: String) -> String? { text("kubectl/" + path) }

    static func kubectlJSON(_ path: String) -> JSONValue? {
        guard let t = kubectl(path) else { return nil }
        return try? YAMLLoader.parse(t)
    }

    private static func text(_ path: String) -> String? {
        guard let base = Bundle.module.resourceURL else { return nil }
        return try? String(contentsOf: base.appendingPathComponent("Golden").appendingPathComponent(path), encoding: .utf8)
    }

    /// Compares with the kubelab golden `kubelab/<path>`, or records it when asked to.
    static func expectKubelab(_ actual: String, _ path: String, filePath: String = #filePath,
                              sourceLocation: SourceLocation = #_sourceLocation)
    {
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            let file = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Golden/kubelab").appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded Golden/kubelab/\(path); review the diff and run again without \(recordVariable)",
                         sourceLocation: sourceLocation)
            return
        }
        guard let expected = text("kubelab/" + path) else {
            Issue.record("missing Golden/kubelab/\(path); record it with \(recordVariable)=1", sourceLocation: sourceLocation)
            return
        }
        if let difference = firstDifference(expected: expected, actual: actual) {
            Issue.record("Golden/kubelab/\(path) differs\n\(difference)", sourceLocation: sourceLocation)
        }
    }

    /// The first line where two texts differ, numbered, expected above actual; nil when equal.
    static func firstDifference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let want = i < e.count ? "\"\(e[i])\"" : "(end of text)"
        let got = i < a.count ? "\"\(a[i])\"" : "(end of text)"
        return "line \(i + 1):\n  expected \(want)\n  actual   \(got)"
    }
}
