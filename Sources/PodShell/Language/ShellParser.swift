/// Turns shell source into a `ShellList`. Works on characters directly because shell tokens
/// depend on context (reserved words only in command position, `)` inside `case`).
public struct ShellParser {
    private var chars: [Character]
    private var pos = 0
    private var line = 1
    /// Accept a here-document that runs to end of input (scripts); a session instead asks for more lines.
    private let lenientHereDocuments: Bool
    /// Which shell's syntax: bash and busybox ash take `function NAME` and `$'...'`, dash takes neither.
    private var dialect: ShellDialect = .bash

    private enum Token: Equatable {
        case word(ShellWord, raw: String)
        case op(String)
        case ioNumber(Int)
        case newline
        case eof

        var display: String {
            switch self {
            case .word(_, let raw): return raw
            case .op(let o): return o
            case .ioNumber(let n): return String(n)
            case .newline: return "newline"
            case .eof: return "end of file"
            }
        }
    }

    private var lookahead: (token: Token, start: Int, end: Int, line: Int)?
    /// Nesting of lists, substitutions and braces; bounded so hostile input cannot exhaust the stack.
    private var nesting = 0
    private static let maxNesting = 100

    public init(_ source: String, lenientHereDocuments: Bool = false, dialect: ShellDialect = .bash) {
        chars = Array(source)
        self.lenientHereDocuments = lenientHereDocuments
        self.dialect = dialect
    }

    /// Parses a whole program.
    public static func parse(_ source: String, lenientHereDocuments: Bool = false, dialect: ShellDialect = .bash) throws -> ShellList {
        try ParsedScriptCache.shared.tree(for: source, lenientHereDocuments: lenientHereDocuments, dialect: dialect) {
            try parseUncached(source, lenientHereDocuments: lenientHereDocuments, dialect: dialect)
        }
    }

    private static func parseUncached(_ source: String, lenientHereDocuments: Bool, dialect: ShellDialect) throws -> ShellList {
        var parser = ShellParser(source, lenientHereDocuments: lenientHereDocuments, dialect: dialect)
        let list = try parser.parseList(terminators: [])
        let next = try parser.peek()
        if next != .eof { throw ShellSyntaxError.unexpected(token: next.display, line: parser.line) }
        return list
    }

    // MARK: Grammar

    private static let reserved: Set<String> = ["if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "{", "}", "!"]
    private static let closers: Set<String> = ["then", "else", "elif", "fi", "do", "done", "esac", "}"]

    private mutating func parseList(terminators: Set<String>, required: Bool = false, expecting: String? = nil) throws -> ShellList {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting { throw ShellSyntaxError.unexpected(token: "(", line: line) }
        var commands: [ShellCommandNode] = []
        while true {
            try skipNewlines()
            let t = try peek()
            if t == .eof {
                if !terminators.isEmpty { throw ShellSyntaxError.incomplete(expecting: expecting) }
                break
            }
            if isTerminator(t, terminators) { break }
            commands.append(try parseAndOr(expecting: expecting))
            let sep = try peek()
            if sep == .op(";") || sep == .op("&") || sep == .newline {
                consume()
                continue
            }
            if sep == .eof, !terminators.isEmpty { throw ShellSyntaxError.incomplete(expecting: expecting) }
            break
        }
        if required && commands.isEmpty {
            let t = try peek()
            if t == .eof { throw ShellSyntaxError.incomplete(expecting: expecting) }
            throw ShellSyntaxError.unexpected(token: t.display, line: line)
        }
        return ShellList(commands: commands)
    }

    private func isTerminator(_ t: Token, _ terminators: Set<String>) -> Bool {
        switch t {
        case .word(let w, _): if let p = w.plainText { return terminators.contains(p) }; return false
        case .op(let o): return terminators.contains(o)
        default: return false
        }
    }

    private mutating func parseAndOr(expecting: String?) throws -> ShellCommandNode {
        let first = try parsePipeline(expecting: expecting)
        var rest: [(isAnd: Bool, command: ShellCommandNode)] = []
        while true {
            let t = try peek()
            guard t == .op("&&") || t == .op("||") else { break }
            consume()
            try skipNewlines()
            if try peek() == .eof { throw ShellSyntaxError.incomplete(expecting: expecting) }
            rest.append((t == .op("&&"), try parsePipeline(expecting: expecting)))
        }
        return rest.isEmpty ? first : .andOr(first, rest)
    }

    private mutating func parsePipeline(expecting: String?) throws -> ShellCommandNode {
        var negated = false
        if case .word(let w, _) = try peek(), w.plainText == "!" { consume(); negated = true }
        var stages = [try parseCommand(expecting: expecting)]
        while try peek() == .op("|") {
            consume()
            try skipNewlines()
            if try peek() == .eof { throw ShellSyntaxError.incomplete(expecting: expecting) }
            stages.append(try parseCommand(expecting: expecting))
        }
        return stages.count == 1 && !negated ? stages[0] : .pipeline(stages, negated: negated)
    }

    private mutating func parseCommand(expecting: String?) throws -> ShellCommandNode {
        let t = try peek()
        var node: ShellCommandNode
        switch t {
        case .word(let w, let raw):
            if let p = w.plainText, Self.reserved.contains(p) {
                switch p {
                case "if": node = try parseIf()
                case "for": node = try parseFor()
                case "while", "until": node = try parseWhile(until: p == "until")
                case "case": node = try parseCase()
                case "{":
                    consume()
                    let body = try parseList(terminators: ["}"], required: true, expecting: "}")
                    try expectWord("}")
                    node = .group(body)
                default:
                    throw ShellSyntaxError.unexpected(token: raw, line: line)
                }
            } else if w.plainText == "[[" {
                return .simple(try parseConditional())
            } else if w.plainText == "function", dialect != .dash {
                return try parseFunctionKeyword(expecting: expecting)
            } else if let name = w.plainText, isName(name, allowDash: true), try peekFunctionParens() {
                return try parseFunctionBody(name: name, parens: true, expecting: expecting)
            } else {
                return .simple(try parseSimple())
            }
        case .op("(") where lookahead.map({ $0.end < chars.count && chars[$0.end] == "(" }) ?? false:
            // `(( expr ))`: an arithmetic command, run as `let "expr"`.
            consume()
            pos += 1
            var depth = 0
            let start = pos
            while pos < chars.count {
                if chars[pos] == "(" { depth += 1 }
                if chars[pos] == ")" {
                    if depth == 0 { break }
                    depth -= 1
                }
                pos += 1
            }
            guard pos + 1 < chars.count, chars[pos + 1] == ")" else {
                if pos >= chars.count - 1 { throw ShellSyntaxError.incomplete(expecting: nil) }
                throw ShellSyntaxError.unexpected(token: ")", line: line)
            }
            var sub = ShellParser(String(chars[start..<pos]), dialect: dialect)
            sub.nesting = nesting
            let inner = try sub.readParts(stop: { _ in false }, doubleQuoted: true)
            pos += 2
            let words = [ShellWord(parts: [.literal("let", quoted: true)]), ShellWord(parts: inner.isEmpty ? [.literal("", quoted: true)] : inner)]
            node = .simple(SimpleCommand(assignments: [], words: words, redirections: [], line: line))
        case .op("("):
            consume()
            let body = try parseList(terminators: [")"], required: true, expecting: ")")
            guard try peek() == .op(")") else { throw ShellSyntaxError.unexpected(token: try peek().display, line: line) }
            consume()
            node = .subshell(body)
        case .ioNumber, .op("<"), .op(">"), .op(">>"), .op("<<"), .op("<<-"), .op("<<<"), .op("&>"), .op("&>>"), .op(">&"), .op("<&"), .op(">|"), .op("<>"):
            return .simple(try parseSimple())
        case .eof:
            throw ShellSyntaxError.incomplete(expecting: expecting)
        default:
            throw ShellSyntaxError.unexpected(token: t.display, line: line)
        }
        var redirections: [Redirection] = []
        while let r = try parseRedirectionIfPresent() { redirections.append(r) }
        return redirections.isEmpty ? node : .redirected(node, redirections)
    }

    /// `function NAME { ...; }`, `function NAME() { ...; }`: bash's and ash's other way to define a
    /// function; the parentheses are optional and the body is any compound command.
    private mutating func parseFunctionKeyword(expecting: String?) throws -> ShellCommandNode {
        consume()
        let t = try peek()
        guard case .word(let w, let raw) = t, let name = w.plainText, !Self.reserved.contains(name) else {
            // bash reads the end of the line (or of a `-c` string) here as the token `newline`.
            throw ShellSyntaxError.unexpected(token: t == .eof ? "newline" : t.display, line: line)
        }
        guard isName(name, allowDash: true) else { throw ShellSyntaxError.unexpected(token: raw, line: line) }
        return try parseFunctionBody(name: name, parens: try peekFunctionParens(), expecting: expecting)
    }

    /// After a function's name (the current token): its `( )` when `parens`, then the body.
    private mutating func parseFunctionBody(name: String, parens: Bool, expecting: String?) throws -> ShellCommandNode {
        consume()
        if parens {
            _ = try peek()
            consume()
            guard try peek() == .op(")") else { throw ShellSyntaxError.unexpected(token: try peek().display, line: line) }
            consume()
        }
        try skipNewlines()
        if try peek() == .eof { throw ShellSyntaxError.incomplete(expecting: nil) }
        return .functionDefinition(name: name, body: try parseCommand(expecting: expecting))
    }

    private mutating func peekFunctionParens() throws -> Bool {
        // NAME ( ) — look at the raw characters after the current word.
        guard let la = lookahead else { return false }
        var i = la.end
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        guard i < chars.count, chars[i] == "(" else { return false }
        var j = i + 1
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        return j < chars.count && chars[j] == ")"
    }

    private mutating func expectWord(_ word: String) throws {
        let t = try peek()
        if case .word(let w, _) = t, w.plainText == word { consume(); return }
        if t == .eof { throw ShellSyntaxError.incomplete(expecting: word) }
        throw ShellSyntaxError.unexpected(token: t.display, line: line)
    }

    private mutating func parseIf() throws -> ShellCommandNode {
        consume()
        var branches: [(condition: ShellList, body: ShellList)] = []
        var otherwise: ShellList? = nil
        while true {
            let cond = try parseList(terminators: ["then"], required: true, expecting: "then")
            try expectWord("then")
            let body = try parseList(terminators: ["elif", "else", "fi"], required: true, expecting: "fi")
            branches.append((cond, body))
            guard case .word(let w, _) = try peek(), let p = w.plainText else { throw ShellSyntaxError.incomplete(expecting: "fi") }
            consume()
            if p == "elif" { continue }
            if p == "else" {
                otherwise = try parseList(terminators: ["fi"], required: true, expecting: "fi")
                try expectWord("fi")
            }
            break
        }
        return .ifChain(branches: branches, otherwise: otherwise)
    }

    private mutating func parseFor() throws -> ShellCommandNode {
        consume()
        if try peek() == .op("("), let la = lookahead, la.end < chars.count, chars[la.end] == "(" {
            return try parseArithmeticFor(from: la.end + 1)
        }
        let t = try peek()
        guard case .word(let w, let raw) = t, let name = w.plainText else {
            if t == .eof { throw ShellSyntaxError.incomplete(expecting: "do") }
            throw ShellSyntaxError.unexpected(token: t.display, line: line)
        }
        guard isName(name, allowDash: false) else { throw ShellSyntaxError.unexpected(token: raw, line: line) }
        consume()
        var items: [ShellWord]? = nil
        try skipNewlines()
        if case .word(let w2, _) = try peek(), w2.plainText == "in" {
            consume()
            var list: [ShellWord] = []
            while case .word(let item, _) = try peek() { consume(); list.append(item) }
            items = list
            let sep = try peek()
            if sep == .op(";") || sep == .newline { consume() } else if sep == .eof { throw ShellSyntaxError.incomplete(expecting: "do") } else {
                throw ShellSyntaxError.unexpected(token: sep.display, line: line)
            }
        } else if try peek() == .op(";") {
            consume()
        }
        try skipNewlines()
        try expectWord("do")
        let body = try parseList(terminators: ["done"], required: true, expecting: "done")
        try expectWord("done")
        return .forLoop(variable: name, items: items, body: body)
    }

    /// `for ((a; b; c))`: the three expressions are kept as words and evaluated each time.
    private mutating func parseArithmeticFor(from start: Int) throws -> ShellCommandNode {
        lookahead = nil
        pos = start
        var depth = 0
        var sections: [String] = []
        var current = ""
        while true {
            guard pos < chars.count else { throw ShellSyntaxError.incomplete(expecting: "do") }
            let c = chars[pos]
            if c == "(" { depth += 1 }
            if c == ")" {
                if depth == 0 {
                    guard pos + 1 < chars.count else { throw ShellSyntaxError.incomplete(expecting: "do") }
                    guard chars[pos + 1] == ")" else { throw ShellSyntaxError.unexpected(token: ")", line: line) }
                    pos += 2
                    break
                }
                depth -= 1
            }
            if c == ";" && depth == 0 { sections.append(current); current = ""; pos += 1; continue }
            if c == "\n" { line += 1 }
            current.append(c)
            pos += 1
        }
        sections.append(current)
        guard sections.count == 3 else { throw ShellSyntaxError.unexpected(token: "((", line: line) }
        var words: [ShellWord] = []
        for text in sections {
            var sub = ShellParser(text, dialect: dialect)
            sub.nesting = nesting
            words.append(ShellWord(parts: try sub.readParts(stop: { _ in false }, doubleQuoted: true)))
        }
        let sep = try peek()
        if sep == .op(";") || sep == .newline { consume() }
        try skipNewlines()
        try expectWord("do")
        let body = try parseList(terminators: ["done"], required: true, expecting: "done")
        try expectWord("done")
        return .arithmeticFor(initial: words[0], condition: words[1], step: words[2], body: body)
    }

    private mutating func parseWhile(until: Bool) throws -> ShellCommandNode {
        consume()
        let cond = try parseList(terminators: ["do"], required: true, expecting: "do")
        try expectWord("do")
        let body = try parseList(terminators: ["done"], required: true, expecting: "done")
        try expectWord("done")
        return .whileLoop(condition: cond, body: body, until: until)
    }

    private mutating func parseCase() throws -> ShellCommandNode {
        consume()
        guard case .word(let subject, _) = try peek() else {
            if try peek() == .eof { throw ShellSyntaxError.incomplete(expecting: "in") }
            throw ShellSyntaxError.unexpected(token: try peek().display, line: line)
        }
        consume()
        try skipNewlines()
        try expectWord("in")
        var arms: [(patterns: [ShellWord], body: ShellList)] = []
        while true {
            try skipNewlines()
            let t = try peek()
            if case .word(let w, _) = t, w.plainText == "esac" { consume(); break }
            if t == .eof { throw ShellSyntaxError.incomplete(expecting: "esac") }
            if t == .op("(") { consume() }
            var patterns: [ShellWord] = []
            while true {
                guard case .word(let p, _) = try peek() else {
                    if try peek() == .eof { throw ShellSyntaxError.incomplete(expecting: "esac") }
                    throw ShellSyntaxError.unexpected(token: try peek().display, line: line)
                }
                consume()
                patterns.append(p)
                if try peek() == .op("|") { consume(); continue }
                break
            }
            guard try peek() == .op(")") else {
                if try peek() == .eof { throw ShellSyntaxError.incomplete(expecting: "esac") }
                throw ShellSyntaxError.unexpected(token: try peek().display, line: line)
            }
            consume()
            let body = try parseList(terminators: [";;", "esac"], expecting: "esac")
            arms.append((patterns, body))
            if try peek() == .op(";;") { consume() }
        }
        return .caseOf(subject: subject, arms: arms)
    }

    /// `[[ ... ]]`: operators like `&&`, `<` and `(` are plain words up to the closing `]]`.
    private mutating func parseConditional() throws -> SimpleCommand {
        let startLine = line
        consume()
        var words = [ShellWord(parts: [.literal("[[", quoted: false)])]
        while true {
            let t = try peek()
            switch t {
            case .word(let w, _):
                consume()
                words.append(w)
                if w.plainText == "]]" {
                    return SimpleCommand(assignments: [], words: words, redirections: [], line: startLine)
                }
                if w.plainText == "=~", let regex = try readRegexWord() { words.append(regex) }
            case .op(let o) where ["&&", "||", "(", ")", "<", ">", "!"].contains(o):
                consume()
                words.append(ShellWord(parts: [.literal(o, quoted: false)]))
            case .eof:
                throw ShellSyntaxError.incomplete(expecting: "]]")
            default:
                throw ShellSyntaxError.unexpected(token: t.display, line: line)
            }
        }
    }

    /// The right side of `=~`: bash reads it as one word in which `(`, `)` and `|` are regex
    /// characters, not operators (`[[ $HOSTNAME =~ -([0-9]+)$ ]]`). Nil when it starts with `]]`.
    private mutating func readRegexWord() throws -> ShellWord? {
        skipBlanks()
        if pos + 1 < chars.count, chars[pos] == "]", chars[pos + 1] == "]" { return nil }
        var parts: [WordPart] = []
        var depth = 0
        while pos < chars.count {
            let c = chars[pos]
            if c == "(" || c == "|" || (c == ")" && depth > 0) {
                if c == "(" { depth += 1 }
                if c == ")" { depth -= 1 }
                parts.append(.literal(String(c), quoted: false))
                pos += 1
                continue
            }
            if depth > 0, c == " " || c == "\t" {
                parts.append(.literal(String(c), quoted: false))
                pos += 1
                continue
            }
            let chunk = try readParts(stop: { " \t\n()|<>;&".contains($0) }, doubleQuoted: false)
            if chunk.isEmpty { break }
            parts += chunk
        }
        return parts.isEmpty ? nil : ShellWord(parts: parts)
    }

    private mutating func parseSimple() throws -> SimpleCommand {
        var cmd = SimpleCommand(assignments: [], words: [], redirections: [], line: line)
        while true {
            if let r = try parseRedirectionIfPresent() { cmd.redirections.append(r); continue }
            guard case .word(let w, _) = try peek() else { break }
            consume()
            if cmd.words.isEmpty, let (name, value) = splitAssignment(w) {
                cmd.assignments.append((name, value))
            } else {
                cmd.words.append(w)
            }
        }
        if cmd.words.isEmpty && cmd.assignments.isEmpty && cmd.redirections.isEmpty {
            throw ShellSyntaxError.unexpected(token: try peek().display, line: line)
        }
        return cmd
    }

    /// `NAME=value` where NAME is unquoted.
    private func splitAssignment(_ w: ShellWord) -> (String, ShellWord)? {
        guard case .literal(let first, quoted: false)? = w.parts.first, let eq = first.firstIndex(of: "=") else { return nil }
        let name = String(first[..<eq])
        guard isName(name, allowDash: false) else { return nil }
        var parts = w.parts
        let rest = String(first[first.index(after: eq)...])
        if rest.isEmpty { parts.removeFirst() } else { parts[0] = .literal(rest, quoted: false) }
        return (name, ShellWord(parts: parts))
    }

    private func isName(_ s: String, allowDash: Bool) -> Bool {
        guard let f = s.first, f == "_" || f.isASCIILetter else { return false }
        return s.allSatisfy { $0 == "_" || $0.isASCIILetter || $0.isASCIIDigit || (allowDash && ($0 == "-" || $0 == ".")) }
    }

    private mutating func parseRedirectionIfPresent() throws -> Redirection? {
        var fd: Int? = nil
        var t = try peek()
        if case .ioNumber(let n) = t { consume(); fd = n; t = try peek() }
        guard case .op(let op) = t else {
            if fd != nil { throw ShellSyntaxError.unexpected(token: t.display, line: line) }
            return nil
        }
        let kind: Redirection.Kind
        var defaultFD = 1
        switch op {
        case "<": kind = .input; defaultFD = 0
        case ">", ">|": kind = .output
        case ">>": kind = .append
        case ">&": kind = .duplicateOutput
        case "<&": kind = .duplicateInput; defaultFD = 0
        case "&>": kind = .outputAndError
        case "&>>": kind = .appendOutputAndError
        case "<>": kind = .readWrite; defaultFD = 0
        case "<<<": kind = .hereString; defaultFD = 0
        case "<<", "<<-":
            consume()
            return try parseHereDocument(fd: fd ?? 0, stripTabs: op == "<<-")
        default:
            if fd != nil { throw ShellSyntaxError.unexpected(token: op, line: line) }
            return nil
        }
        consume()
        let target = try peek()
        guard case .word(let w, _) = target else {
            if target == .eof { throw ShellSyntaxError.unexpected(token: "newline", line: line) }
            throw ShellSyntaxError.unexpected(token: target.display, line: line)
        }
        consume()
        return Redirection(fd: fd ?? defaultFD, kind: kind, target: w)
    }

    /// Reads the body that follows the current line and removes it from the input, so the rest
    /// of the current line parses as usual.
    private mutating func parseHereDocument(fd: Int, stripTabs: Bool) throws -> Redirection {
        let t = try peek()
        guard case .word(let w, let raw) = t else {
            if t == .eof || t == .newline { throw ShellSyntaxError.unexpected(token: "newline", line: line) }
            throw ShellSyntaxError.unexpected(token: t.display, line: line)
        }
        consume()
        let expand = !w.hasQuotedPart && !raw.contains("\\")
        let delimiter = raw.filter { $0 != "'" && $0 != "\"" && $0 != "\\" }
        // Find the end of the current line.
        guard let lineEnd = chars[pos...].firstIndex(of: "\n") else {
            if lenientHereDocuments { return Redirection(fd: fd, kind: .hereDocument(stripTabs: stripTabs, expand: false), target: ShellWord(parts: [])) }
            throw ShellSyntaxError.incomplete(expecting: nil)
        }
        var i = lineEnd + 1
        var bodyLines: [String] = []
        var found = false
        var end = chars.count
        while i < chars.count || (i == chars.count && !found) {
            if i >= chars.count { break }
            let nl = chars[i...].firstIndex(of: "\n") ?? chars.count
            var text = String(chars[i..<nl])
            if stripTabs { text = String(text.drop(while: { $0 == "\t" })) }
            if text == delimiter { found = true; end = min(nl + 1, chars.count); break }
            bodyLines.append(text)
            i = nl + 1
            end = min(i, chars.count)
        }
        if !found && !lenientHereDocuments { throw ShellSyntaxError.incomplete(expecting: nil) }
        chars.removeSubrange((lineEnd + 1)..<end)
        let body = bodyLines.isEmpty ? "" : bodyLines.joined(separator: "\n") + "\n"
        let word: ShellWord
        if expand {
            var sub = ShellParser(body, dialect: dialect)
            sub.nesting = nesting
            word = try sub.readHereDocumentBody()
        } else {
            word = ShellWord(parts: [.literal(body, quoted: true)])
        }
        return Redirection(fd: fd, kind: .hereDocument(stripTabs: stripTabs, expand: expand), target: word)
    }

    private mutating func readHereDocumentBody() throws -> ShellWord {
        ShellWord(parts: try readParts(stop: { _ in false }, doubleQuoted: true, hereDocument: true))
    }

    // MARK: Tokens

    private mutating func skipNewlines() throws {
        while try peek() == .newline { consume() }
    }

    private mutating func consume() {
        if let la = lookahead {
            pos = la.end
            if la.token == .newline { line += 1 }
            lookahead = nil
        }
    }

    private mutating func peek() throws -> Token {
        if let la = lookahead { return la.token }
        let save = pos
        skipBlanks()
        let start = pos
        let token = try lexToken()
        let end = pos
        pos = save
        lookahead = (token, start, end, line)
        return token
    }

    private mutating func skipBlanks() {
        while pos < chars.count {
            let c = chars[pos]
            if c == " " || c == "\t" || c == "\r" { pos += 1; continue }
            if c == "\\", pos + 1 < chars.count, chars[pos + 1] == "\n" { pos += 2; continue }
            if c == "#" {
                while pos < chars.count, chars[pos] != "\n" { pos += 1 }
                continue
            }
            break
        }
    }

    private static let operators = ["&>>", "<<<", "<<-", "&&", "||", ";;", "<<", ">>", ">&", "<&", "&>", ">|", "<>", ";", "&", "|", "(", ")", "<", ">"]
    /// By ASCII code, whether an operator starts with it: words skip the operator table.
    private static let operatorStarts: [Bool] = {
        var starts = [Bool](repeating: false, count: 128)
        for op in operators { if let code = op.first?.asciiValue { starts[Int(code)] = true } }
        return starts
    }()

    private mutating func lexToken() throws -> Token {
        guard pos < chars.count else { return .eof }
        let c = chars[pos]
        if c == "\\", pos + 1 == chars.count { throw ShellSyntaxError.incomplete(expecting: nil) }
        if c == "\n" { pos += 1; return .newline }
        if let code = c.asciiValue, Self.operatorStarts[Int(code)] {
            for op in Self.operators where matches(op) {
                pos += op.count
                return .op(op)
            }
        }
        // An all-digit word right before `<` or `>` is a file descriptor number.
        var j = pos
        while j < chars.count, chars[j].isASCIIDigit { j += 1 }
        if j > pos, j < chars.count, chars[j] == "<" || chars[j] == ">", let n = Int(String(chars[pos..<j])) {
            pos = j
            return .ioNumber(n)
        }
        let start = pos
        let parts = try readParts(stop: { Self.isMeta($0) }, doubleQuoted: false)
        let raw = String(chars[start..<pos])
        return .word(ShellWord(parts: parts), raw: raw)
    }

    private func matches(_ op: String) -> Bool {
        var i = pos
        for ch in op {
            guard i < chars.count, chars[i] == ch else { return false }
            i += 1
        }
        return true
    }

    private static func isMeta(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == ";" || c == "&" || c == "|" || c == "(" || c == ")" || c == "<" || c == ">" || c == "\r"
    }

    // MARK: Words

    /// Reads word parts until `stop` says so (outside quotes). In a here-document body quotes are literal.
    private mutating func readParts(stop: (Character) -> Bool, doubleQuoted: Bool, hereDocument: Bool = false) throws -> [WordPart] {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting { throw ShellSyntaxError.unexpected(token: "${", line: line) }
        var parts: [WordPart] = []
        var literal = ""
        let wordStart = pos
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal, quoted: doubleQuoted)); literal = "" }
        }
        while pos < chars.count {
            let c = chars[pos]
            if stop(c) { break }
            switch c {
            case "\\":
                guard pos + 1 < chars.count else {
                    if hereDocument { literal.append(c); pos += 1; continue }
                    throw ShellSyntaxError.incomplete(expecting: nil)
                }
                let next = chars[pos + 1]
                if next == "\n" { pos += 2; continue }
                if doubleQuoted && !"$`\"\\".contains(next) || (hereDocument && next == "\"") {
                    literal.append(c); pos += 1; continue
                }
                flush()
                parts.append(.literal(String(next), quoted: true))
                pos += 2
            case "'" where !doubleQuoted:
                flush()
                guard let close = chars[(pos + 1)...].firstIndex(of: "'") else { throw ShellSyntaxError.incomplete(expecting: "'") }
                parts.append(.literal(String(chars[(pos + 1)..<close]), quoted: true))
                pos = close + 1
            case "\"" where !doubleQuoted:
                flush()
                pos += 1
                let inner = try readParts(stop: { $0 == "\"" }, doubleQuoted: true)
                guard pos < chars.count else { throw ShellSyntaxError.incomplete(expecting: "\"") }
                pos += 1
                parts.append(contentsOf: inner.isEmpty ? [.literal("", quoted: true)] : inner)
            case "$":
                flush()
                parts.append(try readDollar(quoted: doubleQuoted))
            case "`":
                flush()
                parts.append(try readBackticks(quoted: doubleQuoted))
            case "~" where pos == wordStart && !doubleQuoted:
                var j = pos + 1
                while j < chars.count, chars[j] != "/", !stop(chars[j]), chars[j] != ":" { j += 1 }
                let user = String(chars[(pos + 1)..<j])
                if user.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }) {
                    flush()
                    parts.append(.tilde(user))
                    pos = j
                } else {
                    literal.append(c); pos += 1
                }
            default:
                literal.append(c)
                pos += 1
            }
        }
        flush()
        return parts
    }

    private mutating func readDollar(quoted: Bool) throws -> WordPart {
        pos += 1
        guard pos < chars.count else { return .literal("$", quoted: quoted) }
        let c = chars[pos]
        if c == "(" {
            if pos + 1 < chars.count, chars[pos + 1] == "(" {
                pos += 2
                // Arithmetic: up to the matching `))`.
                var depth = 0
                let start = pos
                while pos < chars.count {
                    if chars[pos] == "(" { depth += 1 } else if chars[pos] == ")" {
                        if depth == 0 {
                            guard pos + 1 < chars.count else { throw ShellSyntaxError.incomplete(expecting: nil) }
                            guard chars[pos + 1] == ")" else { throw ShellSyntaxError.unexpected(token: ")", line: line) }
                            break
                        }
                        depth -= 1
                    }
                    pos += 1
                }
                guard pos < chars.count else { throw ShellSyntaxError.incomplete(expecting: nil) }
                var sub = ShellParser(String(chars[start..<pos]), dialect: dialect)
            sub.nesting = nesting
                let inner = try sub.readParts(stop: { _ in false }, doubleQuoted: true)
                pos += 2
                return .arithmetic(ShellWord(parts: inner), quoted: quoted)
            }
            pos += 1
            let savedLookahead = lookahead
            lookahead = nil
            let list = try parseList(terminators: [")"], expecting: ")")
            guard try peek() == .op(")") else { throw ShellSyntaxError.incomplete(expecting: ")") }
            consume()
            lookahead = savedLookahead
            return .command(list, quoted: quoted)
        }
        if c == "{" {
            pos += 1
            return .parameter(try readBraced(), quoted: quoted)
        }
        if c == "'", !quoted, dialect != .dash {
            // `$'...'`: ANSI-C quoting, decoded here because the result is one quoted literal.
            var text = ""
            pos += 1
            while pos < chars.count, chars[pos] != "'" {
                if chars[pos] == "\\", pos + 1 < chars.count { text.append(chars[pos]); pos += 1 }
                if chars[pos] == "\n" { line += 1 }
                text.append(chars[pos])
                pos += 1
            }
            guard pos < chars.count else { throw ShellSyntaxError.incomplete(expecting: "'") }
            pos += 1
            return .literal(AnsiCQuoting.decode(text, busybox: dialect.isBusybox), quoted: true)
        }
        if c == "_" || c.isASCIILetter {
            let start = pos
            while pos < chars.count, chars[pos] == "_" || chars[pos].isASCIILetter || chars[pos].isASCIIDigit { pos += 1 }
            return .parameter(ParameterExpansion(name: String(chars[start..<pos]), operation: .plain), quoted: quoted)
        }
        if c.isASCIIDigit || "?#@*$!-".contains(c) {
            pos += 1
            return .parameter(ParameterExpansion(name: String(c), operation: .plain), quoted: quoted)
        }
        return .literal("$", quoted: quoted)
    }

    private mutating func readBraced() throws -> ParameterExpansion {
        var lengthOf = false
        if pos < chars.count, chars[pos] == "#", pos + 1 < chars.count, chars[pos + 1] != "}" {
            lengthOf = true
            pos += 1
        }
        let start = pos
        if pos < chars.count, chars[pos] == "_" || chars[pos].isASCIILetter {
            while pos < chars.count, chars[pos] == "_" || chars[pos].isASCIILetter || chars[pos].isASCIIDigit { pos += 1 }
        } else if pos < chars.count, chars[pos].isASCIIDigit {
            while pos < chars.count, chars[pos].isASCIIDigit { pos += 1 }
        } else if pos < chars.count, "?#@*$!-".contains(chars[pos]) {
            pos += 1
        }
        var name = String(chars[start..<pos])
        // `${name[1]}`: an element of an indexed array (bash), kept in the name as `name[1]`.
        if dialect != .dash, !name.isEmpty, name.first!.isASCIILetter || name.first == "_", pos < chars.count, chars[pos] == "[" {
            let open = pos
            while pos < chars.count, chars[pos] != "]", chars[pos] != "}" { pos += 1 }
            guard pos < chars.count, chars[pos] == "]" else { throw ShellSyntaxError.unexpected(token: "${", line: line) }
            pos += 1
            name += String(chars[open..<pos])
        }
        guard pos < chars.count else { throw ShellSyntaxError.incomplete(expecting: nil) }
        if name.isEmpty { throw ShellSyntaxError.unexpected(token: "${", line: line) }
        if chars[pos] == "}" {
            pos += 1
            return ParameterExpansion(name: name, operation: lengthOf ? .length : .plain)
        }
        if lengthOf { throw ShellSyntaxError.unexpected(token: "${", line: line) }
        var colon = false
        if chars[pos] == ":" { colon = true; pos += 1 }
        guard pos < chars.count else { throw ShellSyntaxError.incomplete(expecting: nil) }
        let op = chars[pos]
        func operand(_ stopAtSlash: Bool = false) throws -> ShellWord {
            var depth = 0
            let parts = try readParts(stop: { ch in
                if ch == "{" { depth += 1 }
                if ch == "}" { if depth == 0 { return true }; depth -= 1 }
                return stopAtSlash && ch == "/"
            }, doubleQuoted: false)
            return ShellWord(parts: parts)
        }
        func close() throws {
            guard pos < chars.count, chars[pos] == "}" else { throw ShellSyntaxError.incomplete(expecting: nil) }
            pos += 1
        }
        let operation: ParameterExpansion.Operation
        switch op {
        case "-": pos += 1; operation = .defaultValue(try operand(), colon: colon)
        case "=": pos += 1; operation = .assignDefault(try operand(), colon: colon)
        case "+": pos += 1; operation = .alternative(try operand(), colon: colon)
        case "?": pos += 1; operation = .errorIfUnset(try operand(), colon: colon)
        case "#" where !colon:
            pos += 1
            let longest = pos < chars.count && chars[pos] == "#"
            if longest { pos += 1 }
            operation = .removePrefix(try operand(), longest: longest)
        case "%" where !colon:
            pos += 1
            let longest = pos < chars.count && chars[pos] == "%"
            if longest { pos += 1 }
            operation = .removeSuffix(try operand(), longest: longest)
        case "/" where !colon:
            pos += 1
            let all = pos < chars.count && chars[pos] == "/"
            if all { pos += 1 }
            let pattern = try operand(true)
            var replacement = ShellWord(parts: [])
            if pos < chars.count, chars[pos] == "/" { pos += 1; replacement = try operand() }
            operation = .replace(pattern, replacement, all: all)
        default:
            if colon {
                let offset = try readParts(stop: { $0 == ":" || $0 == "}" }, doubleQuoted: false)
                var length: ShellWord? = nil
                if pos < chars.count, chars[pos] == ":" { pos += 1; length = try operand() }
                operation = .substring(ShellWord(parts: offset), length)
            } else {
                throw ShellSyntaxError.unexpected(token: "${", line: line)
            }
        }
        try close()
        return ParameterExpansion(name: name, operation: operation)
    }

    private mutating func readBackticks(quoted: Bool) throws -> WordPart {
        pos += 1
        var inner = ""
        while pos < chars.count, chars[pos] != "`" {
            if chars[pos] == "\\", pos + 1 < chars.count, "`\\$".contains(chars[pos + 1]) {
                inner.append(chars[pos + 1]); pos += 2; continue
            }
            inner.append(chars[pos]); pos += 1
        }
        guard pos < chars.count else { throw ShellSyntaxError.incomplete(expecting: "`") }
        pos += 1
        var sub = ShellParser(inner, dialect: dialect)
        sub.nesting = nesting
        let list = try sub.parseList(terminators: [])
        let next = try sub.peek()
        if next != .eof { throw ShellSyntaxError.unexpected(token: next.display, line: line) }
        return .command(list, quoted: quoted)
    }
}

extension Character {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
