/// bash's brace expansion (`web-{0,1}`, `{0..2}`, `{a..c}`), done before every other expansion.
/// busybox ash and dash do not have it, so the interpreter applies it only for bash dialects.
/// Braces must sit inside one unquoted literal (`{$a,$b}` is left alone).
enum BraceExpansion {
    /// Upper bound on the words one brace expression may produce.
    static let maxWords = 10_000

    /// What the shell says when one word would expand past `maxWords` (never a silently shortened list).
    static let limitMessage = "kubelab: brace expansion stopped at the word limit (\(maxWords) words per word)"

    /// The words `word` expands to; nil when that would be more than `maxWords`.
    static func expand(_ word: ShellWord) -> [ShellWord]? {
        // Very long words or many groups are left alone rather than multiplied out.
        let length = word.parts.reduce(0) { n, part in if case .literal(let t, _) = part { return n + t.count }; return n }
        if length > 1024 { return [word] }
        var budget = maxWords
        let words = expand(word, budget: &budget, depth: 0)
        return budget < 0 ? nil : words
    }

    /// `budget` goes below zero when the expansion did not fit.
    private static func expand(_ word: ShellWord, budget: inout Int, depth: Int) -> [ShellWord] {
        // Beyond 32 brace groups in one word the rest stay literal.
        if depth > 32 { budget -= 1; return [word] }
        for (index, part) in word.parts.enumerated() {
            guard case .literal(let text, quoted: false) = part, text.contains("{"),
                  let (prefix, alternatives, suffix) = firstBrace(in: text) else { continue }
            guard let alternatives else { budget = -1; return [] }
            var out: [ShellWord] = []
            for alternative in alternatives {
                guard budget > 0 else { budget = -1; break }
                var parts = word.parts
                parts[index] = .literal(prefix + alternative + suffix, quoted: false)
                out.append(contentsOf: expand(ShellWord(parts: parts), budget: &budget, depth: depth + 1))
            }
            return out
        }
        // A finished word: the only place the budget is spent, so nesting does not count twice.
        budget -= 1
        return [word]
    }

    /// The first `{...}` with a top-level comma or a `..` sequence.
    /// The alternatives are nil when a sequence has more than `maxWords` items.
    private static func firstBrace(in text: String) -> (String, [String]?, String)? {
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
            switch sequence(String(c[(start + 1)..<close])) {
            case .words(let words): return (prefix, words, suffix)
            case .tooMany: return (prefix, nil, suffix)
            case .notASequence: break
            }
            start += 1
        }
        return nil
    }

    enum Sequence { case words([String]), tooMany, notASequence }

    /// `1..5`, `05..10`, `5..1`, `1..10..2`, `a..e`. Steps and ends anywhere in Int's range
    /// (`{1..10..9223372036854775807}`, `{a..z..4294967296}`) are stepped without overflow.
    private static func sequence(_ body: String) -> Sequence {
        let parts = body.components(separatedByString: "..")
        guard parts.count == 2 || parts.count == 3 else { return .notASequence }
        let step = parts.count == 3 ? Int(parts[2]).map { $0.magnitude } : 1
        guard let step, step > 0 else { return .notASequence }
        func run(_ a: Int, _ b: Int, _ word: (Int) -> String?) -> Sequence {
            // How many items: |b - a| / step + 1, in UInt so the distance itself cannot overflow.
            let distance = a <= b ? UInt(bitPattern: b &- a) : UInt(bitPattern: a &- b)
            let count = distance / step + 1
            guard count <= UInt(maxWords) else { return .tooMany }
            var out: [String] = []
            for i in 0..<Int(count) {
                let offset = Int(truncatingIfNeeded: UInt(i) &* step)
                if let w = word(a <= b ? a &+ offset : a &- offset) { out.append(w) }
            }
            return .words(out)
        }
        if let a = Int(parts[0]), let b = Int(parts[1]) {
            let width = (parts[0].hasPrefix("0") && parts[0].count > 1) || (parts[1].hasPrefix("0") && parts[1].count > 1) ? max(parts[0].count, parts[1].count) : 0
            return run(a, b) { v in
                let s = String(v)
                return s.count < width ? String(repeating: "0", count: width - s.count) + s : s
            }
        }
        if parts[0].count == 1, parts[1].count == 1, let a = parts[0].unicodeScalars.first?.value, let b = parts[1].unicodeScalars.first?.value,
           parts[0].first?.isASCIILetter == true, parts[1].first?.isASCIILetter == true {
            return run(Int(a), Int(b)) { v in UInt32(exactly: v).flatMap(Unicode.Scalar.init).map { String(Character($0)) } }
        }
        return .notASequence
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
