extension Utilities {
    /// `sed [-n] [-E|-r] [-i] [-e SCRIPT]... [SCRIPT] [FILE...]`: `s///` (g, p, i, N), `d`, `p`, `q`,
    /// `=`, `y///`, `a`/`i`/`c` text, line-number, `$` and `/regex/` addresses and ranges, `!`.
    public static func sed(_ ctx: CommandContext) -> Int32 {
        var scripts: [String] = []
        var quiet = false, extended = false, inPlace = false
        var operands: [String] = []
        var args = ctx.arguments[...]
        while let a = args.popFirst() {
            switch a {
            case "-n", "--quiet", "--silent": quiet = true
            case "-E", "-r", "--regexp-extended": extended = true
            case "-i", "--in-place": inPlace = true
            case "-e": if let s = args.popFirst() { scripts.append(s) }
            default:
                if a.hasPrefix("-i") { inPlace = true } else if a.hasPrefix("-") && a.count > 1 && a.dropFirst().allSatisfy({ "nErs".contains($0) }) {
                    if a.contains("n") { quiet = true }
                    if a.contains("E") || a.contains("r") { extended = true }
                } else { operands.append(a) }
            }
        }
        if scripts.isEmpty {
            guard !operands.isEmpty else {
                ctx.writeError(ctx.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\n" : "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n")
                return 1
            }
            scripts.append(operands.removeFirst())
        }
        let program: [SedCommand]
        do {
            program = try SedCommand.parse(scripts.joined(separator: "\n"), extended: extended)
        } catch SedCommand.Failure.message(let m) {
            ctx.writeError("sed: -e expression #1, char \(scripts.joined(separator: "\n").count): \(m)\n")
            return 1
        } catch { return 1 }
        if inPlace {
            var status: Int32 = 0
            for op in operands {
                guard let text = ctx.readOperandQuiet(op, verb: "sed") else { status = 1; continue }
                var sink = ""
                do {
                    try SedCommand.run(program, lines: splitLines(text).map(String.init), quiet: quiet) { sink += $0 }
                } catch {
                    ctx.writeError("kubelab: sed: \(error.message)\n")
                    return 4
                }
                do { try ctx.fileSystem.writeFile(ctx.absolutePath(op), text: sink) } catch let e as FileSystemError {
                    ctx.writeError("sed: couldn't open temporary file \(op): \(e.message)\n")
                    status = 4
                } catch {}
            }
            return status
        }
        var lines: [String] = []
        var failed = false
        if operands.isEmpty { lines = splitLines(ctx.readStdin()).map(String.init) } else {
            for op in operands {
                if let t = op == "-" ? ctx.readStdin() : ctx.readOperandQuiet(op, verb: "sed") {
                    lines.append(contentsOf: splitLines(t).map(String.init))
                } else { failed = true }
            }
        }
        var out = ""
        do {
            try SedCommand.run(program, lines: lines, quiet: quiet) { out += $0 }
        } catch {
            ctx.write(out)
            ctx.writeError("kubelab: sed: \(error.message)\n")
            return 4
        }
        ctx.write(out)
        return failed ? 2 : 0
    }
}

/// One parsed sed command with its addresses.
struct SedCommand {
    enum Failure: Error { case message(String) }
    enum Address { case line(Int), last, regex(PosixRegex) }
    enum Action {
        case substitute(PosixRegex, replacement: String, global: Bool, occurrence: Int, print: Bool)
        case delete, print, quit, lineNumber
        case append(String), insert(String), change(String)
        case transliterate([Character: Character])
        case block([SedCommand])
    }
    var start: Address?
    var end: Address?
    var negate = false
    var action: Action

    static func parse(_ script: String, extended: Bool) throws -> [SedCommand] {
        var chars = Array(script)[...]
        return try parseCommands(&chars, extended: extended, inBlock: false, depth: 0)
    }

    private static func parseCommands(_ c: inout ArraySlice<Character>, extended: Bool, inBlock: Bool, depth: Int) throws -> [SedCommand] {
        if depth > 50 { throw Failure.message("blocks nested too deeply") }
        var commands: [SedCommand] = []
        while true {
            while let f = c.first, f == " " || f == "\n" || f == ";" || f == "\t" { c = c.dropFirst() }
            guard let first = c.first else {
                if inBlock { throw Failure.message("unmatched `{'") }
                return commands
            }
            if first == "}" {
                guard inBlock else { throw Failure.message("unexpected `}'") }
                c = c.dropFirst()
                return commands
            }
            var command = SedCommand(action: .print)
            command.start = try parseAddress(&c, extended: extended)
            if command.start != nil, c.first == "," {
                c = c.dropFirst()
                command.end = try parseAddress(&c, extended: extended)
                if command.end == nil { throw Failure.message("unexpected `,'") }
            }
            while c.first == " " { c = c.dropFirst() }
            if c.first == "!" { command.negate = true; c = c.dropFirst() }
            while c.first == " " { c = c.dropFirst() }
            guard let name = c.popFirst() else { throw Failure.message("missing command") }
            switch name {
            case "s":
                guard let delim = c.popFirst() else { throw Failure.message("unterminated `s' command") }
                let pattern = try readDelimited(&c, delim)
                let replacement = try readDelimited(&c, delim)
                var global = false, print = false, ignoreCase = false, occurrence = 1
                while let f = c.first, "gpiI0123456789".contains(f) {
                    c = c.dropFirst()
                    switch f {
                    case "g": global = true
                    case "p": print = true
                    case "i", "I": ignoreCase = true
                    default: occurrence = Int(String(f)) ?? 1
                    }
                }
                let regex = try compileRegex(pattern, extended: extended, ignoreCase: ignoreCase)
                command.action = .substitute(regex, replacement: replacement, global: global, occurrence: occurrence, print: print)
            case "d": command.action = .delete
            case "p": command.action = .print
            case "q": command.action = .quit
            case "=": command.action = .lineNumber
            case "a", "i", "c":
                if c.first == "\\" { c = c.dropFirst() }
                while c.first == " " || c.first == "\n" { c = c.dropFirst() }
                var text = ""
                while let f = c.first, f != "\n" { text.append(f); c = c.dropFirst() }
                command.action = name == "a" ? .append(text) : (name == "i" ? .insert(text) : .change(text))
            case "y":
                guard let delim = c.popFirst() else { throw Failure.message("unterminated `y' command") }
                let from = Array(try readDelimited(&c, delim)), to = Array(try readDelimited(&c, delim))
                guard from.count == to.count else { throw Failure.message("strings for `y' command are different lengths") }
                command.action = .transliterate(Dictionary(zip(from, to), uniquingKeysWith: { a, _ in a }))
            case "{":
                command.action = .block(try parseCommands(&c, extended: extended, inBlock: true, depth: depth + 1))
            default:
                throw Failure.message("unknown command: `\(name)'")
            }
            commands.append(command)
        }
    }

    private static func parseAddress(_ c: inout ArraySlice<Character>, extended: Bool) throws -> Address? {
        guard let f = c.first else { return nil }
        if f.isASCIIDigit {
            var digits = ""
            while let d = c.first, d.isASCIIDigit { digits.append(d); c = c.dropFirst() }
            return .line(Int(digits) ?? 0)
        }
        if f == "$" { c = c.dropFirst(); return .last }
        if f == "/" || f == "\\" {
            c = c.dropFirst()
            var delim: Character = "/"
            if f == "\\" { guard let d = c.popFirst() else { throw Failure.message("unexpected end") }; delim = d }
            let pattern = try readDelimited(&c, delim)
            return .regex(try compileRegex(pattern, extended: extended, ignoreCase: false))
        }
        return nil
    }

    /// A pattern sed cannot compile fails the script; one that is too big says so, in glibc's
    /// words, rather than "Invalid preceding regular expression".
    private static func compileRegex(_ pattern: String, extended: Bool, ignoreCase: Bool) throws -> PosixRegex {
        do {
            return try PosixRegex.parse(pattern, flavor: extended ? .extended : .basic, ignoreCase: ignoreCase)
        } catch .tooBig {
            throw Failure.message(PosixRegex.CompileError.tooBig.message)
        } catch {
            throw Failure.message("Invalid preceding regular expression")
        }
    }

    private static func readDelimited(_ c: inout ArraySlice<Character>, _ delim: Character) throws -> String {
        var out = ""
        while let ch = c.popFirst() {
            if ch == "\\", let n = c.first {
                c = c.dropFirst()
                if n == delim { out.append(n) } else { out.append("\\"); out.append(n) }
                continue
            }
            if ch == delim { return out }
            out.append(ch)
        }
        throw Failure.message("unterminated `s' command")
    }

    private static func matches(_ a: Address, _ line: String, _ number: Int, _ isLast: Bool) throws(PosixRegex.StepLimitExceeded) -> Bool {
        switch a {
        case .line(let n): return number == n
        case .last: return isLast
        case .regex(let r): return try r.matches(line)
        }
    }

    /// Runs the program over all lines, emitting output through `emit`.
    @discardableResult
    static func run(_ program: [SedCommand], lines: [String], quiet: Bool, emit: (String) -> Void) throws(PosixRegex.StepLimitExceeded) -> Bool {
        var rangeActive = [Int: Bool]()
        var number = 0
        for (index, original) in lines.enumerated() {
            number += 1
            let isLast = index == lines.count - 1
            var state = LineState(text: original)
            try execute(program, &state, number: number, isLast: isLast, rangeActive: &rangeActive, path: [], emit: emit)
            if !state.deleted && !quiet { emit(state.text + "\n") }
            for a in state.appended { emit(a + "\n") }
            if state.quit { return true }
        }
        return true
    }

    struct LineState {
        var text: String
        var deleted = false
        var quit = false
        var appended: [String] = []
    }

    private static func execute(_ program: [SedCommand], _ state: inout LineState, number: Int, isLast: Bool,
                                rangeActive: inout [Int: Bool], path: [Int], emit: (String) -> Void) throws(PosixRegex.StepLimitExceeded) {
        for (i, cmd) in program.enumerated() {
            if state.deleted || state.quit { return }
            let key = (path + [i]).reduce(0) { $0 &* 31 &+ $1 &+ 1 }
            var selected: Bool
            if let start = cmd.start {
                if let end = cmd.end {
                    if rangeActive[key] == true {
                        selected = true
                        if case .line(let n) = end, number >= n { rangeActive[key] = false }
                        else if try matches(end, state.text, number, isLast) { rangeActive[key] = false }
                    } else if try matches(start, state.text, number, isLast) {
                        selected = true
                        if case .line(let n) = end, number >= n { rangeActive[key] = false } else { rangeActive[key] = true }
                    } else { selected = false }
                } else {
                    selected = try matches(start, state.text, number, isLast)
                }
            } else { selected = true }
            if cmd.negate { selected.toggle() }
            guard selected else { continue }
            switch cmd.action {
            case .substitute(let regex, let replacement, let global, let occurrence, let print):
                var out = ""
                var last = state.text.startIndex
                var count = 0
                var changed = false
                for m in try regex.allMatches(in: state.text) {
                    count += 1
                    if !global && count != occurrence { continue }
                    if global && count < occurrence { continue }
                    out += state.text[last..<m.range.lowerBound]
                    out += expandReplacement(replacement, m, in: state.text)
                    last = m.range.upperBound
                    changed = true
                    if !global { break }
                }
                if changed {
                    out += state.text[last...]
                    state.text = out
                    if print { emit(state.text + "\n") }
                }
            case .delete: state.deleted = true
            case .print: emit(state.text + "\n")
            case .quit: state.quit = true
            case .lineNumber: emit("\(number)\n")
            case .append(let t): state.appended.append(t)
            case .insert(let t): emit(t + "\n")
            case .change(let t): emit(t + "\n"); state.deleted = true
            case .transliterate(let map): state.text = String(state.text.map { map[$0] ?? $0 })
            case .block(let inner):
                try execute(inner, &state, number: number, isLast: isLast, rangeActive: &rangeActive, path: path + [i], emit: emit)
            }
        }
    }

    private static func expandReplacement(_ replacement: String, _ m: PosixRegex.Match, in text: String) -> String {
        var out = ""
        var chars = replacement.makeIterator()
        while let c = chars.next() {
            if c == "&" { out += text[m.range]; continue }
            if c == "\\", let n = chars.next() {
                if let d = n.wholeNumberValue, n.isASCII, d < m.groups.count { out += m.group(d, in: text) ?? "" }
                else if n == "n" { out += "\n" }
                else if n == "t" { out += "\t" }
                else { out.append(n) }
                continue
            }
            out.append(c)
        }
        return out
    }
}
