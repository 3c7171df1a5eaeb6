/// Where a learner stands on one step.
public struct StepProgress: Equatable, Sendable {
    public enum Status: String, Equatable, Sendable {
        case pending
        /// Passed by the learner's own work.
        case passed
        /// Passed after its solution was shown: counts as shown, not solved.
        case shown
        case skipped
    }

    public var status: Status = .pending
    public var hintsUsed = 0
    public var solutionShown = false

    public var isFinished: Bool { status != .pending }

    /// Points the step earned under `scoring`.
    public func points(of step: LessonStep, scoring: Scoring) -> Int {
        switch status {
        case .pending, .skipped: 0
        case .shown: min(step.points, scoring.pointsWhenSolutionShown)
        case .passed: max(0, step.points - hintsUsed * scoring.hintPenalty)
        }
    }
}

/// A lesson's progress: every step's state and which step is current.
public struct LessonProgress: Equatable, Sendable {
    public var steps: [StepProgress]
    /// Index of the current step; `steps.count` when the lesson is finished.
    public var current: Int

    public init(stepCount: Int) {
        steps = Array(repeating: StepProgress(), count: stepCount)
        current = 0
    }

    public var isComplete: Bool { current >= steps.count }
    public var finishedCount: Int { steps.filter(\.isFinished).count }

    public func points(in lesson: Lesson) -> Int {
        zip(lesson.steps, steps).reduce(0) { $0 + $1.1.points(of: $1.0, scoring: lesson.scoring) }
    }
}
