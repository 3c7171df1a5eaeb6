extension Utilities {
    public static func sort(_ ctx: CommandContext) -> Int32 {
        var flags = Set<Character>()
        var key: (field: Int, endField: Int?, numeric: Bool, reverse: Bool)? = nil
        var separator: Character? = nil
        var operands: [String] = []
        var args = ctx.arguments[...]
        while let a = args.popFirst() {
            guard a.hasPrefix("-"), a.count > 1 else { operands.append(a); continue }
            var chars = Array(a.dropFirst())[...]
            while let c = chars.popFirst() {
                if c == "k" || c == "t" {
                    let value = chars.isEmpty ? (args.popFirst() ?? "") : String(chars)
                    chars = []
                    if c == "t" { separator = value.first } else {
                        let parts = value.split(separator: ",")
                        let startSpec = parts.first.map(String.init) ?? "1"
                        let digits = startSpec.prefix { $0.isASCIIDigit }
                        let mods = startSpec.dropFirst(digits.count) + (parts.count > 1 ? parts[1].drop(while: { $0.isASCIIDigit || $0 == "." }) : "")
                        let end = parts.count > 1 ? Int(parts[1].prefix { $0.isASCIIDigit }) : nil
                        key = (Int(digits) ?? 1, end, mods.contains("n"), mods.contains("r"))
                    }
                    continue
                }
                guard "nrufbhVs".contains(c) else {
                    ctx.writeError("sort: invalid option -- '\(c)'\n")
                    return 2
                }
                flags.insert(c)
            }
        }
        let (inputs, failed) = ctx.inputs(operands)
        if failed { return 2 }
        var lines: [Substring] = []
        for (_, text) in inputs { lines.append(contentsOf: splitLines(text)) }
        func keyText(_ line: Substring) -> Substring {
            guard let key else { return line }
            let fields: [Substring]
            if let sep = separator { fields = line.split(separator: sep, omittingEmptySubsequences: false) }
            else { fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }) }
            guard key.field - 1 < fields.count, key.field >= 1 else { return "" }
            let endIndex = min(fields.count, key.endField ?? fields.count)
            if endIndex <= key.field - 1 { return fields[key.field - 1] }
            let joined = fields[(key.field - 1)..<endIndex].joined(separator: separator.map { String($0) } ?? " ")
            return Substring(joined)
        }
        let numeric = flags.contains("n") || flags.contains("h") || (key?.numeric ?? false)
        let reverse = flags.contains("r") != (key?.reverse ?? false) ? true : (flags.contains("r") && (key?.reverse ?? false) ? false : false)
        let fold = flags.contains("f")
        func number(_ s: Substring) -> Double {
            let t = s.drop(while: { $0 == " " || $0 == "\t" })
            var numberText = ""
            for c in t {
                if c.isASCIIDigit || c == "." || (c == "-" && numberText.isEmpty) { numberText.append(c) } else { break }
            }
            var v = Double(numberText) ?? 0
            if flags.contains("h"), let unit = t.dropFirst(numberText.count).first {
                switch unit { case "K", "k": v *= 1e3; case "M": v *= 1e6; case "G": v *= 1e9; default: break }
            }
            return v
        }
        func less(_ a: Substring, _ b: Substring) -> Bool {
            let ka = keyText(a), kb = keyText(b)
            if numeric {
                let na = number(ka), nb = number(kb)
                if na != nb { return na < nb }
            } else {
                let ca = fold ? ka.uppercased() : String(ka), cb = fold ? kb.uppercased() : String(kb)
                if ca != cb { return Array(ca.utf8).lexicographicallyPrecedes(Array(cb.utf8)) }
            }
            return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        }
        var sorted = lines.sorted(by: less)
        if reverse { sorted.reverse() }
        if flags.contains("u") {
            var unique: [Substring] = []
            for line in sorted {
                if let last = unique.last, !less(last, line) && !less(line, last) || (unique.last.map { keyText($0) == keyText(line) } ?? false) { continue }
                unique.append(line)
            }
            sorted = unique
        }
        ctx.write(sorted.map { $0 + "\n" }.joined())
        return 0
    }

    public static func uniq(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "cdui") else { return 1 }
        let (inputs, failed) = ctx.inputs(Array(parsed.operands.prefix(1)))
        if failed { return 1 }
        let lines = splitLines(inputs.first?.text ?? "")
        var groups: [(Substring, Int)] = []
        for line in lines {
            if let last = groups.last, parsed.flags.contains("i") ? last.0.lowercased() == line.lowercased() : last.0 == line {
                groups[groups.count - 1].1 += 1
            } else {
                groups.append((line, 1))
            }
        }
        var out = ""
        for (line, count) in groups {
            if parsed.flags.contains("d") && count < 2 { continue }
            if parsed.flags.contains("u") && count > 1 { continue }
            if parsed.flags.contains("c") {
                let s = String(count)
                out += String(repeating: " ", count: max(0, 7 - s.count)) + s + " " + line + "\n"
            } else {
                out += line + "\n"
            }
        }
        ctx.write(out)
        return 0
    }
}
