/// The words a lesson adds to the host shell (`hint`, `answer TEXT`, ...). They are read only at
/// the host prompt and only as the first word, so `kubectl get pods | grep hint` stays a command.
public enum LessonCommand: Equatable, Sendable {
    case lesson, hint, progress, check, skip, solution, reset, undo
    case lang(String?)
    case answer(String)

    public static let words = ["lesson", "hint", "progress", "check", "skip", "solution", "reset", "undo", "lang", "answer"]

    /// The lesson command a host line is, or nil when it is an ordinary command; a word given
    /// arguments it does not take is a `.failure` with the usage.
    public static func parse(_ line: String) -> Result<LessonCommand, UsageMistake>? {
        let trimmed = line.trimmingSpaces
        let word = String(trimmed.prefix { $0 != " " && $0 != "\t" })
        let rest = String(trimmed.dropFirst(word.count)).trimmingSpaces
        switch word {
        case "lang": return .success(.lang(rest.isEmpty ? nil : rest))
        case "answer": return .success(.answer(rest))
        case "lesson", "hint", "progress", "check", "skip", "solution", "reset", "undo":
            guard rest.isEmpty else { return .failure(UsageMistake(word: word)) }
            let simple: [String: LessonCommand] = [
                "lesson": .lesson, "hint": .hint, "progress": .progress, "check": .check, "skip": .skip,
                "solution": .solution, "reset": .reset, "undo": .undo,
            ]
            return .success(simple[word]!)
        default: return nil
        }
    }

    public struct UsageMistake: Error, Equatable, Sendable {
        public var word: String
    }
}
