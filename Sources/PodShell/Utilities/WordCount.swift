extension Utilities {
    public static func wc(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "lwcmL") else { return 1 }
        var flags = parsed.flags
        if flags.isEmpty { flags = ["l", "w", "c"] }
        let (inputs, failed) = ctx.inputs(parsed.operands)
        var rows: [([Int], String)] = []
        var totals = [0, 0, 0, 0]
        for (name, text) in inputs {
            let lines = text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).count
            let bytes = text.utf8.count
            let chars = text.count
            var values: [Int] = []
            if flags.contains("l") { values.append(lines) }
            if flags.contains("w") { values.append(words) }
            if flags.contains("m") { values.append(chars) }
            if flags.contains("c") { values.append(bytes) }
            totals[0] += lines; totals[1] += words; totals[2] += chars; totals[3] += bytes
            rows.append((values, name == "-" ? "" : name))
        }
        if rows.count > 1 {
            var values: [Int] = []
            if flags.contains("l") { values.append(totals[0]) }
            if flags.contains("w") { values.append(totals[1]) }
            if flags.contains("m") { values.append(totals[2]) }
            if flags.contains("c") { values.append(totals[3]) }
            rows.append((values, "total"))
        }
        // Column width as GNU computes it: 1 for a single input with a single count; otherwise the
        // digits of the operands' total size, at least 7 when stdin is among the inputs.
        // busybox pads to 7 unless exactly one count was asked for.
        let countsPerRow = rows.first?.0.count ?? 1
        var width = 1
        if ctx.isBusybox {
            width = countsPerRow == 1 ? 1 : 7
        } else if !(inputs.count == 1 && countsPerRow == 1) {
            let total = inputs.filter { $0.name != "-" }.reduce(0) { $0 + $1.text.utf8.count }
            width = String(total).count
            if inputs.contains(where: { $0.name == "-" }) { width = max(width, 7) }
        }
        var out = ""
        for (values, name) in rows {
            var cells: [String] = []
            for (i, v) in values.enumerated() {
                let s = String(v)
                let w = ctx.isBusybox && i == 0 && countsPerRow == 1 ? 1 : width
                cells.append(String(repeating: " ", count: max(0, w - s.count)) + s)
            }
            var line = cells.joined(separator: " ")
            if !name.isEmpty { line += " " + name }
            out += line + "\n"
        }
        ctx.write(out)
        return failed ? 1 : 0
    }
}
