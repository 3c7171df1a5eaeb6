import KubeLab
import Lessons

/// Shows the lesson engine's events: words them in the learner's language and colours them by
/// tone when colour is on (a terminal, no `NO_COLOR`).
public struct LessonPresenter {
    public let usesColor: Bool

    public init(usesColor: Bool) { self.usesColor = usesColor }

    public func text(for events: [LessonEvent], in session: LessonSession) -> String {
        events.map { event in
            let message = LessonMessages.render(
                event, lesson: session.lesson, progress: session.progress, language: session.language)
            return paint(message)
        }.joined()
    }

    func paint(_ message: LessonMessages.Message) -> String {
        guard usesColor else { return message.text }
        let code = switch message.tone {
        case .plain: ""
        case .step: "\u{1B}[1m"
        case .success: "\u{1B}[32m"
        case .hint: "\u{1B}[36m"
        case .warning: "\u{1B}[33m"
        }
        guard !code.isEmpty else { return message.text }
        // Colour each line on its own so a reset never spills over a newline.
        return message.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "" : code + line + "\u{1B}[0m"
        }.joined(separator: "\n")
    }
}
