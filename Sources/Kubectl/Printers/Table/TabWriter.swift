/// Go's `text/tabwriter` (with the kubernetes `RememberWidths` extension), so tables and describe
/// output align exactly as kubectl aligns them.
///
/// Text is split into lines and lines into tab-terminated cells; the text after a line's last tab
/// is never part of a column and is written unpadded. Column blocks are runs of consecutive lines
/// that have a cell in that column, as in Go, so a line without tabs restarts the alignment.
/// Widths count Unicode scalars (Go counts runes), not display columns.
public struct TabWriter: Sendable {
    public var minWidth: Int
    public var padding: Int
    /// Keep column widths across flushes, only ever growing (kubectl watch rows).
    public var rememberWidths: Bool

    private var lines: [[String]] = [[]]
    private var pendingCell = ""
    private var widths: [Int] = []
    private var maxWidths: [Int] = []

    public init(minWidth: Int, padding: Int, rememberWidths: Bool = false) {
        self.minWidth = minWidth
        self.padding = padding
        self.rememberWidths = rememberWidths
    }

    /// The writer kubectl's table printer uses (cli-runtime `GetNewTabWriter`).
    public static func table() -> TabWriter { TabWriter(minWidth: 6, padding: 3, rememberWidths: true) }
    /// The writer `kubectl describe` uses.
    public static func describe() -> TabWriter { TabWriter(minWidth: 0, padding: 2) }

    /// Buffers text; nothing is emitted until `flush()`.
    public mutating func write(_ text: String) {
        // Cells are cut at tab and newline bytes (both one-byte scalars, so every cut falls between
        // scalars) and copied whole: appending scalar by scalar cost ~14 k instructions a table row.
        let bytes = text.utf8
        var start = bytes.startIndex
        var i = start
        while i != bytes.endIndex {
            let byte = bytes[i]
            if byte == 9 || byte == 10 {
                take(bytes[start..<i])
                lines[lines.count - 1].append(pendingCell)
                pendingCell = ""
                if byte == 10 { lines.append([]) }
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        take(bytes[start...])
    }

    private mutating func take(_ piece: Substring.UTF8View) {
        guard !piece.isEmpty, let text = String(piece) else { return }
        if pendingCell.isEmpty { pendingCell = text } else { pendingCell += text }
    }

    /// Formats everything buffered and returns it; a trailing partial line is included unterminated.
    public mutating func flush() -> String {
        if !pendingCell.isEmpty { lines[lines.count - 1].append(pendingCell); pendingCell = "" }
        var out = ""
        widths = []
        format(&out, 0, lines.count)
        lines = [[]]
        return out
    }

    /// Forgets remembered widths (kubectl does this when a new resource type starts).
    public mutating func resetRememberedWidths() { maxWidths = [] }

    private static func width(_ s: String) -> Int { s.unicodeScalars.count }

    private mutating func format(_ out: inout String, _ start: Int, _ end: Int) {
        var line0 = start
        let column = widths.count
        // Go recurses once per column; past this depth (only reachable with absurd data full of
        // tabs) the remaining cells are written unaligned rather than risking the stack.
        guard column < 512 else { writeLines(&out, start, end); return }
        var this = start
        while this < end {
            if column >= lines[this].count - 1 { this += 1; continue }
            writeLines(&out, line0, this)
            line0 = this
            var width = minWidth
            while this < end {
                let line = lines[this]
                if column >= line.count - 1 { break }
                let w = Self.width(line[column]) + padding
                if w > width { width = w }
                this += 1
            }
            if rememberWidths {
                if maxWidths.count < widths.count { maxWidths.append(contentsOf: widths[maxWidths.count...]) }
                if maxWidths.count == widths.count {
                    maxWidths.append(width)
                } else if maxWidths[widths.count] > width {
                    width = maxWidths[widths.count]
                } else {
                    maxWidths[widths.count] = width
                }
            }
            widths.append(width)
            format(&out, line0, this)
            widths.removeLast()
            line0 = this
        }
        writeLines(&out, line0, end)
    }

    private func writeLines(_ out: inout String, _ start: Int, _ end: Int) {
        guard start < end else { return }
        for i in start..<end {
            let line = lines[i]
            for (j, cell) in line.enumerated() {
                out += cell
                if j < widths.count {
                    let pad = widths[j] - Self.width(cell)
                    if pad > 0 { out += String(repeating: " ", count: pad) }
                }
            }
            if i + 1 < lines.count { out += "\n" }
        }
    }
}
