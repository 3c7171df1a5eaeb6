extension Utilities {
    /// `cat [-n] [FILE...]`; devices are streamed so `cat /dev/zero` stops at the output cap.
    public static func cat(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "nuAevtsb") else { return 1 }
        let operands = parsed.operands.isEmpty ? ["-"] : parsed.operands
        var status: Int32 = 0
        var lineNumber = 0
        for op in operands {
            var text: String
            if op == "-" {
                text = ctx.readStdin()
            } else {
                let path = ctx.absolutePath(op)
                if let info = try? ctx.fileSystem.stat(path), info.kind == .device {
                    if path.hasSuffix("null") { continue }
                    // Endless devices: write until the budget is spent.
                    let chunk = String(decoding: (try? ctx.fileSystem.readFile(path, limit: 1 << 16)) ?? [], as: UTF8.self)
                    while ctx.write(chunk) { if ctx.isInterrupted { break } }
                    return 1
                }
                do {
                    text = try ctx.fileSystem.readText(path, limit: ctx.environment.limits.maxOutputBytes + 1)
                } catch let e as FileSystemError {
                    ctx.writeError(ctx.isBusybox && e == .isADirectory ? "cat: read error: Is a directory\n" : "cat: \(op): \(e.message)\n")
                    status = 1
                    continue
                } catch { continue }
            }
            if parsed.flags.contains("n") {
                var out = ""
                for line in splitLines(text) {
                    lineNumber += 1
                    out += CivilTime.pad(lineNumber, 6, " ") + "\t" + line + "\n"
                }
                if !text.hasSuffix("\n"), !text.isEmpty, out.hasSuffix("\n") { out.removeLast() }
                text = out
            }
            if !ctx.write(text) { return 1 }
        }
        return status
    }

    public static func touch(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "acm", withValue: "dtr") else { return 1 }
        guard !parsed.operands.isEmpty else {
            ctx.writeError(ctx.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...\n" : "touch: missing file operand\nTry 'touch --help' for more information.\n")
            return 1
        }
        var status: Int32 = 0
        for op in parsed.operands {
            let path = ctx.absolutePath(op)
            if parsed.flags.contains("c") && !ctx.fileSystem.exists(path) { continue }
            do { try ctx.fileSystem.touch(path) } catch let e as FileSystemError {
                ctx.writeError(ctx.isBusybox ? "touch: \(op): \(e.message)\n" : "touch: cannot touch '\(op)': \(e.message)\n")
                status = 1
            } catch {}
        }
        return status
    }

    public static func mkdir(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "pv", withValue: "m") else { return 1 }
        guard !parsed.operands.isEmpty else {
            ctx.writeError(ctx.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n" : "mkdir: missing operand\nTry 'mkdir --help' for more information.\n")
            return 1
        }
        let mode = parsed.values["m"].flatMap { UInt16($0, radix: 8) } ?? 0o755
        var status: Int32 = 0
        for op in parsed.operands {
            do {
                try ctx.fileSystem.createDirectory(ctx.absolutePath(op), withIntermediates: parsed.flags.contains("p"), mode: mode)
                if parsed.flags.contains("v") && !ctx.isBusybox { ctx.write("mkdir: created directory '\(op)'\n") }
            } catch let e as FileSystemError {
                ctx.writeError(ctx.isBusybox ? "mkdir: can't create directory '\(op)': \(e.message)\n" : "mkdir: cannot create directory '\(op)': \(e.message)\n")
                status = 1
            } catch {}
        }
        return status
    }

    public static func rm(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "rRfiv") else { return 1 }
        let recursive = parsed.flags.contains("r") || parsed.flags.contains("R")
        let force = parsed.flags.contains("f")
        if parsed.operands.isEmpty && !force {
            ctx.writeError(ctx.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: rm [-irf] FILE...\n" : "rm: missing operand\nTry 'rm --help' for more information.\n")
            return 1
        }
        var status: Int32 = 0
        for op in parsed.operands {
            let path = ctx.absolutePath(op)
            if path == "/" {
                ctx.writeError(ctx.isBusybox ? "rm: can't remove '/'\n" : "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n")
                status = 1
                continue
            }
            guard let info = try? ctx.fileSystem.lstat(path) else {
                if !force {
                    ctx.writeError(ctx.isBusybox ? "rm: can't remove '\(op)': No such file or directory\n" : "rm: cannot remove '\(op)': No such file or directory\n")
                    status = 1
                }
                continue
            }
            if info.kind == .directory && !recursive {
                ctx.writeError(ctx.isBusybox ? "rm: '\(op)' is a directory\n" : "rm: cannot remove '\(op)': Is a directory\n")
                status = 1
                continue
            }
            do {
                try ctx.fileSystem.remove(path, recursive: recursive)
                if parsed.flags.contains("v") { ctx.write(ctx.isBusybox ? "removed '\(op)'\n" : (info.kind == .directory ? "removed directory '\(op)'\n" : "removed '\(op)'\n")) }
            } catch let e as FileSystemError {
                let message = e == .permissionDenied ? "Device or resource busy" : e.message
                ctx.writeError(ctx.isBusybox ? "rm: can't remove '\(op)': \(message)\n" : "rm: cannot remove '\(op)': \(message)\n")
                status = 1
            } catch {}
        }
        return status
    }

    public static func rmdir(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "pv") else { return 1 }
        var status: Int32 = 0
        for op in parsed.operands {
            let path = ctx.absolutePath(op)
            do {
                guard ctx.fileSystem.isDirectory(path) else {
                    throw ctx.fileSystem.exists(path) ? FileSystemError.notADirectory : FileSystemError.notFound
                }
                try ctx.fileSystem.remove(path, recursive: false)
            } catch let e as FileSystemError {
                ctx.writeError(ctx.isBusybox ? "rmdir: '\(op)': \(e.message)\n" : "rmdir: failed to remove '\(op)': \(e.message)\n")
                status = 1
            } catch {}
        }
        return status
    }

    /// cp's and mv's operands: the sources and the destination, which must be a directory when there
    /// are several sources. Reports a missing operand or a file target in each tool's words.
    private static func sourcesAndTarget(_ operands: [String], tool: String, busyboxFlags: String, _ ctx: CommandContext)
        -> (sources: [String], dest: String, destPath: String)?
    {
        var sources = operands
        guard sources.count >= 2 else {
            ctx.writeError(ctx.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: \(tool) \(busyboxFlags) SOURCE DEST\n"
                : (sources.isEmpty ? "\(tool): missing file operand\n" : "\(tool): missing destination file operand after '\(sources[0])'\n")
                    + "Try '\(tool) --help' for more information.\n")
            return nil
        }
        let dest = sources.removeLast()
        let destPath = ctx.absolutePath(dest)
        if sources.count > 1 && !ctx.fileSystem.isDirectory(destPath) {
            ctx.writeError(ctx.isBusybox ? "\(tool): '\(dest)' is not a directory\n" : "\(tool): target '\(dest)' is not a directory\n")
            return nil
        }
        return (sources, dest, destPath)
    }

    public static func cp(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "rRapfvnLPd"),
            let (ops, dest, destPath) = sourcesAndTarget(parsed.operands, tool: "cp", busyboxFlags: "[-arPLHpfinlsTu]", ctx)
        else { return 1 }
        let recursive = parsed.flags.contains("r") || parsed.flags.contains("R") || parsed.flags.contains("a")
        var status: Int32 = 0
        for src in ops {
            let srcPath = ctx.absolutePath(src)
            guard ctx.fileSystem.exists(srcPath) else {
                ctx.writeError(ctx.isBusybox ? "cp: can't stat '\(src)': No such file or directory\n" : "cp: cannot stat '\(src)': No such file or directory\n")
                status = 1
                continue
            }
            if ctx.fileSystem.isDirectory(srcPath) && !recursive {
                ctx.writeError(ctx.isBusybox ? "cp: omitting directory '\(src)'\n" : "cp: -r not specified; omitting directory '\(src)'\n")
                status = 1
                continue
            }
            do {
                try ctx.fileSystem.copy(from: srcPath, to: destPath, recursive: recursive)
            } catch let e as FileSystemError {
                ctx.writeError(ctx.isBusybox ? "cp: can't create '\(dest)': \(e.message)\n" : "cp: cannot create regular file '\(dest)': \(e.message)\n")
                status = 1
            } catch {}
        }
        return status
    }

    public static func mv(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "fivnT"),
            let (ops, dest, destPath) = sourcesAndTarget(parsed.operands, tool: "mv", busyboxFlags: "[-fin]", ctx)
        else { return 1 }
        var status: Int32 = 0
        for src in ops {
            let srcPath = ctx.absolutePath(src)
            guard (try? ctx.fileSystem.lstat(srcPath)) != nil else {
                ctx.writeError(ctx.isBusybox ? "mv: can't rename '\(src)': No such file or directory\n" : "mv: cannot stat '\(src)': No such file or directory\n")
                status = 1
                continue
            }
            do {
                try ctx.fileSystem.move(from: srcPath, to: destPath)
            } catch let e as FileSystemError {
                ctx.writeError(ctx.isBusybox ? "mv: can't rename '\(src)': \(e.message)\n" : "mv: cannot move '\(src)' to '\(dest)': \(e.message)\n")
                status = 1
            } catch {}
        }
        return status
    }

    public static func ln(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "sfnv") else { return 1 }
        guard parsed.operands.count >= 1 else { return ctx.report("missing file operand") }
        let target = parsed.operands[0]
        var link = parsed.operands.count > 1 ? parsed.operands[1] : VirtualFileSystem.basename(target)
        if ctx.fileSystem.isDirectory(ctx.absolutePath(link)) && !parsed.flags.contains("n") {
            link = link + "/" + VirtualFileSystem.basename(target)
        }
        let linkPath = ctx.absolutePath(link)
        if parsed.flags.contains("f") { try? ctx.fileSystem.remove(linkPath) }
        do {
            if parsed.flags.contains("s") {
                try ctx.fileSystem.createSymlink(at: linkPath, target: target)
            } else {
                try ctx.fileSystem.copy(from: ctx.absolutePath(target), to: linkPath)
            }
        } catch let e as FileSystemError {
            ctx.writeError(ctx.isBusybox ? "ln: \(link): \(e.message)\n" : "ln: failed to create \(parsed.flags.contains("s") ? "symbolic " : "hard ")link '\(link)': \(e.message)\n")
            return 1
        } catch {}
        return 0
    }

    public static func chmod(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "Rvf") else { return 1 }
        guard parsed.operands.count >= 2 else { return ctx.report("missing operand") }
        let modeText = parsed.operands[0]
        var status: Int32 = 0
        for op in parsed.operands.dropFirst() {
            let path = ctx.absolutePath(op)
            guard let info = try? ctx.fileSystem.stat(path) else {
                ctx.writeError(ctx.isBusybox ? "chmod: \(op): No such file or directory\n" : "chmod: cannot access '\(op)': No such file or directory\n")
                status = 1
                continue
            }
            guard let mode = applyMode(modeText, to: info.mode) else {
                ctx.writeError("chmod: invalid mode: '\(modeText)'\n")
                return 1
            }
            do { try ctx.fileSystem.setMode(path, mode: mode) } catch let e as FileSystemError {
                ctx.writeError("chmod: changing permissions of '\(op)': \(e.message)\n")
                status = 1
            } catch {}
        }
        return status
    }

    /// Octal (`644`) or symbolic (`u+x`, `go-w`, `a=r`) modes.
    static func applyMode(_ text: String, to mode: UInt16) -> UInt16? {
        if let octal = UInt16(text, radix: 8) { return octal & 0o7777 }
        var result = mode
        for clause in text.split(separator: ",") {
            var who = clause.prefix { "ugoa".contains($0) }
            let rest = clause.dropFirst(who.count)
            guard let op = rest.first, "+-=".contains(op) else { return nil }
            let perms = rest.dropFirst()
            guard perms.allSatisfy({ "rwxX".contains($0) }) else { return nil }
            if who.isEmpty { who = "a" }
            var bits: UInt16 = 0
            if perms.contains("r") { bits |= 4 }
            if perms.contains("w") { bits |= 2 }
            if perms.contains("x") || perms.contains("X") { bits |= 1 }
            var mask: UInt16 = 0
            for w in who {
                switch w {
                case "u": mask |= bits << 6
                case "g": mask |= bits << 3
                case "o": mask |= bits
                default: mask |= bits << 6 | bits << 3 | bits
                }
            }
            switch op {
            case "+": result |= mask
            case "-": result &= ~mask
            default:
                var clear: UInt16 = 0
                for w in who {
                    switch w {
                    case "u": clear |= 0o700
                    case "g": clear |= 0o070
                    case "o": clear |= 0o007
                    default: clear |= 0o777
                    }
                }
                result = (result & ~clear) | mask
            }
        }
        return result
    }

    public static func chown(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "Rvfh") else { return 1 }
        guard parsed.operands.count >= 2 else { return ctx.report("missing operand") }
        let spec = parsed.operands[0].split(separator: ":", omittingEmptySubsequences: false)
        func id(_ s: Substring?, group: Bool) -> Int? {
            guard let s, !s.isEmpty else { return nil }
            if let n = Int(s) { return n }
            if s == "root" { return 0 }
            let file = group ? "/etc/group" : "/etc/passwd"
            if let text = try? ctx.fileSystem.readText(file) {
                for line in text.split(separator: "\n") {
                    let f = line.split(separator: ":", omittingEmptySubsequences: false)
                    if f.count > 2, f[0] == s { return Int(f[2]) }
                }
            }
            return nil
        }
        let uid = id(spec.first, group: false)
        let gid = spec.count > 1 ? id(spec[1], group: true) : nil
        if uid == nil && !(spec.first?.isEmpty ?? true) {
            ctx.writeError("chown: invalid user: '\(parsed.operands[0])'\n")
            return 1
        }
        var status: Int32 = 0
        for op in parsed.operands.dropFirst() {
            let path = ctx.absolutePath(op)
            guard let info = try? ctx.fileSystem.stat(path) else {
                ctx.writeError(ctx.isBusybox ? "chown: \(op): No such file or directory\n" : "chown: cannot access '\(op)': No such file or directory\n")
                status = 1
                continue
            }
            try? ctx.fileSystem.setOwner(path, uid: uid ?? info.uid, gid: gid ?? info.gid)
        }
        return status
    }

    public static func basename(_ ctx: CommandContext) -> Int32 {
        guard let first = ctx.arguments.first else { return ctx.report("missing operand") }
        var base = VirtualFileSystem.basename(first)
        if ctx.arguments.count > 1, let suffix = ctx.arguments.last, base.hasSuffix(suffix), base != suffix {
            base = String(base.dropLast(suffix.count))
        }
        ctx.write(base + "\n")
        return 0
    }

    public static func dirname(_ ctx: CommandContext) -> Int32 {
        guard !ctx.arguments.isEmpty else { return ctx.report("missing operand") }
        for a in ctx.arguments { ctx.write(VirtualFileSystem.dirname(a) + "\n") }
        return 0
    }

    public static func tee(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "ai") else { return 1 }
        let text = ctx.readStdin()
        var status: Int32 = 0
        for op in parsed.operands {
            do {
                try ctx.fileSystem.writeFile(ctx.absolutePath(op), text: text, append: parsed.flags.contains("a"))
            } catch let e as FileSystemError {
                ctx.writeError("tee: \(op): \(e.message)\n")
                status = 1
            } catch {}
        }
        return ctx.write(text) ? status : 1
    }

    /// `df [-h] [-k] [PATH]`: one line per mount.
    public static func df(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "hkTaP") else { return 1 }
        let human = parsed.flags.contains("h")
        var mounts = ctx.fileSystem.mounts
        if !parsed.operands.isEmpty {
            mounts = parsed.operands.compactMap { ctx.fileSystem.mountInfo(containing: ctx.absolutePath($0)) }
        }
        var rows: [[String]] = [[ctx.isBusybox ? "Filesystem" : "Filesystem", human ? "Size" : "1K-blocks", "Used", human ? "Avail" : "Available", "Use%", "Mounted on"]]
        for m in mounts {
            let total = m.capacityBytes ?? (64 << 30)
            let used = min(m.usedBytes, total)
            let avail = total - used
            let percent = total == 0 ? 0 : (used * 100 + total - 1) / total
            let fsName = m.mountPath == "/" ? "overlay" : (m.volumeName.isEmpty ? "tmpfs" : m.volumeName)
            // df counts in 1K blocks.
            func size(_ v: Int) -> String { human ? humanSize((v + 1023) / 1024 * 1024) : String((v + 1023) / 1024) }
            rows.append([fsName, size(total), size(used), size(avail), "\(percent)%", m.mountPath])
        }
        // GNU df's minimum field widths.
        var widths = ctx.isBusybox ? [14, human ? 9 : 9, 9, 9, 4, 0] : [14, human ? 5 : 9, 5, 5, 4, 0]
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for row in rows {
            var line = row[0] + String(repeating: " ", count: widths[0] - row[0].count)
            for i in 1..<5 { line += " " + String(repeating: " ", count: widths[i] - row[i].count) + row[i] }
            line += " " + row[5]
            out += line + "\n"
        }
        ctx.write(out)
        return 0
    }

    /// `du [-s] [-h] [-a] [PATH...]`.
    public static func du(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "shakc", withValue: "d") else { return 1 }
        let human = parsed.flags.contains("h")
        let summary = parsed.flags.contains("s")
        let fs = ctx.fileSystem
        func blocks(_ bytes: Int) -> Int { (bytes + 4095) / 4096 * 4 }
        func show(_ kb: Int, _ name: String) { ctx.write((human ? humanSize(kb * 1024) : String(kb)) + "\t" + name + "\n") }
        var status: Int32 = 0
        for op in parsed.operands.isEmpty ? ["."] : parsed.operands {
            let path = ctx.absolutePath(op)
            guard fs.exists(path) else {
                ctx.writeError(ctx.isBusybox ? "du: \(op): No such file or directory\n" : "du: cannot access '\(op)': No such file or directory\n")
                status = 1
                continue
            }
            var budget = 100_000
            func walk(_ p: String, _ shown: String) -> Int {
                budget -= 1
                guard budget > 0 else { return 0 }
                if fs.isDirectory(p), (try? fs.lstat(p))?.kind == .directory {
                    var total = 4
                    for name in (try? fs.list(p)) ?? [] {
                        let sub = walk(p == "/" ? "/" + name : p + "/" + name, shown.hasSuffix("/") ? shown + name : shown + "/" + name)
                        total += sub
                    }
                    if !summary { show(total, shown) }
                    return total
                }
                let kb = blocks((try? fs.stat(p))?.size ?? 0)
                if parsed.flags.contains("a") && !summary { show(kb, shown) }
                return kb
            }
            let total = walk(path, op)
            if summary || !fs.isDirectory(path) { show(total, op) }
        }
        return status
    }
}
