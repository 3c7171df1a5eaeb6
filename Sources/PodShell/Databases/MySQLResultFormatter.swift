/// The mysql client's three ways of printing rows: boxed tables (interactive), tab-separated
/// lines (batch), and `\G`'s vertical records.
enum MySQLResultFormatter {
    static func cellText(_ value: SQLValue) -> String { value.displayText }

    static func boxed(_ result: SQLResultSet) -> String {
        var widths = result.columns.map(\.count)
        for (i, nullable) in result.nullableColumns.enumerated() where nullable && i < widths.count { widths[i] = max(widths[i], 4) }
        for row in result.rows {
            for (i, value) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cellText(value).count) }
        }
        let border = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+\n"
        var text = border
        text += "|" + result.columns.enumerated().map { i, name in " " + pad(name, widths[i], right: false) + " " }.joined(separator: "|") + "|\n"
        text += border
        for row in result.rows {
            text += "|" + widths.indices.map { i in
                let value = i < row.count ? row[i] : .null
                let right = result.numericColumns.indices.contains(i) && result.numericColumns[i]
                return " " + pad(cellText(value), widths[i], right: right) + " "
            }.joined(separator: "|") + "|\n"
        }
        return text + border
    }

    /// Batch output: tab-separated, with tabs, newlines and backslashes escaped as the client does.
    static func tabSeparated(_ result: SQLResultSet, columnNames: Bool) -> String {
        var text = columnNames ? result.columns.map(escape).joined(separator: "\t") + "\n" : ""
        for row in result.rows { text += row.map { escape(cellText($0)) }.joined(separator: "\t") + "\n" }
        return text
    }

    static func vertical(_ result: SQLResultSet) -> String {
        let width = result.columns.map(\.count).max() ?? 0
        var text = ""
        for (n, row) in result.rows.enumerated() {
            text += "*************************** \(n + 1). row ***************************\n"
            for (i, name) in result.columns.enumerated() {
                text += pad(name, width, right: true) + ": " + (i < row.count ? cellText(row[i]) : "NULL") + "\n"
            }
        }
        return text
    }

    /// `3 rows in set`, `1 row in set`, `Empty set`.
    static func rowCount(_ count: Int) -> String {
        switch count {
        case 0: return "Empty set"
        case 1: return "1 row in set"
        default: return "\(count) rows in set"
        }
    }

    private static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\\" || $0 == "\0" }) else { return text }
        var out = ""
        for c in text {
            switch c {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\\": out += "\\\\"
            case "\0": out += "\\0"
            default: out.append(c)
            }
        }
        return out
    }

    static func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
