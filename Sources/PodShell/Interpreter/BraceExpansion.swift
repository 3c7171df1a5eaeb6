/// bash's brace expansion (`web-{0,1}`, `{0..2}`, `{a..c}`), done before every other expansion.
/// busybox ash and dash do not have it, so the interpreter applies it only for bash dialects.
/// Braces must sit inside one unquoted literal (`{$a,$b}` is left alone).
enum BraceExpansion {
    /// Upper bound on the words one brace expression may produce.
    static let maxWords = 10_000

    static func expand(_ word: ShellWord) -> [ShellWord] {
        // Very long words or many groups are left alone rather than multiplied out.
        let length = word.parts.reduce(0) { n, part in if case .literal(let t, _) = part { return n + t.count }; return n }
        if length > 1024 { return [word] }
        var budget = maxWords
        return expand(word, budget: &budget, depth: 0)
    }

    private static func expand(_ word: ShellWord, budget: inout Int, depth: Int) -> [ShellWord] {
        // Beyond 32 brace groups in one word the rest stay literal.
        if depth > 32 { return [word] }
        for (index, part) in word.parts.enumerated() {
            guard case .literal(let text, quoted: false) = part, text.contains("{"),
                  let (prefix, alternatives, suffix) = firstBrace(in: text) else { continue }
            var out: [ShellWord] = []
            for alternative in alternatives {
                guard budget > 0 else { break }
                var parts = word.parts
                parts[index] = .literal(prefix + alternative + suffix, quoted: false)
                let expanded = expand(ShellWord(parts: parts), budget: &budget, depth: depth + 1)
                out.append(contentsOf: expanded)
                budget -= expanded.count
            }
            return out
        }
        return [word]
    }

    /// The first `{...}` with a top-level comma or a `..` sequence.
    private static func firstBrace(in text: String) -> (String, [String], String)? {
        let c = Array(text)
        var start = 0
        while start < c.count {
            guard c[start] == "{", start == 0 || c[start - 1] != "$" else { start += 1; continue }
            var depth = 0
            var commas: [Int] = []
            var end: Int? = nil
            var i = start
            while i < c.count {
                if c[i] == "{" { depth += 1 } else if c[i] == "}" {
                    depth -= 1
                    if depth == 0 { end = i; break }
                } else if c[i] == ",", depth == 1 { commas.append(i) }
                i += 1
            }
            guard let close = end else { return nil }
            let prefix = String(c[..<start]), suffix = String(c[(close + 1)...])
            if !commas.isEmpty {
                var alternatives: [String] = []
                var from = start + 1
                for comma in commas + [close] {
                    alternatives.append(String(c[from..<comma]))
                    from = comma + 1
                }
                return (prefix, alternatives, suffix)
            }
            if let sequence = sequence(String(c[(start + 1)..<close])) { return (prefix, sequence, suffix) }
            start += 1
        }
        return nil
    }

    /// `1..5`, `05..10`, `5..1`, `1..10..2`, `a..e`.
    private static func sequence(_ body: String) -> [String]? {
        let parts = body.components(separatedByString: "..")
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let step = parts.count == 3 ? Int(parts[2]).map { abs($0) } : 1
        guard let step, step > 0 else { return nil }
        if let a = Int(parts[0]), let b = Int(parts[1]) {
            let width = (parts[0].hasPrefix("0") && parts[0].count > 1) || (parts[1].hasPrefix("0") && parts[1].count > 1) ? max(parts[0].count, parts[1].count) : 0
            var out: [String] = []
            var v = a
            while (a <= b ? v <= b : v >= b) && out.count < maxWords {
                let s = String(v)
                out.append(s.count < width ? String(repeating: "0", count: width - s.count) + s : s)
                v += a <= b ? step : -step
            }
            return out
        }
        if parts[0].count == 1, parts[1].count == 1, let a = parts[0].unicodeScalars.first?.value, let b = parts[1].unicodeScalars.first?.value,
           parts[0].first?.isASCIILetter == true, parts[1].first?.isASCIILetter == true {
            let range = a <= b ? Array(stride(from: a, through: b, by: step)) : Array(stride(from: a, through: b, by: -step))
            return range.compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
        }
        return nil
    }
}

extension String {
    func components(separatedByString separator: String) -> [String] {
        var out: [String] = []
        var rest = Substring(self)
        while let r = rest.range(of: separator) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }
}
