/// One transcript's grade: what the replay proved, step by step, and what looked wrong with the
/// file. Codable as the documented JSON that `--format json` prints and `--merge` reads back.
public struct GradeResult: Codable, Equatable, Sendable {
    public var file: String
    public var lesson: String
    public var score: Int
    public var maximum: Int
    /// Every step passed and nothing about the file casts doubt on it.
    public var passed: Bool
    public var flags: [GradeFlag]
    public var steps: [StepGrade]
    public var differences: [Difference]

    public init(file: String, lesson: String, score: Int = 0, maximum: Int = 0, passed: Bool = false,
                flags: [GradeFlag] = [], steps: [StepGrade] = [], differences: [Difference] = []) {
        self.file = file
        self.lesson = lesson
        self.score = score
        self.maximum = maximum
        self.passed = passed
        self.flags = flags
        self.steps = steps
        self.differences = differences
    }

    /// A command whose recorded output the replay did not print.
    public struct Difference: Codable, Equatable, Sendable {
        public var command: Int
        public var typed: String
        public var diff: String
    }
}

/// How one step went in the replay.
public struct StepGrade: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// Passed by the student's own work.
        case passed
        /// Passed after `solution` showed the commands.
        case shown
        case skipped
        /// Not passed (the reason says what its check found at the end).
        case failed
    }

    public var id: String
    public var status: Status
    public var points: Int
    public var maximum: Int
    public var hintsUsed: Int
    public var reason: String
}

/// Something about a transcript an instructor should know. Only `otherVersion` and
/// `incompleteRecord` leave a transcript able to pass.
public struct GradeFlag: Codable, Equatable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The file is not a transcript kubelab can read; nothing was graded.
        case unparseable
        /// Recorded outputs that the replay did not print: edited, inserted or removed by hand.
        case editedOutput = "edited-output"
        /// The header names another lesson (or none).
        case otherLesson = "other-lesson"
        /// The header's seed or nodes are not the lesson's.
        case headerMismatch = "header-mismatch"
        /// A time mark earlier than the command before it.
        case timeBackwards = "time-backwards"
        /// Recorded by another kubelab version: graded, and marked so.
        case otherVersion = "other-version"
        /// A replay limit ended the grading early.
        case limit
        /// The last command was cut short (the recording stopped while writing it).
        case incompleteRecord = "incomplete-record"
    }

    public var kind: Kind
    public var message: String

    public var allowsPassing: Bool { kind == .otherVersion || kind == .incompleteRecord }
}
