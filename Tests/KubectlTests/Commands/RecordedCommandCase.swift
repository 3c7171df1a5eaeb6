import Foundation
import Testing

/// One kubectl command recorded from the real kubectl v1.32 by a `record.py` beside the goldens:
/// its arguments and what it printed and returned.
struct RecordedCommandCase: Decodable, CustomTestStringConvertible, Sendable {
    let args: [String]
    let stdout: String
    let stderr: String
    let code: Int32
    var testDescription: String { args.joined(separator: " ") }

    /// The cases of one recorded file under Golden/kubectl/ (none when it is missing or unreadable).
    static func load(_ path: String) -> [RecordedCommandCase] {
        guard let text = GoldenFiles.kubectl(path), let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([RecordedCommandCase].self, from: data)) ?? []
    }
}
