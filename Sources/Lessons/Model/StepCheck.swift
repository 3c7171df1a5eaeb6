/// What decides that a step passed. Checks combine with `all` and `any`; each leaf looks at the
/// live cluster (through the learner's own kubectl), inside a container, at what the learner
/// typed, at what their last command printed, or at their answer to a question.
public indirect enum StepCheck: Sendable {
    case all([StepCheck])
    case any([StepCheck])
    /// `kubectl ARGS` (read-only verbs only); its standard output meets the expectation.
    case state(query: String, expect: Expectation)
    /// `kubectl exec POD [-c CONTAINER] -- COMMAND...`; its output meets the expectation.
    case exec(pod: String, container: String?, command: String, expect: Expectation)
    /// A line typed during this step matches the pattern (the whole line, leading `sudo ` ignored).
    case typed(pattern: String)
    /// The output of the learner's last command meets the expectation.
    case seen(expect: Expectation)
    /// `answer TEXT` given during this step is one of the accepted answers.
    case answer(accepted: [String])

    /// Every leaf, in order (for the validator and for the question a step asks).
    public var leaves: [StepCheck] {
        switch self {
        case .all(let checks), .any(let checks): checks.flatMap(\.leaves)
        default: [self]
        }
    }

    /// The read-only kubectl queries this leaf runs: a state check's own, and the one an
    /// expectation's `containsOutputOf` names (for the validator, which checks them all alike).
    public var queries: [String] {
        switch self {
        case .state(let query, let expect): [query] + [expect.containsOutputOf].compactMap { $0 }
        case .exec(_, _, _, let expect), .seen(let expect): [expect.containsOutputOf].compactMap { $0 }
        default: []
        }
    }
}

/// What a command's output must be. Every condition given must hold; output is compared without
/// its trailing newlines.
public struct Expectation: Equatable, Sendable {
    public var equals: String?
    /// A regular expression that must match somewhere in the output.
    public var matches: String?
    public var contains: String?
    public var notContains: String?
    /// The number of lines the output has.
    public var lines: Int?
    /// The exit status kubectl (or the command in the container) must end with.
    public var exitStatus: Int32?
    /// A read-only kubectl query (as in a state check) whose output, taken when the check runs,
    /// must appear in the output: what changes from run to run, such as a pod's new IP in an
    /// `nslookup` answer after the pod moved. An empty or failing query never passes.
    public var containsOutputOf: String?

    public init(
        equals: String? = nil, matches: String? = nil, contains: String? = nil, notContains: String? = nil,
        lines: Int? = nil, exitStatus: Int32? = nil, containsOutputOf: String? = nil
    ) {
        self.equals = equals
        self.matches = matches
        self.contains = contains
        self.notContains = notContains
        self.lines = lines
        self.exitStatus = exitStatus
        self.containsOutputOf = containsOutputOf
    }

    public var isEmpty: Bool {
        equals == nil && matches == nil && contains == nil && notContains == nil && lines == nil && exitStatus == nil
            && containsOutputOf == nil
    }
}
