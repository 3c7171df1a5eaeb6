extension Utilities {
    /// `ls [-1aAlhRdFtrS] [PATH...]`: columns when stdout is a terminal (as `kubectl exec -it` shows),
    /// one name per line otherwise; GNU and busybox long formats.
    public static func ls(_ ctx: CommandContext) -> Int32 {
        guard let parsed = ctx.parseFlags(allowed: "1aAlhRdFtrSCnogpi") else { return 2 }
        var options = ListOptions(flags: parsed.flags, terminal: ctx.stdoutIsTerminal, busybox: ctx.isBusybox)
        options.width = Int(ctx.environment.variable("COLUMNS") ?? "") ?? 80
        let fs = ctx.fileSystem
        let operands = parsed.operands.isEmpty ? ["."] : parsed.operands
        var files: [(shown: String, info: FileInfo)] = []
        var dirs: [(shown: String, path: String)] = []
        var status: Int32 = 0
        for op in operands {
            let path = ctx.absolutePath(op)
            guard let linfo = try? fs.lstat(path) else {
                ctx.writeError(ctx.isBusybox ? "ls: \(op): No such file or directory\n" : "ls: cannot access '\(op)': No such file or directory\n")
                status = 2
                continue
            }
            let info = (try? fs.stat(path)) ?? linfo
            // `ls -l LINK` describes the link; `ls -l LINK/` (a trailing slash) lists the directory it points to.
            let listsLinkedDirectory = linfo.kind != .symlink || !options.long || op.hasSuffix("/")
            if info.kind == .directory && !options.directoryItself && listsLinkedDirectory {
                dirs.append((op, path))
            } else {
                files.append((op, options.long ? linfo : info))
            }
        }
        var out = ""
        var printedSomething = false
        if !files.isEmpty {
            out += render(options.sorted(files), options, ctx, total: false)
            printedSomething = true
        }
        let showHeaders = dirs.count + files.count > 1 || options.recursive
        var queue = dirs.map { ($0.shown, $0.path) }
        var visited = 0
        while !queue.isEmpty {
            let (shown, path) = queue.removeFirst()
            visited += 1
            if visited > 10_000 { break }
            var names = ((try? fs.list(path)) ?? []).filter { options.all || options.almostAll || !$0.hasPrefix(".") }
            var entries: [(shown: String, info: FileInfo)] = []
            if options.all {
                names = [".", ".."] + names
            }
            for name in names {
                let child = name == "." ? path : (name == ".." ? VirtualFileSystem.normalize("..", cwd: path) : (path == "/" ? "/" + name : path + "/" + name))
                if let info = try? fs.lstat(child) { entries.append((name, info)) }
            }
            entries = options.sorted(entries)
            if showHeaders {
                if printedSomething { out += "\n" }
                out += shown + ":\n"
            }
            out += render(entries, options, ctx, total: true)
            printedSomething = true
            if options.recursive {
                let subdirs = entries.filter { $0.info.kind == .directory && $0.shown != "." && $0.shown != ".." }
                let base = shown.hasSuffix("/") ? shown : shown + "/"
                queue.insert(contentsOf: subdirs.map { (base + $0.shown, path == "/" ? "/" + $0.shown : path + "/" + $0.shown) }, at: 0)
            }
            if !ctx.write(out) { return 1 }
            out = ""
        }
        ctx.write(out)
        return status
    }

    struct ListOptions {
        var long = false, all = false, almostAll = false, human = false, recursive = false
        var directoryItself = false, classify = false, byTime = false, reverse = false, bySize = false
        var onePerLine = false, numeric = false, noGroup = false, noOwner = false
        var busybox = false
        var width = 80

        init(flags: Set<Character>, terminal: Bool, busybox: Bool) {
            long = flags.contains("l") || flags.contains("n") || flags.contains("o") || flags.contains("g")
            all = flags.contains("a")
            almostAll = flags.contains("A")
            human = flags.contains("h")
            recursive = flags.contains("R")
            directoryItself = flags.contains("d")
            classify = flags.contains("F") || flags.contains("p")
            byTime = flags.contains("t")
            reverse = flags.contains("r")
            bySize = flags.contains("S")
            numeric = flags.contains("n")
            noGroup = flags.contains("o")
            noOwner = flags.contains("g")
            onePerLine = flags.contains("1") || (!terminal && !flags.contains("C"))
            self.busybox = busybox
        }

        func sorted(_ entries: [(shown: String, info: FileInfo)]) -> [(shown: String, info: FileInfo)] {
            var result = entries.sorted { a, b in
                if bySize && a.info.size != b.info.size { return a.info.size > b.info.size }
                if byTime && a.info.mtime != b.info.mtime { return a.info.mtime > b.info.mtime }
                return Array(a.shown.utf8).lexicographicallyPrecedes(Array(b.shown.utf8))
            }
            if reverse { result.reverse() }
            return result
        }
    }

    private static func decorated(_ name: String, _ info: FileInfo, _ options: ListOptions) -> String {
        guard options.classify else { return name }
        switch info.kind {
        case .directory: return name + "/"
        case .symlink: return name + "@"
        default: return info.mode & 0o111 != 0 ? name + "*" : name
        }
    }

    private static func render(_ entries: [(shown: String, info: FileInfo)], _ options: ListOptions, _ ctx: CommandContext, total: Bool) -> String {
        if options.long { return renderLong(entries, options, ctx, total: total) }
        let names = entries.map { decorated($0.shown, $0.info, options) }
        if names.isEmpty { return "" }
        if options.onePerLine { return names.map { $0 + "\n" }.joined() }
        return columns(names, width: options.width, busybox: options.busybox)
    }

    /// Lays names out in vertical columns like `ls -C` on an `width`-column terminal.
    static func columns(_ names: [String], width: Int, busybox: Bool) -> String {
        let lengths = names.map { displayWidth($0) }
        let n = names.count
        var chosenCols = 1
        var chosenWidths = [lengths.max() ?? 0]
        if busybox {
            let colWidth = (lengths.max() ?? 0) + 2
            var cols = max(1, width / colWidth)
            let rows = (n + cols - 1) / cols
            cols = (n + rows - 1) / rows
            chosenCols = cols
            chosenWidths = [Int](repeating: colWidth, count: cols)
        } else {
            let maxCols = max(1, min(n, width / 3))
            for cols in stride(from: maxCols, through: 1, by: -1) {
                let rows = (n + cols - 1) / cols
                let used = (n + rows - 1) / rows
                if used != cols { continue }
                var widths = [Int](repeating: 0, count: cols)
                for i in 0..<n { widths[i / rows] = max(widths[i / rows], lengths[i]) }
                let lineLength = widths.reduce(0, +) + 2 * (cols - 1)
                if lineLength < width {
                    chosenCols = cols
                    chosenWidths = widths.map { $0 + 2 }
                    break
                }
            }
        }
        let rows = (n + chosenCols - 1) / chosenCols
        var out = ""
        for r in 0..<rows {
            var line = ""
            for c in 0..<chosenCols {
                let i = c * rows + r
                guard i < n else { break }
                line += names[i]
                let isLastInRow = (c + 1) * rows + r >= n
                if !isLastInRow { line += String(repeating: " ", count: max(1, chosenWidths[c] - lengths[i])) }
            }
            out += line + "\n"
        }
        return out
    }

    /// Terminal cells: wide (CJK) characters take two.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return w + (wide ? 2 : 1)
        }
    }

    static func lsDate(_ mtime: Int64, now: Int64) -> String {
        let t = CivilTime(millis: mtime)
        let month = CivilTime.months[t.month - 1]
        let day = CivilTime.pad(t.day, 2, " ")
        let sixMonths: Int64 = 15_778_476_000
        if mtime > now - sixMonths && mtime <= now + 60_000 {
            return "\(month) \(day) \(CivilTime.pad(t.hour)):\(CivilTime.pad(t.minute))"
        }
        return "\(month) \(day)  \(t.year)"
    }

    private static func renderLong(_ entries: [(shown: String, info: FileInfo)], _ options: ListOptions, _ ctx: CommandContext, total: Bool) -> String {
        let fs = ctx.fileSystem
        let now = ctx.environment.now()
        struct Row { var mode: String; var links: String; var owner: String; var group: String; var size: String; var date: String; var name: String }
        var rows: [Row] = []
        var blocks = 0
        for (shown, info) in entries {
            var links = 1
            if info.kind == .directory {
                let dirPath = info.path
                let subdirs = ((try? fs.list(dirPath)) ?? []).filter { fs.isDirectory(dirPath == "/" ? "/" + $0 : dirPath + "/" + $0) }.count
                links = 2 + subdirs
            }
            switch info.kind {
            case .directory: blocks += 4
            case .file: blocks += (info.size + 4095) / 4096 * 4
            default: break
            }
            var name = decorated(shown, info, options)
            if info.kind == .symlink, let target = info.linkTarget { name = shown + " -> " + target }
            let size = info.kind == .device ? "1, 3" : (options.human ? humanSize(info.size) : String(info.size))
            rows.append(Row(mode: info.modeString, links: String(links),
                            owner: options.numeric ? String(info.uid) : ctx.userName(info.uid),
                            group: options.numeric ? String(info.gid) : ctx.groupName(info.gid),
                            size: size, date: lsDate(info.mtime, now: now), name: name))
        }
        var out = ""
        if total { out += "total \(options.human ? humanSize(blocks * 1024) : String(blocks))\n" }
        func left(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func right(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        if options.busybox {
            for r in rows {
                var line = r.mode + " " + right(r.links, 4)
                if !options.noOwner { line += " " + left(String(r.owner.prefix(8)), 8) }
                if !options.noGroup { line += " " + left(String(r.group.prefix(8)), 8) }
                line += " " + right(r.size, 9) + " " + r.date + " " + r.name
                out += line + "\n"
            }
            return out
        }
        let lw = rows.map(\.links.count).max() ?? 0
        let ow = rows.map(\.owner.count).max() ?? 0
        let gw = rows.map(\.group.count).max() ?? 0
        let sw = rows.map(\.size.count).max() ?? 0
        for r in rows {
            var line = r.mode + " " + right(r.links, lw)
            if !options.noOwner { line += " " + left(r.owner, ow) }
            if !options.noGroup { line += " " + left(r.group, gw) }
            line += " " + right(r.size, sw) + " " + r.date + " " + r.name
            out += line + "\n"
        }
        return out
    }

    /// `find [PATH...] [-name PAT] [-type f|d] [-maxdepth N] [-mindepth N]` (prints paths).
    public static func find(_ ctx: CommandContext) -> Int32 {
        var roots: [String] = []
        var args = ctx.arguments[...]
        while let a = args.first, !a.hasPrefix("-") { roots.append(a); args = args.dropFirst() }
        if roots.isEmpty { roots = ["."] }
        var namePattern: String? = nil
        var typeFilter: Character? = nil
        var maxDepth = Int.max, minDepth = 0
        while let a = args.popFirst() {
            switch a {
            case "-name", "-iname": namePattern = args.popFirst()
            case "-type": typeFilter = args.popFirst()?.first
            case "-maxdepth": maxDepth = Int(args.popFirst() ?? "") ?? Int.max
            case "-mindepth": minDepth = Int(args.popFirst() ?? "") ?? 0
            case "-print": break
            default:
                ctx.writeError(ctx.isBusybox ? "find: unrecognized: \(a)\n" : "find: unknown predicate `\(a)'\n")
                return 1
            }
        }
        let fs = ctx.fileSystem
        var status: Int32 = 0
        var out = ""
        var visited = 0
        func walk(_ path: String, _ shown: String, _ depth: Int) {
            visited += 1
            guard visited < 100_000, let info = try? fs.lstat(path) else { return }
            var matches = depth >= minDepth
            if let p = namePattern, !GlobPattern.matches(p, VirtualFileSystem.basename(shown)) { matches = false }
            if let t = typeFilter {
                let kind: Character = info.kind == .directory ? "d" : (info.kind == .symlink ? "l" : (info.kind == .device ? "c" : "f"))
                if kind != t { matches = false }
            }
            if matches { out += shown + "\n" }
            if info.kind == .directory && depth < maxDepth {
                for name in (try? fs.list(path)) ?? [] {
                    walk(path == "/" ? "/" + name : path + "/" + name, shown.hasSuffix("/") ? shown + name : shown + "/" + name, depth + 1)
                }
            }
        }
        for root in roots {
            let path = ctx.absolutePath(root)
            guard fs.exists(path) else {
                ctx.writeError(ctx.isBusybox ? "find: \(root): No such file or directory\n" : "find: '\(root)': No such file or directory\n")
                status = 1
                continue
            }
            walk(path, root, 0)
        }
        ctx.write(out)
        return status
    }
}
