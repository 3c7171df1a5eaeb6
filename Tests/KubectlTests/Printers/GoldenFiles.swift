import Foundation
import KubeAPI

/// Reads expected outputs stored under `Golden/printers/` (copied into the test bundle).
enum GoldenFiles {
    static func text(_ path: String) -> String? {
        guard let base = Bundle.module.resourceURL else { return nil }
        let url = base.appendingPathComponent("Golden/printers").appendingPathComponent(path)
        return try? String(contentsOf: url, encoding: .utf8)
    }

    static func json(_ path: String) -> JSONValue? {
        guard let t = text(path) else { return nil }
        return try? YAMLLoader.parse(t)
    }
}
