extension Utilities {
    /// `grep [-viEFcnoqwxrlhHse PATTERN] PATTERN [FILE...]`.
    public static func grep(_ ctx: CommandContext) -> Int32 {
        var patterns: [String] = []
        var flags = Set<Character>()
        var operands: [String] = []
        var args = ctx.arguments[...]
        var ended = false
        while let a = args.popFirst() {
            if ended || !a.hasPrefix("-") || a == "-" { operands.append(a); continue }
            if a == "--" { ended = true; continue }
            if a.hasPrefix("--") {
                switch a {
                case "--color", "--colour", "--color=auto", "--color=never", "--colour=auto", "--color=always": continue
                case "--ignore-case": flags.insert("i")
                case "--invert-match": flags.insert("v")
                case "--count": flags.insert("c")
                case "--quiet", "--silent": flags.insert("q")
                case "--recursive": flags.insert("r")
                case "--extended-regexp": flags.insert("E")
                case "--fixed-strings": flags.insert("F")
                case "--line-number": flags.insert("n")
                case "--only-matching": flags.insert("o")
                case "--word-regexp": flags.insert("w")
                default:
                    ctx.writeError("grep: unrecognized option '\(a)'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
                    return 2
                }
                continue
            }
            var chars = Array(a.dropFirst())[...]
            while let c = chars.popFirst() {
                if c == "e" || c == "f" || c == "m" || c == "A" || c == "B" || c == "C" {
                    let value = chars.isEmpty ? (args.popFirst() ?? "") : String(chars)
                    chars = []
                    if c == "e" { patterns.append(value) }
                    continue
                }
                guard "viEFcnoqwxrRlLhHsIaGz".contains(c) else {
                    ctx.writeError(ctx.isBusybox ? "grep: invalid option -- '\(c)'\n" : "grep: invalid option -- '\(c)'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
                    return 2
                }
                flags.insert(c)
            }
        }
        if patterns.isEmpty {
            guard !operands.isEmpty else {
                ctx.writeError(ctx.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n" : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
                return 2
            }
            patterns = operands.removeFirst().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let flavor: PosixRegex.Flavor = flags.contains("F") ? .fixed : (flags.contains("E") ? .extended : .basic)
        var regexes: [Regex<AnyRegexOutput>] = []
        for p in patterns {
            guard let r = PosixRegex.compile(p, flavor: flavor, ignoreCase: flags.contains("i"), wholeWord: flags.contains("w"), wholeLine: flags.contains("x")) else {
                ctx.writeError("grep: Unmatched ( or \\(\n")
                return 2
            }
            regexes.append(r)
        }
        let recursive = flags.contains("r") || flags.contains("R")
        var files: [(shown: String, text: String)] = []
        var status: Int32 = 1
        var hadError = false
        if operands.isEmpty && recursive { operands = ["."] }
        if operands.isEmpty {
            files = [(ctx.isBusybox ? "(standard input)" : "(standard input)", ctx.readStdin())]
        } else {
            for op in operands {
                let path = ctx.absolutePath(op)
                if op != "-" && ctx.fileSystem.isDirectory(path) {
                    if recursive {
                        var stack = [(path, op)]
                        var count = 0
                        while let (p, shown) = stack.popLast(), count < 10_000 {
                            count += 1
                            for name in ((try? ctx.fileSystem.list(p)) ?? []).reversed() {
                                let child = p == "/" ? "/" + name : p + "/" + name
                                let childShown = shown.hasSuffix("/") ? shown + name : shown + "/" + name
                                if ctx.fileSystem.isDirectory(child) { stack.append((child, childShown)) }
                                else if ctx.fileSystem.isFile(child), let t = try? ctx.fileSystem.readText(child, limit: 1 << 20) { files.append((childShown, t)) }
                            }
                        }
                    } else if !flags.contains("s") {
                        ctx.writeError("grep: \(op): Is a directory\n")
                        hadError = true
                    }
                    continue
                }
                if op == "-" { files.append(("(standard input)", ctx.readStdin())); continue }
                do {
                    files.append((op, try ctx.fileSystem.readText(path, limit: ctx.environment.limits.maxOutputBytes + 1)))
                } catch let e as FileSystemError {
                    if !flags.contains("s") { ctx.writeError("grep: \(op): \(e.message)\n") }
                    hadError = true
                } catch {}
            }
        }
        let showNames = !flags.contains("h") && (flags.contains("H") || files.count > 1 || recursive)
        let invert = flags.contains("v")
        var out = ""
        for (shown, text) in files {
            var count = 0
            var lineNumber = 0
            for line in splitLines(text) {
                lineNumber += 1
                let hit = regexes.contains { line.contains($0) }
                guard hit != invert else { continue }
                count += 1
                status = 0
                if flags.contains("q") { return 0 }
                if flags.contains("c") || flags.contains("l") || flags.contains("L") { continue }
                let prefix = (showNames ? shown + ":" : "") + (flags.contains("n") ? "\(lineNumber):" : "")
                if flags.contains("o") && !invert {
                    for r in regexes {
                        for m in line.matches(of: r) where !line[m.range].isEmpty {
                            out += prefix + line[m.range] + "\n"
                        }
                    }
                } else {
                    out += prefix + line + "\n"
                }
                if out.utf8.count > 1 << 16 { if !ctx.write(out) { return 2 }; out = "" }
            }
            if flags.contains("c") { out += (showNames ? shown + ":" : "") + "\(count)\n" }
            if flags.contains("l") && count > 0 { out += shown + "\n" }
            if flags.contains("L") && count == 0 { out += shown + "\n" }
        }
        ctx.write(out)
        if hadError && !(flags.contains("q") && status == 0) { return 2 }
        return status
    }

    /// Parses `-n N`, `-N`, `-c N`, `-n +N` for head and tail.
    private static func headTailOptions(_ ctx: CommandContext) -> (count: Int, bytes: Bool, fromStart: Bool, quiet: Bool, operands: [String])? {
        var count = 10
        var bytes = false
        var fromStart = false
        var quiet = false
        var operands: [String] = []
        var args = ctx.arguments[...]
        while let a = args.popFirst() {
            if a == "-n" || a == "-c" || a.hasPrefix("--lines=") || a.hasPrefix("--bytes=") || (a.hasPrefix("-n") && a.count > 2) || (a.hasPrefix("-c") && a.count > 2) {
                bytes = a.hasPrefix("-c") || a.hasPrefix("--bytes")
                var value: String
                if a.hasPrefix("--") { value = String(a.split(separator: "=", maxSplits: 1).last ?? "") }
                else if a.count > 2 { value = String(a.dropFirst(2)) }
                else { value = args.popFirst() ?? "" }
                if value.hasPrefix("+") { fromStart = true; value.removeFirst() }
                var multiplier = 1
                if let last = value.last, "kKmMbB".contains(last) {
                    multiplier = last == "b" ? 512 : (last == "k" || last == "K" ? 1024 : 1 << 20)
                    value.removeLast()
                }
                guard let n = Int(value) else {
                    ctx.writeError(ctx.isBusybox ? "\(ctx.name): invalid number '\(value)'\n" : "\(ctx.name): invalid number of \(bytes ? "bytes" : "lines"): '\(value)'\n")
                    return nil
                }
                count = n * multiplier
            } else if a == "-q" {
                quiet = true
            } else if a == "-f" || a == "-F" || a == "-v" {
                continue
            } else if a.count > 1, a.hasPrefix("-"), let n = Int(a.dropFirst()) {
                count = n
            } else {
                operands.append(a)
            }
        }
        return (count, bytes, fromStart, quiet, operands)
    }

    public static func head(_ ctx: CommandContext) -> Int32 {
        guard let o = headTailOptions(ctx) else { return 1 }
        var status: Int32 = 0
        let operands = o.operands.isEmpty ? ["-"] : o.operands
        for (index, op) in operands.enumerated() {
            if operands.count > 1 && !o.quiet { ctx.write((index > 0 ? "\n" : "") + "==> \(op == "-" ? "standard input" : op) <==\n") }
            if o.bytes {
                var data: [UInt8]
                if op == "-" { data = Array(ctx.readStdin().utf8) } else {
                    let path = ctx.absolutePath(op)
                    if (try? ctx.fileSystem.stat(path))?.kind == .device {
                        // Endless device: stream until `count` or the output budget.
                        var remaining = o.count
                        let chunk = (try? ctx.fileSystem.readFile(path, limit: 1 << 16)) ?? []
                        while remaining > 0 {
                            let piece = chunk.prefix(remaining)
                            if piece.isEmpty { break }
                            if !ctx.write(String(decoding: piece, as: UTF8.self)) { return 1 }
                            remaining -= piece.count
                        }
                        continue
                    }
                    do { data = try ctx.fileSystem.readFile(path, limit: max(0, o.count)) } catch let e as FileSystemError {
                        ctx.writeError(ctx.isBusybox ? "head: \(op): \(e.message)\n" : "head: cannot open '\(op)' for reading: \(e.message)\n")
                        status = 1
                        continue
                    } catch { continue }
                }
                let n = o.count >= 0 ? min(o.count, data.count) : max(0, data.count + o.count)
                if !ctx.write(String(decoding: data.prefix(n), as: UTF8.self)) { return 1 }
                continue
            }
            guard let text = op == "-" ? ctx.readStdin() : ctx.readOperandQuiet(op, verb: "head") else { status = 1; continue }
            let lines = splitLines(text)
            let n = o.count >= 0 ? min(o.count, lines.count) : max(0, lines.count + o.count)
            var out = lines.prefix(n).joined(separator: "\n")
            if n > 0 && (n < lines.count || text.hasSuffix("\n")) { out += "\n" }
            ctx.write(out)
        }
        return status
    }

    public static func tail(_ ctx: CommandContext) -> Int32 {
        guard let o = headTailOptions(ctx) else { return 1 }
        var status: Int32 = 0
        let operands = o.operands.isEmpty ? ["-"] : o.operands
        for (index, op) in operands.enumerated() {
            if operands.count > 1 && !o.quiet { ctx.write((index > 0 ? "\n" : "") + "==> \(op == "-" ? "standard input" : op) <==\n") }
            guard let text = op == "-" ? ctx.readStdin() : ctx.readOperandQuiet(op, verb: "tail") else { status = 1; continue }
            if o.bytes {
                let data = Array(text.utf8)
                let slice = o.fromStart ? data.dropFirst(max(0, o.count - 1)) : data.suffix(max(0, o.count))
                ctx.write(String(decoding: slice, as: UTF8.self))
                continue
            }
            let lines = splitLines(text)
            let chosen = o.fromStart ? Array(lines.dropFirst(max(0, o.count - 1))) : Array(lines.suffix(max(0, o.count)))
            var out = chosen.joined(separator: "\n")
            if !chosen.isEmpty && (text.hasSuffix("\n") || chosen.count < lines.count && false) { out += "\n" }
            ctx.write(out)
        }
        return status
    }

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

    public static func seq(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments
        var separator = "\n"
        var equalWidth = false
        while let a = args.first, a.hasPrefix("-"), Double(a) == nil {
            args.removeFirst()
            if a == "-s", !args.isEmpty { separator = args.removeFirst() }
            else if a.hasPrefix("-s") { separator = String(a.dropFirst(2)) }
            else if a == "-w" { equalWidth = true }
        }
        let numbers = args.compactMap { Double($0) }
        guard numbers.count == args.count, (1...3).contains(numbers.count) else {
            if let bad = args.first(where: { Double($0) == nil }) {
                ctx.writeError(ctx.isBusybox ? "seq: invalid number '\(bad)'\n" : "seq: invalid floating point argument: '\(bad)'\nTry 'seq --help' for more information.\n")
            } else {
                ctx.writeError(ctx.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n" : "seq: missing operand\nTry 'seq --help' for more information.\n")
            }
            return 1
        }
        let first = numbers.count > 1 ? numbers[0] : 1
        let step = numbers.count == 3 ? numbers[1] : 1
        let last = numbers[numbers.count - 1]
        guard step != 0 else { return ctx.report("invalid Zero increment value: '0'") }
        let integral = [first, step, last].allSatisfy { $0 == $0.rounded() } && args.allSatisfy { !$0.contains(".") }
        let decimals = args.map { $0.split(separator: ".").count > 1 ? $0.split(separator: ".")[1].count : 0 }.max() ?? 0
        var out = ""
        var v = first
        var count = 0
        let width = integral ? max(String(Int(first)).count, String(Int(last)).count) : 0
        while step > 0 ? v <= last + 1e-9 : v >= last - 1e-9 {
            var text = integral ? String(Int(v)) : formatFixed(v, digits: decimals)
            if equalWidth && text.count < width { text = String(repeating: "0", count: width - text.count) + text }
            out += (count > 0 ? separator : "") + text
            count += 1
            if out.utf8.count > 1 << 16 { if !ctx.write(out) { return 1 }; out = "" }
            v = first + Double(count) * step
        }
        if count > 0 { out += "\n" }
        return ctx.write(out) ? 0 : 1
    }

    /// `yes [STRING]`: bounded by the command line's output budget.
    public static func yes(_ ctx: CommandContext) -> Int32 {
        let line = (ctx.arguments.isEmpty ? "y" : ctx.arguments.joined(separator: " ")) + "\n"
        let chunk = String(repeating: line, count: max(1, 8192 / line.utf8.count))
        while ctx.write(chunk) {
            if ctx.isInterrupted { return 130 }
        }
        return 1
    }

    public static func rev(_ ctx: CommandContext) -> Int32 {
        let (inputs, failed) = ctx.inputs(ctx.arguments)
        var out = ""
        for (_, text) in inputs { for line in splitLines(text) { out += String(line.reversed()) + "\n" } }
        ctx.write(out)
        return failed ? 1 : 0
    }

    /// `xargs [-n N] [-I R] [CMD [ARGS]]`: runs the command (default `echo`) over stdin's words.
    public static func xargs(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments[...]
        var perCall = Int.max
        var replace: String? = nil
        while let a = args.first, a.hasPrefix("-") {
            args = args.dropFirst()
            if a == "-n", let v = args.popFirst() { perCall = max(1, Int(v) ?? 1) }
            else if a.hasPrefix("-n"), let v = Int(a.dropFirst(2)) { perCall = max(1, v) }
            else if a == "-I", let v = args.popFirst() { replace = v }
            else if a == "-0" || a == "-r" || a == "-t" { continue }
        }
        let command = args.isEmpty ? ["echo"] : Array(args)
        let input = ctx.readStdin()
        var status: Int32 = 0
        if let r = replace {
            for line in splitLines(input) where !line.isEmpty {
                let argv = command.map { $0.replacingAll(r, with: String(line)) }
                if ctx.runCommand(argv, stdin: ShellInput("")) != 0 { status = 123 }
                if ctx.isInterrupted { return 130 }
            }
            return status
        }
        let words = input.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        if words.isEmpty { return ctx.runCommand(command, stdin: ShellInput("")) == 0 ? 0 : 123 }
        var index = 0
        var calls = 0
        while index < words.count {
            let batch = Array(words[index..<min(words.count, index + perCall)])
            index += batch.count
            calls += 1
            if calls > 10_000 { break }
            if ctx.runCommand(command + batch, stdin: ShellInput("")) != 0 { status = 123 }
            if ctx.isInterrupted { return 130 }
        }
        return status
    }
}

extension CommandContext {
    /// Reads a file operand, printing coreutils' `cannot open` wording on failure.
    func readOperandQuiet(_ operand: String, verb: String) -> String? {
        do {
            return try fileSystem.readText(absolutePath(operand), limit: environment.limits.maxOutputBytes + 1)
        } catch let e as FileSystemError {
            writeError(isBusybox ? "\(verb): \(operand): \(e.message)\n" : "\(verb): cannot open '\(operand)' for reading: \(e.message)\n")
            return nil
        } catch { return nil }
    }
}
