import KubeLab

/// What a step's check may look at: the live session and what the learner did during the step.
public struct CheckContext {
    public let lab: Lab
    /// Lines typed since the step began (host and container prompts alike), oldest first.
    public var typedLines: [String]
    /// What the learner's last command printed (standard output and error), if any.
    public var lastOutput: String?
    /// The answer given with `answer TEXT` during this step.
    public var answer: String?
    /// Outputs of state queries while the cluster has not changed (nil: always run them).
    public var cache: StateQueryCache?
    /// The checks' compiled regular expressions (a session keeps one for all its checks).
    public var patterns: CheckPatterns

    public init(
        lab: Lab, typedLines: [String] = [], lastOutput: String? = nil, answer: String? = nil, cache: StateQueryCache? = nil,
        patterns: CheckPatterns = CheckPatterns()
    ) {
        self.lab = lab
        self.cache = cache
        self.patterns = patterns
        self.typedLines = typedLines
        self.lastOutput = lastOutput
        self.answer = answer
    }
}

/// A check's verdict and, when it failed, why (shown to authors by the validator and to
/// instructors in grade reports).
public struct CheckOutcome: Equatable, Sendable {
    public var passed: Bool
    public var reason: String

    public static let pass = CheckOutcome(passed: true, reason: "")
    public static func fail(_ reason: String) -> CheckOutcome { CheckOutcome(passed: false, reason: reason) }
}
