import KubeLab

/// One lesson as its folder defines it: `lesson.yaml`, the manifests it applies and `solution.sh`.
public struct Lesson: Sendable {
    /// The folder's number (`01`), what `kubelab lesson 01` names.
    public var id: String
    /// The folder's name (`01-statefulset-basics`).
    public var folderName: String
    public var title: LocalizedText
    public var summary: LocalizedText
    /// What part of its source walkthrough the lesson covers, when it is not all of it.
    public var coverage: LocalizedText?
    public var start: LessonStart
    public var scoring: Scoring
    public var steps: [LessonStep]
    /// Every file of the folder but `lesson.yaml`, by relative path: the learner's working directory.
    public var files: [String: [UInt8]]
    /// The reference solution, step by step (from `solution.sh`).
    public var solution: SolutionScript

    public var maximumPoints: Int { steps.reduce(0) { $0 + $1.points } }

    public func step(withID id: String) -> LessonStep? { steps.first { $0.id == id } }
}

/// The cluster a lesson starts from.
public struct LessonStart: Equatable, Sendable {
    public var nodes: Int
    public var seed: UInt64
    /// The nodes' names, control plane first, when the lesson names them as its tutorial does.
    public var nodeNames: [String] = []
    /// Lines run, unseen, before the first step (objects the lesson needs to exist already).
    public var setup: [String]

    public init(nodes: Int = LabOptions.defaultNodes, seed: UInt64 = LabOptions.defaultSeed, setup: [String] = []) {
        self.nodes = nodes
        self.seed = seed
        self.setup = setup
    }
}

/// How hints and shown solutions change a step's points.
public struct Scoring: Equatable, Sendable {
    /// Points taken off a passed step for each hint revealed (never below zero).
    public var hintPenalty: Int
    /// Points a step earns when its solution was shown before it passed.
    public var pointsWhenSolutionShown: Int

    public init(hintPenalty: Int = 1, pointsWhenSolutionShown: Int = 0) {
        self.hintPenalty = hintPenalty
        self.pointsWhenSolutionShown = pointsWhenSolutionShown
    }
}

/// One step: what to do, hints, what passing it proves, and the check that decides.
public struct LessonStep: Sendable {
    public var id: String
    public var text: LocalizedText
    public var hints: [LocalizedText]
    /// Shown when the step passes: what the learner just proved.
    public var confirmation: LocalizedText
    public var points: Int
    public var check: StepCheck
    /// The question a `question` check asks, shown with the step's text.
    public var question: LocalizedText?
    /// Where in lesson.yaml the step starts, for messages.
    public var line: Int
}
