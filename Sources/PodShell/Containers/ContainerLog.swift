import KubeAPI

/// What a container's main process wrote, each chunk with the cluster time it was written, for
/// this run and the one before the last restart: `kubectl logs --since` picks lines by time, and
/// `kubectl logs --previous` reads the terminated run, as the kubelet keeps one log per attempt.
public struct ContainerLog: Sendable {
    public struct Line: Sendable, Equatable {
        public var at: Millis
        public var text: String
    }

    /// The current run's lines (a last line without a newline is still being written).
    public private(set) var lines: [Line] = []
    /// The run before the last restart, if the container has restarted.
    public private(set) var previous: [Line]?

    public init() {}

    /// All of the current run's output, as `kubectl logs` prints it.
    public var text: String { lines.map(\.text).joined() }

    /// Appends output written at `at`, split into lines so each keeps its own time.
    public mutating func append(_ output: String, at: Millis) {
        var rest = Substring(output)
        if let last = lines.last, !last.text.hasSuffix("\n"), !rest.isEmpty {
            // Continues the unfinished line, which keeps the time it was started.
            let end = rest.firstIndex(of: "\n").map { rest.index(after: $0) } ?? rest.endIndex
            lines[lines.count - 1].text += rest[..<end]
            rest = rest[end...]
        }
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n").map { rest.index(after: $0) } ?? rest.endIndex
            lines.append(Line(at: at, text: String(rest[..<end])))
            rest = rest[end...]
        }
    }

    /// A restart: the current run becomes the previous one and a new, empty run begins.
    public mutating func restart() {
        previous = lines
        lines = []
    }
}
