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

    /// Appends output written at `at`, split into lines so each keeps its own time. Lines end at
    /// newline bytes, as the kubelet's log reader splits them (a `\r\n` ends a line too).
    public mutating func append(_ output: String, at: Millis) {
        let bytes = output.utf8
        var start = bytes.startIndex
        if let last = lines.last, last.text.utf8.last != Self.newline, start != bytes.endIndex {
            // Continues the unfinished line, which keeps the time it was started.
            let end = Self.lineEnd(in: bytes, from: start)
            lines[lines.count - 1].text += output[start..<end]
            start = end
        }
        while start != bytes.endIndex {
            let end = Self.lineEnd(in: bytes, from: start)
            lines.append(Line(at: at, text: String(output[start..<end])))
            start = end
        }
    }

    private static let newline = UInt8(ascii: "\n")

    /// Just past the first newline from `start`, or the end.
    private static func lineEnd(in bytes: String.UTF8View, from start: String.Index) -> String.Index {
        guard let i = bytes[start...].firstIndex(of: newline) else { return bytes.endIndex }
        return bytes.index(after: i)
    }

    /// A restart: the current run becomes the previous one and a new, empty run begins.
    public mutating func restart() {
        previous = lines
        lines = []
    }
}
