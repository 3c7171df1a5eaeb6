import Foundation
import Lessons

/// The repository's lessons and example transcripts.
enum TranscriptFixtures {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var examples: String { root.appendingPathComponent("transcripts/examples").path }

    static func lesson(_ folder: String = "01-statefulset-basics") throws -> Lesson {
        try LessonLoader.load(folder: root.appendingPathComponent("lessons/" + folder).path)
    }

    static func example(_ name: String) -> String { examples + "/" + name + ".transcript" }
}
