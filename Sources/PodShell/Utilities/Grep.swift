extension Utilities {
    /// `grep [-viEFcnoqwxrlhHse PATTERN] PATTERN [FILE...]`.
    public static func grep(_ ctx: CommandContext) -> Int32 {
        var patterns: [String] = []
        var flags = Set<Character>()
        var operands: [String] = []
        var after = 0, before = 0
        var maxCount = Int.max
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
                    switch c {
                    case "e": patterns.append(value)
                    case "A", "B", "C", "m":
                        guard let n = Int(value), n >= 0 else {
                            ctx.writeError(c == "m" ? "grep: invalid max count\n" : "grep: \(value): invalid context length argument\n")
                            return 2
                        }
                        if c == "A" || c == "C" { after = n }
                        if c == "B" || c == "C" { before = n }
                        if c == "m" { maxCount = n }
                    default: break
                    }
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
        var regexes: [PosixRegex] = []
        for p in patterns {
            do {
                regexes.append(try PosixRegex.parse(p, flavor: flavor, ignoreCase: flags.contains("i"), wholeWord: flags.contains("w"), wholeLine: flags.contains("x")))
            } catch {
                // GNU grep's dfa words for a pattern too large, glibc's for the rest; busybox names the pattern.
                if ctx.isBusybox {
                    ctx.writeError("grep: bad regex '\(p)': \(error.muslMessage)\n")
                } else {
                    ctx.writeError("grep: \(error == .tooBig ? "regular expression too big" : error.message)\n")
                }
                return 2
            }
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
        let context = after > 0 || before > 0
        var printedGroup = false
        do {
            for (shown, text) in files {
                var count = 0
                let lines = splitLines(text)
                var lastPrinted = -1
                var pendingAfter = 0
                /// Context lines use `-` where matches use `:`, and `--` separates groups, as GNU grep does.
                func contextLine(_ index: Int) {
                    out += (showNames ? shown + "-" : "") + (flags.contains("n") ? "\(index + 1)-" : "") + lines[index] + "\n"
                    lastPrinted = index
                }
                for (index, line) in lines.enumerated() {
                    let hit = try regexes.contains { try $0.matches(line) } != invert
                    guard hit, count < maxCount else {
                        if pendingAfter > 0 && !(flags.contains("c") || flags.contains("l") || flags.contains("L")) {
                            contextLine(index)
                            pendingAfter -= 1
                        }
                        if count >= maxCount && pendingAfter == 0 { break }
                        continue
                    }
                    count += 1
                    status = 0
                    if flags.contains("q") { return 0 }
                    if flags.contains("c") || flags.contains("l") || flags.contains("L") { continue }
                    if context {
                        let start = max(lastPrinted + 1, index - before)
                        if printedGroup && start > lastPrinted + 1 { out += "--\n" }
                        for i in start..<index { contextLine(i) }
                        lastPrinted = index
                        pendingAfter = after
                        printedGroup = true
                    }
                    let prefix = (showNames ? shown + ":" : "") + (flags.contains("n") ? "\(index + 1):" : "")
                    if flags.contains("o") && !invert {
                        for r in regexes {
                            for m in try r.allMatches(in: line) where !m.range.isEmpty {
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
        } catch let limit as PosixRegex.StepLimitExceeded {
            ctx.write(out)
            ctx.writeError("kubelab: grep: \(limit.message)\n")
            return 2
        } catch { return 2 }
        ctx.write(out)
        if hadError && !(flags.contains("q") && status == 0) { return 2 }
        return status
    }
}
