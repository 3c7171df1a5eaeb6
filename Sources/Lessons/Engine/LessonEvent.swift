import KubeLab

/// What the lesson engine has to tell the learner after an input; `LessonMessages` words each
/// one in the learner's language, and the shell shows it.
public enum LessonEvent: Equatable, Sendable {
    /// The lesson began (or resumed) with its title and summary.
    case introduced(resumedAtStep: Int?)
    /// A step became current: show its text (and question).
    case stepStarted(index: Int)
    case stepPassed(index: Int, points: Int)
    case lessonComplete(points: Int, maximum: Int)
    case hint(index: Int, number: Int, total: Int)
    case noMoreHints(index: Int)
    /// What the cluster's controllers are waiting for (`web-1 waits: web-0 is Pending`), shown
    /// after a hint or a failed `check` so the learner sees why the state is not there yet.
    case clusterWaits([String])
    case progress
    /// `check` found the step not passed yet.
    case notYet(index: Int, reason: String)
    case skipped(index: Int)
    case solution(index: Int, lines: [String])
    case reset
    case undone(line: String)
    case nothingToUndo
    case languageChanged(Language)
    case unknownLanguage(String)
    case answerWithoutQuestion
    case answerNeedsText
    case wrongAnswer(String)
    case lessonFinished
    /// A lesson word was given arguments it does not take.
    case usage(String)
}
