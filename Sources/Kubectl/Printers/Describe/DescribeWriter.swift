import KubeAPI

/// kubectl describe's `PrefixWriter` over a tabwriter (minwidth 0, padding 2): each level indents
/// two spaces, and `flush()` ends the current alignment block (as the Events table does).
struct DescribeWriter {
    private var tab = TabWriter.describe()
    private var out = ""

    mutating func write(_ level: Int, _ text: String) {
        tab.write(CellFormat.escapeTerminal(String(repeating: "  ", count: level) + text))
    }

    /// `WriteLine`: text plus a newline, no indentation.
    mutating func line(_ text: String) { tab.write(CellFormat.escapeTerminal(text) + "\n") }

    mutating func flush() { out += tab.flush() }

    mutating func finish() -> String {
        flush()
        return out
    }
}
