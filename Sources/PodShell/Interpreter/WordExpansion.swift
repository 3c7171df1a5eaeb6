/// Word expansion in POSIX order: tilde, parameters, `$(...)`, arithmetic, then field
/// splitting on IFS and pathname expansion for unquoted results.
extension ShellInterpreter {
    struct ExpansionFailure: Error {}

    /// One field being built: its text and the same text as a glob pattern (quoted parts escaped).
    private struct Field {
        var text = ""
        var pattern = ""
        var hasGlob = false
        var started = false

        mutating func append(_ s: String, quoted: Bool) {
            text += s
            if quoted {
                pattern += GlobPattern.escape(s)
            } else {
                pattern += s
                if !hasGlob && GlobPattern.hasMeta(s) { hasGlob = true }
            }
            started = true
        }
    }

    func expandFields(_ words: [ShellWord], _ env: ShellEnvironment, _ io: IO) -> Result<[String], ExpansionFailure> {
        var out: [String] = []
        out.reserveCapacity(words.count)
        var words = words
        if env.dialect == .bash || env.dialect == .hostBash, words.contains(where: Self.mayHaveBraces) {
            var expanded: [ShellWord] = []
            for word in words {
                guard Self.mayHaveBraces(word) else { expanded.append(word); continue }
                guard let alternatives = BraceExpansion.expand(word) else {
                    io.stderr.write(BraceExpansion.limitMessage + "\n")
                    return .failure(ExpansionFailure())
                }
                expanded.append(contentsOf: alternatives)
            }
            words = expanded
        }
        for word in words {
            // Fast path: plain unquoted literal without glob characters.
            if word.parts.count == 1, case .literal(let s, let quoted) = word.parts[0], quoted || !GlobPattern.hasMeta(s) {
                out.append(s)
                continue
            }
            var fields: [Field] = []
            var current = Field()
            let ifs = env.variable("IFS") ?? " \t\n"
            func close() {
                if current.started { fields.append(current) }
                current = Field()
            }
            for part in word.parts {
                switch part {
                case .literal(let s, let quoted):
                    current.append(s, quoted: quoted)
                case .tilde(let user):
                    current.append(tildeValue(user, env), quoted: true)
                case .parameter(let p, let quoted) where quoted && (p.name == "@") && p.operation == .plain:
                    let params = env.positionalParameters
                    for (i, value) in params.enumerated() {
                        if i > 0 { close() }
                        current.append(value, quoted: true)
                    }
                case .parameter(_, let quoted), .command(_, let quoted), .arithmetic(_, let quoted):
                    guard case .success(let value) = expandPart(part, env, io) else { return .failure(ExpansionFailure()) }
                    if quoted {
                        current.append(value, quoted: true)
                        current.started = true
                    } else {
                        splitInto(value, ifs: ifs, current: &current, fields: &fields)
                    }
                }
            }
            close()
            for field in fields {
                if field.hasGlob {
                    let matches = globExpand(field.pattern, env)
                    if !matches.isEmpty { out.append(contentsOf: matches); continue }
                }
                out.append(field.text)
            }
        }
        return .success(out)
    }

    static func mayHaveBraces(_ word: ShellWord) -> Bool {
        word.parts.contains { if case .literal(let t, quoted: false) = $0 { return t.contains("{") && t.contains("}") }; return false }
    }

    private func splitInto(_ value: String, ifs: String, current: inout Field, fields: inout [Field]) {
        func close() {
            if current.started { fields.append(current) }
            current = Field()
        }
        if ifs.isEmpty { if !value.isEmpty { current.append(value, quoted: false) }; return }
        var piece = ""
        for c in value {
            guard ifs.contains(c) else { piece.append(c); continue }
            if c == " " || c == "\t" || c == "\n" {
                if !piece.isEmpty { current.append(piece, quoted: false); piece = "" }
                if current.started { close() }
            } else {
                current.append(piece, quoted: false)
                piece = ""
                close()
            }
        }
        if !piece.isEmpty { current.append(piece, quoted: false) }
    }

    /// Expands without splitting or globbing (assignments, redirection targets, `case` words).
    func expandString(_ word: ShellWord, _ env: ShellEnvironment, _ io: IO, tilde: Bool = false, hereDocument: Bool = false) -> Result<String, ExpansionFailure> {
        var s = ""
        for part in word.parts {
            switch part {
            case .literal(let text, _): s += text
            case .tilde(let user): s += tilde ? tildeValue(user, env) : "~" + user
            default:
                guard case .success(let v) = expandPart(part, env, io) else { return .failure(ExpansionFailure()) }
                s += v
            }
        }
        return .success(s)
    }

    /// Expands a pattern word: quoted parts match literally.
    func expandPattern(_ word: ShellWord, _ env: ShellEnvironment, _ io: IO) -> Result<String, ExpansionFailure> {
        var s = ""
        for part in word.parts {
            switch part {
            case .literal(let text, let quoted): s += quoted ? GlobPattern.escape(text) : text
            case .tilde(let user): s += GlobPattern.escape(tildeValue(user, env))
            case .parameter(_, let quoted), .command(_, let quoted), .arithmetic(_, let quoted):
                guard case .success(let v) = expandPart(part, env, io) else { return .failure(ExpansionFailure()) }
                s += quoted ? GlobPattern.escape(v) : v
            }
        }
        return .success(s)
    }

    private func tildeValue(_ user: String, _ env: ShellEnvironment) -> String {
        if user.isEmpty { return env.variable("HOME") ?? env.user.home }
        if user == "root" { return "/root" }
        if user == env.user.name { return env.user.home }
        return "~" + user
    }

    private func expandPart(_ part: WordPart, _ env: ShellEnvironment, _ io: IO) -> Result<String, ExpansionFailure> {
        switch part {
        case .literal(let s, _): return .success(s)
        case .tilde(let user): return .success(tildeValue(user, env))
        case .parameter(let p, _): return expandParameter(p, env, io)
        case .command(let list, _): return .success(commandSubstitution(list, env, io))
        case .arithmetic(let word, _):
            guard case .success(let text) = expandString(word, env, io) else { return .failure(ExpansionFailure()) }
            do {
                let v = try ArithmeticEvaluator.evaluate(text, lookup: { env.variable($0) ?? self.special($0, env) },
                                                         assign: { env.setVariable($0, $1) })
                return .success(String(v))
            } catch ArithmeticEvaluator.Failure.message(let m) {
                io.stderr.write("\(env.dialect.shellName): \(text.trimmingCharacters(in: " ")): \(m)\n")
                return .failure(ExpansionFailure())
            } catch {
                return .failure(ExpansionFailure())
            }
        }
    }

    func commandSubstitution(_ list: ShellList, _ env: ShellEnvironment, _ io: IO) -> String {
        if env.dialect != .dash, env.dialect != .busyboxSh, let path = Self.readsFileOnly(list) {
            return fileSubstitution(path, env, io)
        }
        let child = env.makeChild()
        child.traceLevel = env.traceLevel + 1
        let out = ShellOutput(forward: nil, budget: budget, isTerminal: false)
        depth += 1
        let savedLoop = loopDepth
        loopDepth = 0
        let flow = depth > env.limits.maxCallDepth ? .abort : execList(list, child, IO(stdin: ShellInput(""), stdout: out, stderr: io.stderr))
        loopDepth = savedLoop
        depth -= 1
        if case .exit(let code) = flow { child.lastStatus = code }
        if flow == .abort { abortChild = true }
        env.lastStatus = child.lastStatus
        substitutionStatus = child.lastStatus
        var text = out.take()
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// `${name[i]}` (`@`/`*`: every element); a scalar variable is its own element 0.
    private func element(_ name: String, open: String.Index, _ env: ShellEnvironment) -> String? {
        let base = String(name[..<open])
        let subscriptText = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        let values = env.arrays[base] ?? env.variable(base).map { [$0] } ?? []
        if subscriptText == "@" || subscriptText == "*" { return values.isEmpty ? nil : values.joined(separator: " ") }
        let index = Int(subscriptText.trimmingCharacters(in: " ")) ?? Int(env.variable(subscriptText) ?? "") ?? 0
        let position = index < 0 ? values.count + index : index
        return values.indices.contains(position) ? values[position] : nil
    }

    /// The file of `$(<file)` (bash's faster `$(cat file)`): a command of one input redirection and nothing else.
    static func readsFileOnly(_ list: ShellList) -> ShellWord? {
        guard list.commands.count == 1 else { return nil }
        var node = list.commands[0]
        while true {
            switch node {
            case .pipeline(let parts, negated: false) where parts.count == 1: node = parts[0]; continue
            case .andOr(let first, let rest) where rest.isEmpty: node = first; continue
            default: break
            }
            break
        }
        guard case .simple(let cmd) = node, cmd.words.isEmpty, cmd.assignments.isEmpty, cmd.redirections.count == 1,
              case .input = cmd.redirections[0].kind, cmd.redirections[0].fd == 0 else { return nil }
        return cmd.redirections[0].target
    }

    /// `$(<file)`: the file's text without trailing newlines; a missing file is bash's error and empty text.
    private func fileSubstitution(_ target: ShellWord, _ env: ShellEnvironment, _ io: IO) -> String {
        guard case .success(let name) = expandString(target, env, io, tilde: true) else { return "" }
        do {
            var text = try env.fileSystem.readText(env.absolutePath(name), limit: env.limits.maxOutputBytes)
            while text.hasSuffix("\n") { text.removeLast() }
            env.lastStatus = 0
            substitutionStatus = 0
            return text
        } catch let error as FileSystemError {
            io.stderr.write("\(env.dialect.shellName): \(name): \(error.message)\n")
        } catch {}
        env.lastStatus = 1
        substitutionStatus = 1
        return ""
    }

    /// `$?`, `$#`, `$1`, `$RANDOM` ... (nil when the name is an ordinary variable).
    func special(_ name: String, _ env: ShellEnvironment) -> String? {
        switch name {
        case "?": return String(env.lastStatus)
        case "#": return String(env.positionalParameters.count)
        case "@", "*": return env.positionalParameters.joined(separator: name == "*" ? String((env.variable("IFS") ?? " ").first ?? " ") : " ")
        case "$": return String(env.processID)
        case "!": return ""
        case "-": return env.isInteractive ? "himBH" : "hB"
        case "0": return env.scriptName
        // dash has no $RANDOM; bash and busybox ash do.
        case "RANDOM": return env.dialect == .dash ? env.variable(name) : String(env.random() % 32768)
        case "PWD": return env.cwd
        case "SECONDS": return String(env.now() / 1000)
        default:
            if let n = Int(name), n > 0 { return n <= env.positionalParameters.count ? env.positionalParameters[n - 1] : nil }
            return nil
        }
    }

    private func lookup(_ name: String, _ env: ShellEnvironment) -> String? {
        if name.last == "]", let open = name.firstIndex(of: "[") { return element(name, open: open, env) }
        if let array = env.arrays[name] { return array.first }
        if let s = special(name, env) {
            if name == "@" || name == "*" { return env.positionalParameters.isEmpty ? nil : s }
            return s
        }
        return env.variable(name)
    }

    private func expandParameter(_ p: ParameterExpansion, _ env: ShellEnvironment, _ io: IO) -> Result<String, ExpansionFailure> {
        let value = lookup(p.name, env)
        func word(_ w: ShellWord) -> Result<String, ExpansionFailure> { expandString(w, env, io, tilde: true) }
        switch p.operation {
        case .plain:
            return .success(value ?? "")
        case .length:
            return .success(String((value ?? "").count))
        case .defaultValue(let w, let colon):
            if value == nil || (colon && value == "") { return word(w) }
            return .success(value ?? "")
        case .assignDefault(let w, let colon):
            if value == nil || (colon && value == "") {
                guard case .success(let v) = word(w) else { return .failure(ExpansionFailure()) }
                env.setVariable(p.name, v)
                return .success(v)
            }
            return .success(value ?? "")
        case .alternative(let w, let colon):
            if value == nil || (colon && value == "") { return .success("") }
            return word(w)
        case .errorIfUnset(let w, let colon):
            if value == nil || (colon && value == "") {
                guard case .success(let m) = word(w) else { return .failure(ExpansionFailure()) }
                io.stderr.write("\(env.dialect.shellName): \(p.name): \(m.isEmpty ? "parameter null or not set" : m)\n")
                return .failure(ExpansionFailure())
            }
            return .success(value ?? "")
        case .removePrefix(let w, let longest):
            guard case .success(let pattern) = expandPattern(w, env, io) else { return .failure(ExpansionFailure()) }
            let chars = Array(value ?? "")
            let pat = Array(pattern)
            let range: [Int] = longest ? Array((0...chars.count).reversed()) : Array(0...chars.count)
            for n in range where GlobPattern.matches(pat, 0, Array(chars[0..<n]), 0) {
                return .success(String(chars[n...]))
            }
            return .success(value ?? "")
        case .removeSuffix(let w, let longest):
            guard case .success(let pattern) = expandPattern(w, env, io) else { return .failure(ExpansionFailure()) }
            let chars = Array(value ?? "")
            let pat = Array(pattern)
            let range: [Int] = longest ? Array(0...chars.count) : Array((0...chars.count).reversed())
            for start in range where GlobPattern.matches(pat, 0, Array(chars[start...]), 0) {
                return .success(String(chars[..<start]))
            }
            return .success(value ?? "")
        case .replace(let pw, let rw, let all):
            guard case .success(let pattern) = expandPattern(pw, env, io), case .success(let replacement) = word(rw) else {
                return .failure(ExpansionFailure())
            }
            let chars = Array(value ?? "")
            let pat = Array(pattern)
            if pat.isEmpty { return .success(value ?? "") }
            var out = ""
            var i = 0
            var replaced = false
            while i < chars.count {
                var matchedEnd: Int? = nil
                if !replaced || all {
                    for end in stride(from: chars.count, to: i, by: -1) where GlobPattern.matches(pat, 0, Array(chars[i..<end]), 0) {
                        matchedEnd = end
                        break
                    }
                }
                if let end = matchedEnd {
                    out += replacement
                    i = end
                    replaced = true
                } else {
                    out.append(chars[i])
                    i += 1
                }
            }
            return .success(out)
        case .substring(let ow, let lw):
            guard case .success(let offsetText) = word(ow) else { return .failure(ExpansionFailure()) }
            let chars = Array(value ?? "")
            let offsetValue = (try? ArithmeticEvaluator.evaluate(offsetText, lookup: { env.variable($0) }, assign: { _, _ in })) ?? 0
            // bash expands to nothing when a negative offset reaches before the start.
            if offsetValue < 0 && chars.count + offsetValue < 0 { return .success("") }
            var start = offsetValue < 0 ? chars.count + offsetValue : min(offsetValue, chars.count)
            var end = chars.count
            if let lw {
                guard case .success(let lengthText) = word(lw) else { return .failure(ExpansionFailure()) }
                let length = (try? ArithmeticEvaluator.evaluate(lengthText, lookup: { env.variable($0) }, assign: { _, _ in })) ?? 0
                // Compared before adding, so `${x:1:9223372036854775807}` cannot overflow.
                end = length < 0 ? max(start, chars.count + length) : (length >= chars.count - start ? chars.count : start + length)
            }
            start = min(start, end)
            return .success(String(chars[start..<end]))
        }
    }

    // MARK: Pathname expansion

    /// Matches a pattern against the virtual filesystem; sorted results, empty when nothing matches.
    func globExpand(_ pattern: String, _ env: ShellEnvironment) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var candidates: [(shown: String, path: String)] = [(absolute ? "/" : "", absolute ? "/" : env.cwd)]
        for (i, component) in components.enumerated() {
            let isLast = i == components.count - 1
            var next: [(String, String)] = []
            for (shown, path) in candidates {
                let joinShown = shown.isEmpty ? "" : (shown.hasSuffix("/") ? shown : shown + "/")
                let joinPath = path.hasSuffix("/") ? path : path + "/"
                if !GlobPattern.hasMeta(component) {
                    let literal = unescape(component)
                    let p = joinPath + literal
                    if isLast ? env.fileSystem.exists(p) : env.fileSystem.isDirectory(p) {
                        next.append((joinShown + literal, p))
                    }
                    continue
                }
                guard let names = try? env.fileSystem.list(path) else { continue }
                for name in names {
                    if name.hasPrefix(".") && !component.hasPrefix(".") { continue }
                    if GlobPattern.matches(component, name) {
                        let p = joinPath + name
                        if !isLast && !env.fileSystem.isDirectory(p) { continue }
                        next.append((joinShown + name, p))
                    }
                }
            }
            candidates = next
            if candidates.isEmpty { return [] }
        }
        return candidates.map { $0.shown + (pattern.hasSuffix("/") ? "/" : "") }.sorted()
    }

    private func unescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if c == "\\" && !escaped { escaped = true; continue }
            out.append(c)
            escaped = false
        }
        return out
    }
}
