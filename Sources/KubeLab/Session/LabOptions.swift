import PodShell

/// Everything a session needs to build its cluster and terminal; the same value drives the
/// sandbox, a lesson, `run`, and replay so they all start from an identical cluster.
public struct LabOptions: Equatable, Sendable {
    /// Fixed so that two runs without `--seed` print the same bytes.
    public static let defaultSeed: UInt64 = 1
    public static let defaultNodes = 2
    public static let nodeRange = 1...100

    /// Seeds the cluster's `SeededGenerator`.
    public var seed: UInt64
    /// Worker nodes in the sandbox (`k8s-node1` ... `k8s-nodeN`).
    public var nodes: Int
    /// Language of lesson texts and hints.
    public var language: Language
    /// Interactive sessions follow the wall clock; scripts move only the virtual clock.
    public var mode: Terminal.Mode

    public init(
        seed: UInt64 = LabOptions.defaultSeed,
        nodes: Int = LabOptions.defaultNodes,
        language: Language = .english,
        mode: Terminal.Mode = .interactive
    ) {
        self.seed = seed
        self.nodes = nodes
        self.language = language
        self.mode = mode
    }
}
