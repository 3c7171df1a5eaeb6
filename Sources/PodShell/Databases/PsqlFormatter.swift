/// psql's default "aligned" output: centred headers, `-+-` rule, numbers right-aligned, the last
/// column unpadded, `+` marking a cell that continues on the next line, then `(n rows)`.
enum PsqlFormatter {
    static func aligned(_ result: SQLResultSet, title: String? = nil) -> String {
        let cells: [[[String]]] = result.rows.map { row in
            result.columns.indices.map { i in
                let value = i < row.count ? row[i] : .null
                return (value == .null ? "" : value.displayText).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        var widths = result.columns.map(\.count)
        for row in cells {
            for (i, lines) in row.enumerated() { for line in lines { widths[i] = max(widths[i], line.count) } }
        }
        let last = result.columns.count - 1
        var text = ""
        if let title {
            let total = widths.reduce(0) { $0 + $1 + 3 } - 1
            text += String(repeating: " ", count: max(0, (total - title.count) / 2)) + title + "\n"
        }
        text += result.columns.enumerated().map { i, name in
            let space = widths[i] - name.count
            let left = space / 2
            return " " + String(repeating: " ", count: left) + name + String(repeating: " ", count: space - left) + " "
        }.joined(separator: "|") + "\n"
        text += widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "\n"
        for row in cells {
            let height = row.map(\.count).max() ?? 1
            for k in 0..<height {
                var line = ""
                for (i, lines) in row.enumerated() {
                    let cell = k < lines.count ? lines[k] : ""
                    let continues = k + 1 < lines.count
                    let right = result.numericColumns.indices.contains(i) && result.numericColumns[i]
                    let fill = String(repeating: " ", count: widths[i] - cell.count)
                    line += i == 0 ? " " : "| "
                    if right {
                        line += fill + cell
                    } else if i < last || continues {
                        line += cell + fill
                    } else {
                        line += cell
                    }
                    if i < last { line += continues ? "+" : " " } else if continues { line += "+" }
                }
                text += line + "\n"
            }
        }
        return text + "(\(result.rows.count) \(result.rows.count == 1 ? "row" : "rows"))\n\n"
    }

    /// `-A`: cells joined by `|`, header line, then `(n rows)`; `-t` drops header and footer.
    static func unaligned(_ result: SQLResultSet, tuplesOnly: Bool) -> String {
        var text = tuplesOnly ? "" : result.columns.joined(separator: "|") + "\n"
        for row in result.rows { text += row.map { $0 == .null ? "" : $0.displayText }.joined(separator: "|") + "\n" }
        if !tuplesOnly { text += "(\(result.rows.count) \(result.rows.count == 1 ? "row" : "rows"))\n" }
        return text
    }

    /// `-t` with aligned output: rows only, each cell padded, no header or footer.
    static func tuplesOnly(_ result: SQLResultSet) -> String {
        let full = aligned(result)
        var lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 4 else { return "" }
        lines.removeFirst(2)
        lines.removeLast(3)
        return lines.map { $0 + "\n" }.joined() + "\n"
    }
}
