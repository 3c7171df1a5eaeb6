import KubeAPI

/// kubectl describe's `PrefixWriter` over a tabwriter (minwidth 0, padding 2): each level indents
/// two spaces, and `flush()` ends the current alignment block (as the Events table does).
struct DescribeWriter {
    private var tab = TabWriter.describe()
    private var out = ""
    /// False for a PrefixWriter straight over a buffer, as `rollout history --revision` and the
    /// rollback dry runs use it (their `printTemplate`): the tabs stay in the text.
    private let aligned: Bool

    init(aligned: Bool = true) { self.aligned = aligned }

    mutating func write(_ level: Int, _ text: String) {
        emit(CellFormat.escapeTerminal(String(repeating: "  ", count: level) + text))
    }

    /// `WriteLine`: text plus a newline, no indentation.
    mutating func line(_ text: String) { emit(CellFormat.escapeTerminal(text) + "\n") }

    private mutating func emit(_ text: String) {
        if aligned { tab.write(text) } else { out += text }
    }

    mutating func flush() { if aligned { out += tab.flush() } }

    mutating func finish() -> String {
        flush()
        return out
    }
}
