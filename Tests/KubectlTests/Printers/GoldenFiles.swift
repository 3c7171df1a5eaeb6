import Foundation
import GoldenTesting
import KubeAPI
import Testing

/// Expected outputs stored under `Golden/` (copied into the test bundle): `kubectl/` holds what the
/// real kubectl printed and is never rewritten; `kubelab/` holds reviewed kubelab output, which
/// `KUBELAB_RECORD_GOLDENS=1` rewrites (failing the test, so a recording is never a pass).
enum GoldenFiles {
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
        let source = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/kubelab").appendingPathComponent(path)
        GoldenFile.expect(actual, expected: text("kubelab/" + path), source: source, shownAs: "Golden/kubelab/\(path)",
                          sourceLocation: sourceLocation)
    }
}
