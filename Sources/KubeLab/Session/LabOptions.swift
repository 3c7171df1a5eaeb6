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
    /// The nodes' names, control plane first (`master`, `node1`, `node2` as a tutorial names them);
    /// empty for kubelab's own (`k8s-master`, `k8s-node1`, ...). When given, it decides `nodes`.
    public var nodeNames: [String]
    /// Language of lesson texts and hints.
    public var language: Language
    /// Interactive sessions follow the wall clock; scripts move only the virtual clock.
    public var mode: Terminal.Mode

    public init(
        seed: UInt64 = LabOptions.defaultSeed,
        nodes: Int = LabOptions.defaultNodes,
        language: Language = .english,
        mode: Terminal.Mode = .interactive,
        nodeNames: [String] = []
    ) {
        self.seed = seed
        self.nodes = nodeNames.isEmpty ? nodes : nodeNames.count - 1
        self.nodeNames = nodeNames
        self.language = language
        self.mode = mode
    }

    /// Whether `names` can name a sandbox's nodes: 2 to 101 distinct lowercase DNS labels (a
    /// control plane and 1 to 100 workers). Returns what is wrong, or nil.
    public static func problem(withNodeNames names: [String]) -> String? {
        guard names.count >= 2, names.count - 1 <= nodeRange.upperBound else {
            return "node names must name the control plane and 1 to \(nodeRange.upperBound) workers"
        }
        guard Set(names).count == names.count else { return "node names must differ" }
        for name in names {
            let ok = !name.isEmpty && name.count <= 63 && name.first!.isLetter
                && name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" } && name.last != "-"
            if !ok { return "node name '\(name)' must be a lowercase DNS label (letters, digits, '-')" }
        }
        return nil
    }
}
