import Foundation
import KubeLab

/// An asciinema v2 recording of a transcript: a JSON header line, then one `[time, "o", text]`
/// event per prompt-and-command and per output, at the recorded cluster times, so any asciinema
/// player shows the session at the pace it was typed.
public enum AsciinemaCast {
    public static func make(_ log: SessionLog, width: Int = 100, height: Int = 30) -> String {
        var header: [String: Any] = ["version": 2, "width": width, "height": height]
        if let date = ISO8601DateFormatter().date(from: log.header.started) { header["timestamp"] = Int(date.timeIntervalSince1970) }
        var title = "kubelab"
        if let lesson = log.header.lesson { title += " lesson \(lesson)" }
        header["title"] = title
        header["env"] = ["TERM": "xterm-256color", "SHELL": "/bin/bash"]
        var text = json(header) + "\n"
        for record in log.records {
            let typed = record.line ?? (record.input == .interrupt ? "^C" : "")
            text += event(at: record.startMillis, record.prompt + typed + "\r\n")
            if !record.output.isEmpty {
                text += event(at: record.endMillis, record.output.replacingOccurrences(of: "\n", with: "\r\n"))
            }
        }
        return text
    }

    static func event(at millis: Int64, _ output: String) -> String {
        let seconds = String(format: "%.3f", Double(millis) / 1000)
        return "[\(seconds), \"o\", \(json(output))]\n"
    }

    static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
