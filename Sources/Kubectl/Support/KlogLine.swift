import KubeAPI

/// A klog error line, as kubectl writes a few failures (`E1122 05:00:45.202454    4242 run.go:72] ...`),
/// stamped with cluster time and a fixed process id so transcripts stay deterministic.
enum KlogLine {
    static let processID = 4242

    static func error(_ location: String, _ message: String, at now: Millis) -> String {
        line("E", location, message, at: now)
    }

    /// klog's header: severity, month, day, time with microseconds, the pid right-aligned in
    /// seven places, the source location. `F` is what klog.Exitf writes before the exit.
    static func line(_ severity: Character, _ location: String, _ message: String, at now: Millis) -> String {
        // rfc3339: 2025-03-10T09:00:00Z
        let stamp = Timestamp.rfc3339(now)
        let chars = Array(stamp)
        guard chars.count >= 19 else { return "\(severity) \(location)] \(message)\n" }
        let month = String(chars[5..<7]), day = String(chars[8..<10]), time = String(chars[11..<19])
        let micros = String(Int((now % 1000 + 1000) % 1000) * 1000)
        let fraction = String(repeating: "0", count: 6 - micros.count) + micros
        let pid = String(processID)
        return "\(severity)\(month)\(day) \(time).\(fraction) \(String(repeating: " ", count: max(0, 7 - pid.count)))\(pid) \(location)] \(message)\n"
    }
}
