import Foundation
import KubeLab

/// Records a session as it happens (issue: every interactive session is recorded): the header
/// when it starts, then each input as soon as it was handled, in the transcript format.
public final class SessionRecorder {
    public let file: TranscriptFile
    private var failed = false
    private let warn: (String) -> Void

    /// Starts the file with `header`; `warn` hears once if the file cannot be written.
    public init(path: String, header: SessionHeader, warn: @escaping (String) -> Void) {
        file = TranscriptFile(path: path)
        self.warn = warn
        report(file.replace(with: SessionLogFormat.encodeHeader(header)))
    }

    public func record(_ record: CommandRecord) {
        guard !failed else { return }
        report(file.append(SessionLogFormat.encodeRecord(record)))
    }

    private func report(_ problem: String?) {
        guard let problem else { return }
        failed = true
        warn("kubelab: \(problem); this session is not recorded\n")
    }

    /// `$XDG_DATA_HOME/kubelab/transcripts/NAME-YYYYMMDD-HHMMSS-PID.transcript`.
    public static func defaultPath(name: String, dataDirectory: String, now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return dataDirectory + "/transcripts/\(name)-\(formatter.string(from: now))-\(ProcessInfo.processInfo.processIdentifier).transcript"
    }

    /// The start time written into headers, for people reading the file.
    public static func startStamp(_ now: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: now)
    }
}
