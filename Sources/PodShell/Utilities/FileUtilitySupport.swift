/// Wording shared by the file utilities: coreutils says `cannot access 'x'`, busybox `x` or `can't`.
extension CommandContext {
    var isBusybox: Bool { dialect.isBusybox }

    /// Prints `name: message` and returns 1.
    func report(_ message: String) -> Int32 {
        writeError("\(name): \(message)\n")
        return 1
    }

    /// Splits `-abc` style flags from operands; `--` ends flags. Unknown flags are reported.
    func parseFlags(allowed: String, withValue: String = "") -> (flags: Set<Character>, values: [Character: String], operands: [String])? {
        var flags = Set<Character>()
        var values: [Character: String] = [:]
        var operands: [String] = []
        var i = 0
        let args = arguments
        var ended = false
        while i < args.count {
            let a = args[i]
            if ended || a == "-" || !a.hasPrefix("-") || a.count == 1 { operands.append(a); i += 1; continue }
            if a == "--" { ended = true; i += 1; continue }
            if a.hasPrefix("--") { operands.append(a); i += 1; continue }
            var chars = Array(a.dropFirst())
            var k = 0
            while k < chars.count {
                let c = chars[k]
                if withValue.contains(c) {
                    let rest = String(chars[(k + 1)...])
                    if !rest.isEmpty { values[c] = rest }
                    else if i + 1 < args.count { i += 1; values[c] = args[i] }
                    else {
                        writeError(isBusybox ? "\(name): option requires an argument -- \(c)\n" : "\(name): option requires an argument -- '\(c)'\n")
                        return nil
                    }
                    chars = []
                    break
                }
                guard allowed.contains(c) else {
                    writeError(isBusybox ? "\(name): invalid option -- '\(c)'\n" : "\(name): invalid option -- '\(c)'\nTry '\(name) --help' for more information.\n")
                    return nil
                }
                flags.insert(c)
                k += 1
            }
            i += 1
        }
        return (flags, values, operands)
    }

    /// Reads a file operand (`-` is stdin) as text, or prints `name: path: error`.
    func readOperand(_ operand: String) -> String? {
        if operand == "-" { return readStdin() }
        do {
            return try fileSystem.readText(absolutePath(operand), limit: environment.limits.maxOutputBytes + 1)
        } catch let e as FileSystemError {
            writeError("\(name): \(operand): \(e.message)\n")
            return nil
        } catch { return nil }
    }

    /// The inputs of a filter: each operand's text, or stdin when there are none.
    func inputs(_ operands: [String]) -> (texts: [(name: String, text: String)], failed: Bool) {
        if operands.isEmpty { return ([("-", readStdin())], false) }
        var out: [(String, String)] = []
        var failed = false
        for op in operands {
            if let t = readOperand(op) { out.append((op, t)) } else { failed = true }
        }
        return (out, failed)
    }

    /// User name for a uid, from the filesystem's `/etc/passwd` when present.
    func userName(_ uid: Int) -> String {
        if uid == environment.user.uid { return environment.user.name }
        if let passwd = try? fileSystem.readText("/etc/passwd", limit: 1 << 20) {
            for line in passwd.split(separator: "\n") {
                let f = line.split(separator: ":", omittingEmptySubsequences: false)
                if f.count > 2, Int(f[2]) == uid { return String(f[0]) }
            }
        }
        return uid == 0 ? "root" : String(uid)
    }

    func groupName(_ gid: Int) -> String {
        if gid == environment.user.gid { return environment.user.groupName }
        if let group = try? fileSystem.readText("/etc/group", limit: 1 << 20) {
            for line in group.split(separator: "\n") {
                let f = line.split(separator: ":", omittingEmptySubsequences: false)
                if f.count > 2, Int(f[2]) == gid { return String(f[0]) }
            }
        }
        return gid == 0 ? "root" : String(gid)
    }
}

/// Splits text into lines without their newlines; a final newline does not add an empty line.
func splitLines(_ text: String) -> [Substring] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if text.hasSuffix("\n") { lines.removeLast() }
    return lines
}

/// `4.0K`, `1.5M` as `ls -h`/`df -h`/`du -h` print sizes.
func humanSize(_ bytes: Int) -> String {
    if bytes < 1024 { return String(bytes) }
    let units = ["K", "M", "G", "T", "P"]
    var value = Double(bytes)
    var unit = -1
    while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
    // Sizes round up (as GNU does); a result of 1024 moves to the next unit.
    if (value < 10 ? (value * 10).rounded(.up) / 10 : value.rounded(.up)) >= 1024, unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    if value < 10 {
        let rounded = (value * 10).rounded(.up) / 10
        if rounded < 10 { return Utilities.formatFixed(rounded, digits: 1) + units[unit] }
        return "10" + units[unit]
    }
    return String(Int(value.rounded(.up))) + units[unit]
}
