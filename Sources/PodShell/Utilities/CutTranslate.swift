extension Utilities {
    public static func cut(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "s", withValue: "dfcb") else { return 1 }
        let delimiter: Character = parsed.values["d"]?.first ?? "\t"
        let byChars = parsed.values["c"] ?? parsed.values["b"]
        guard let spec = parsed.values["f"] ?? byChars else {
            ctx.writeError(ctx.isBusybox ? "cut: expected a list of bytes, characters, or fields\n" : "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n")
            return 1
        }
        var ranges: [ClosedRange<Int>] = []
        for part in spec.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            if bounds.count == 1, let n = Int(bounds[0]), n >= 1 { ranges.append(n...n) }
            else if bounds.count == 2 {
                let lo = bounds[0].isEmpty ? 1 : Int(bounds[0]) ?? 0
                let hi = bounds[1].isEmpty ? Int.max : Int(bounds[1]) ?? 0
                if lo >= 1 && hi >= lo { ranges.append(lo...hi) } else { return ctx.report("invalid field range") }
            } else {
                ctx.writeError(ctx.isBusybox ? "cut: invalid field list '\(spec)'\n" : "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n")
                return 1
            }
        }
        func selected(_ i: Int) -> Bool { ranges.contains { $0.contains(i) } }
        let (inputs, failed) = ctx.inputs(parsed.operands)
        var out = ""
        for (_, text) in inputs {
            for line in splitLines(text) {
                if byChars != nil {
                    out += String(line.enumerated().filter { selected($0.offset + 1) }.map(\.element)) + "\n"
                    continue
                }
                guard line.contains(delimiter) else {
                    if !parsed.flags.contains("s") { out += line + "\n" }
                    continue
                }
                let fields = line.split(separator: delimiter, omittingEmptySubsequences: false)
                out += fields.enumerated().filter { selected($0.offset + 1) }.map { String($0.element) }.joined(separator: String(delimiter)) + "\n"
            }
        }
        ctx.write(out)
        return failed ? 1 : 0
    }

    /// `tr [-d] [-s] SET1 [SET2]` with ranges and `[:class:]` names.
    public static func tr(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "dscC") else { return 1 }
        guard let set1Text = parsed.operands.first else { return ctx.report("missing operand") }
        func expand(_ s: String) -> [Character] {
            let decoded = Array(decodeEscapes(s, forEcho: false).0)
            var out: [Character] = []
            var i = 0
            while i < decoded.count {
                if decoded[i] == "[", i + 1 < decoded.count, decoded[i + 1] == ":",
                   let end = (i + 2..<decoded.count).first(where: { decoded[$0] == ":" && $0 + 1 < decoded.count && decoded[$0 + 1] == "]" }) {
                    let name = String(decoded[(i + 2)..<end])
                    switch name {
                    case "lower": out += Array("abcdefghijklmnopqrstuvwxyz")
                    case "upper": out += Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                    case "digit": out += Array("0123456789")
                    case "alpha": out += Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
                    case "alnum": out += Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
                    case "space": out += [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
                    case "blank": out += [" ", "\t"]
                    case "punct": out += Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
                    default: break
                    }
                    i = end + 2
                    continue
                }
                if i + 2 < decoded.count, decoded[i + 1] == "-", let lo = decoded[i].unicodeScalars.first?.value, let hi = decoded[i + 2].unicodeScalars.first?.value, lo <= hi, hi - lo < 70_000 {
                    for v in lo...hi { if let u = Unicode.Scalar(v) { out.append(Character(u)) } }
                    i += 3
                    continue
                }
                out.append(decoded[i])
                i += 1
            }
            return out
        }
        let set1 = expand(set1Text)
        let set2 = parsed.operands.count > 1 ? expand(parsed.operands[1]) : []
        let complement = parsed.flags.contains("c") || parsed.flags.contains("C")
        let member = Set(set1)
        func inSet1(_ c: Character) -> Bool { member.contains(c) != complement }
        let text = ctx.readStdin()
        var out = ""
        var last: Character? = nil
        let squeezeSet = Set(parsed.flags.contains("d") ? set2 : (set2.isEmpty ? set1 : set2))
        var mapping: [Character: Character] = [:]
        if !parsed.flags.contains("d"), !set2.isEmpty, !complement {
            for (i, c) in set1.enumerated() { mapping[c] = i < set2.count ? set2[i] : set2[set2.count - 1] }
        }
        for c in text {
            var ch = c
            if parsed.flags.contains("d") {
                if inSet1(c) { continue }
            } else if !set2.isEmpty {
                if complement { if inSet1(c), let l = set2.last { ch = l } } else if let m = mapping[c] { ch = m }
            }
            if parsed.flags.contains("s"), squeezeSet.contains(ch), last == ch { continue }
            out.append(ch)
            last = ch
        }
        ctx.write(out)
        return 0
    }
}
