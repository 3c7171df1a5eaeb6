extension Utilities {
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
                let original = value
                if value.hasPrefix("+") { fromStart = true; value.removeFirst() }
                var multiplier = 1
                if let last = value.last, "kKmMbB".contains(last) {
                    multiplier = last == "b" ? 512 : (last == "k" || last == "K" ? 1024 : 1 << 20)
                    value.removeLast()
                }
                let digits = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
                guard let n = Int(value), case let (scaled, overflow) = n.multipliedReportingOverflow(by: multiplier), !overflow else {
                    // Digits that do not fit 64 bits: coreutils says so instead of guessing a count.
                    let tooLarge = !ctx.isBusybox && !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
                    ctx.writeError(ctx.isBusybox ? "\(ctx.name): invalid number '\(value)'\n"
                        : "\(ctx.name): invalid number of \(bytes ? "bytes" : "lines"): '\(original)'\(tooLarge ? ": Value too large for defined data type" : "")\n")
                    return nil
                }
                count = scaled
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
                // head needs only the beginning: a pipe cut at its limit matters only if too short.
                if op == "-" { data = Array(ctx.stdin.readAllForPrefix().utf8); if o.count < 0 || o.count > data.count { ctx.stdin.noteNeededMore() } } else {
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
            guard let text = op == "-" ? ctx.stdin.readAllForPrefix() : ctx.readOperandQuiet(op, verb: "head") else { status = 1; continue }
            let lines = splitLines(text)
            if op == "-" && (o.count < 0 || o.count >= lines.count) { ctx.stdin.noteNeededMore() }
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
            // For tail `-n -5` and `-n 5` are the same count (the sign only matters to head).
            let count = o.fromStart ? o.count : (o.count == Int.min ? Int.max : abs(o.count))
            if o.bytes {
                let data = Array(text.utf8)
                let slice = o.fromStart ? data.dropFirst((o.count > 0 ? o.count - 1 : 0)) : data.suffix(count)
                ctx.write(String(decoding: slice, as: UTF8.self))
                continue
            }
            let lines = splitLines(text)
            let chosen = o.fromStart ? Array(lines.dropFirst((o.count > 0 ? o.count - 1 : 0))) : Array(lines.suffix(count))
            var out = chosen.joined(separator: "\n")
            if !chosen.isEmpty && (text.hasSuffix("\n") || chosen.count < lines.count && false) { out += "\n" }
            ctx.write(out)
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
