import PodShell

/// What a record needs besides its commands to rebuild the session: the same options give the
/// same cluster, and the same inputs at the same time marks then give the same bytes.
public struct SessionHeader: Equatable, Sendable {
    public var version: String
    /// The lesson the session ran, or nil for the sandbox.
    public var lesson: String?
    public var seed: UInt64
    public var nodes: Int
    /// The nodes' names when the session named them (see `LabOptions.nodeNames`).
    public var nodeNames: [String] = []
    public var language: Language
    public var mode: Terminal.Mode
    /// Wall-clock start, for people reading the file; replay does not use it.
    public var started: String

    public init(
        version: String = KubeLabVersion.current, lesson: String? = nil, seed: UInt64 = LabOptions.defaultSeed,
        nodes: Int = LabOptions.defaultNodes, language: Language = .english, mode: Terminal.Mode = .interactive,
        started: String = ""
    ) {
        self.version = version
        self.lesson = lesson
        self.seed = seed
        self.nodes = nodes
        self.language = language
        self.mode = mode
        self.started = started
    }

    /// The options a replay builds its session with.
    public var options: LabOptions {
        LabOptions(seed: seed, nodes: nodes, language: language, mode: mode, nodeNames: nodeNames)
    }
}
