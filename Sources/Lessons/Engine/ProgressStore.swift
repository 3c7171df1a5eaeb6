import Foundation
import KubeLab

/// Keeps each lesson's log on disk, under `$XDG_DATA_HOME/kubelab/lessons/ID.transcript` (by
/// default `~/.local/share/kubelab/lessons/`): a transcript, the same record that resume, `undo`
/// and grading replay. A `#= progress` note after each record lets the listing show how far the
/// learner got without replaying.
public struct ProgressStore: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// kubelab's data folder, from the environment as the XDG base directory spec says.
    public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/kubelab" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/kubelab"
    }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressStore {
        ProgressStore(directory: dataDirectory(environment: environment) + "/lessons")
    }

    public func file(forLesson id: String) -> TranscriptFile { TranscriptFile(path: directory + "/\(id).transcript") }

    /// The saved log of a lesson, nil when there is none; a file that cannot be parsed is an error.
    public func load(lesson id: String) throws(SessionLogError) -> SessionLogParser.Result? {
        let file = file(forLesson: id)
        guard file.exists else { return nil }
        guard let bytes = file.read() else { throw SessionLogError(line: 1, "\(file.path) cannot be read") }
        return try SessionLogParser.parse(bytes)
    }

    @discardableResult
    public func save(_ log: SessionLog, lesson id: String, note: String?) -> String? {
        file(forLesson: id).replace(with: SessionLogFormat.encode(log) + (note.map(SessionLogFormat.encodeNote) ?? ""))
    }

    @discardableResult
    public func append(_ record: CommandRecord, note: String?, lesson id: String) -> String? {
        file(forLesson: id).append(SessionLogFormat.encodeRecord(record) + (note.map(SessionLogFormat.encodeNote) ?? ""))
    }

    /// Forgets a lesson's progress (`kubelab lesson ID --restart`).
    public func remove(lesson id: String) {
        try? FileManager.default.removeItem(atPath: file(forLesson: id).path)
    }
}

extension LessonProgress {
    /// The note written after each record (`progress 3/9 step 4 points 25/90`), read by the listing.
    public func note(in lesson: Lesson) -> String {
        "progress \(finishedCount)/\(steps.count) step \(min(current + 1, steps.count)) points \(points(in: lesson))/\(lesson.maximumPoints)"
    }

    /// Steps done, from such a note.
    public static func finishedCount(fromNote note: String) -> Int? {
        let words = note.split(separator: " ")
        guard words.count >= 2, words[0] == "progress" else { return nil }
        return Int(words[1].split(separator: "/").first ?? "")
    }
}
