/// Parses templates such as `{range .items[*]}{.metadata.name}{"\n"}{end}` the way client-go does,
/// including its error texts (`unclosed action`, `invalid array index x`, ...).
struct JSONPathParser {
    private let input: [Character]
    private var pos = 0
    private var start = 0
    /// Guards against pathological templates; client-go has no such bound but it never matters in practice.
    private var depth = 0

    private init(_ text: String) { input = Array(text) }

    static func parse(_ text: String) throws(JSONPathError) -> [JSONPathNode] {
        var p = JSONPathParser(text)
        var root: [JSONPathNode] = []
        try p.parseText(&root)
        return root
    }

    /// Parses `text` as the inside of one action (`parseAction` wraps it in braces).
    private static func parseAction(_ text: String) throws(JSONPathError) -> [JSONPathNode] {
        let nodes = try parse("{" + text + "}")
        if case .list(let inner)? = nodes.first { return inner }
        return []
    }

    private var eof: Bool { pos >= input.count }

    private mutating func next() -> Character? {
        guard pos < input.count else { pos += 1; return nil }
        let c = input[pos]
        pos += 1
        return c
    }

    private mutating func backup() { pos -= 1 }
    private func peek() -> Character? { pos < input.count ? input[pos] : nil }

    private mutating func consumeText() -> String {
        let end = min(pos, input.count)
        let s = start < end ? String(input[start..<end]) : ""
        start = pos
        return s
    }

    private func hasPrefix(_ s: String) -> Bool {
        let chars = Array(s)
        guard pos + chars.count <= input.count else { return false }
        return Array(input[pos..<(pos + chars.count)]) == chars
    }

    private mutating func parseText(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        while true {
            if hasPrefix("{") {
                if pos > start { cur.append(.text(consumeText())) }
                try parseLeftDelim(&cur)
                return
            }
            if next() == nil { break }
        }
        pos = min(pos, input.count)
        if pos > start { cur.append(.text(consumeText())) }
    }

    private mutating func parseLeftDelim(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        pos += 1
        _ = consumeText()
        var list: [JSONPathNode] = []
        let closed = try parseInsideAction(&list)
        cur.append(.list(list))
        if closed { try parseText(&cur) }
    }

    /// Returns true when the closing `}` was consumed.
    private mutating func parseInsideAction(_ cur: inout [JSONPathNode]) throws(JSONPathError) -> Bool {
        depth += 1
        defer { depth -= 1 }
        guard depth < 10_000 else { throw JSONPathError("template too deeply nested") }
        while true {
            if hasPrefix("}") {
                pos += 1
                _ = consumeText()
                return true
            }
            if hasPrefix("[?(") { try parseFilter(&cur); continue }
            if hasPrefix("..") { try parseRecursive(&cur); continue }
            guard let r = next() else { throw JSONPathError("unclosed action") }
            switch r {
            case "\n", "\r": throw JSONPathError("unclosed action")
            case " ", "@", "$": _ = consumeText()
            case "[": try parseArray(&cur)
            case "\"", "'": try parseQuote(&cur, end: r)
            case ".": try parseField(&cur)
            case "+", "-": backup(); try parseNumber(&cur)
            default:
                if r.isASCII && r.isNumber {
                    backup()
                    try parseNumber(&cur)
                } else if r == "_" || r.isLetter || r.isNumber {
                    backup()
                    try parseIdentifier(&cur)
                } else {
                    throw JSONPathError("unrecognized character in action: \(goRuneLiteral(r))")
                }
            }
        }
    }

    /// Go's `%#U`: `U+0023 '#'`.
    private func goRuneLiteral(_ c: Character) -> String {
        let v = c.unicodeScalars.first?.value ?? 0
        var hex = String(v, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return "U+\(hex) '\(c)'"
    }

    private static func isTerminator(_ c: Character?) -> Bool {
        guard let c else { return true }
        switch c {
        case " ", "\t", "\n", "\r", ".", ",", "[", "]", "$", "@", "{", "}": return true
        default: return false
        }
    }

    private mutating func parseIdentifier(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        while true {
            let r = next()
            if Self.isTerminator(r) { backup(); break }
        }
        let value = consumeText()
        switch value {
        case "true": cur.append(.bool(true))
        case "false": cur.append(.bool(false))
        default: cur.append(.identifier(value))
        }
    }

    private mutating func parseField(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        _ = consumeText()
        while true {
            let r = next()
            if r == "\\" { _ = next(); continue }
            if Self.isTerminator(r) { backup(); break }
        }
        let value = consumeText()
        if value == "*" { cur.append(.wildcard) } else { cur.append(.field(String(value.filter { $0 != "\\" }))) }
    }

    private mutating func parseRecursive(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        if cur.last == .recursive { throw JSONPathError("invalid multiple recursive descent") }
        pos += 2
        _ = consumeText()
        cur.append(.recursive)
        if let r = peek(), r == "_" || r.isLetter || r.isNumber { try parseField(&cur) }
    }

    private mutating func parseNumber(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        if let r = peek(), r == "+" || r == "-" { _ = next() }
        while true {
            guard let r = next() else { backup(); break }
            if r != "." && !(r.isASCII && r.isNumber) { backup(); break }
        }
        let value = consumeText()
        if let i = Int(value.hasPrefix("+") ? String(value.dropFirst()) : value) {
            cur.append(.int(i))
        } else if let d = Double(value) {
            cur.append(.float(d))
        } else {
            throw JSONPathError("cannot parse number \(value)")
        }
    }

    private mutating func parseQuote(_ cur: inout [JSONPathNode], end: Character) throws(JSONPathError) {
        loop: while true {
            switch next() {
            case nil, "\n": throw JSONPathError("unterminated quoted string")
            case "\\":
                let r = next()
                if r == nil || r == "\n" { throw JSONPathError("unterminated quoted string") }
            case end: break loop
            default: continue
            }
        }
        let value = consumeText()
        guard let s = GoUnquote.unquoteExtended(value) else {
            throw JSONPathError("unquote string \(value) error invalid syntax")
        }
        cur.append(.text(s))
    }

    private mutating func parseArray(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        loop: while true {
            switch next() {
            case nil, "\n": throw JSONPathError("unterminated array")
            case "]": break loop
            default: continue
            }
        }
        let raw = consumeText()
        var text = String(raw.dropFirst().dropLast())
        if text == "*" { text = ":" }

        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count > 1 {
            var union: [[JSONPathNode]] = []
            for part in parts {
                union.append(try Self.parseAction("[\(part.trimmingSpaces())]"))
            }
            cur.append(.union(union))
            return
        }
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'"), !text.dropFirst().dropLast().contains("'") {
            let key = String(text.dropFirst().dropLast())
            cur.append(contentsOf: try Self.parseAction(".\(key)"))
            return
        }
        guard let slice = try Self.parseSlice(text) else { throw JSONPathError("invalid array index \(text)") }
        cur.append(.array(slice))
    }

    /// `^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$`
    private static func parseSlice(_ text: String) throws(JSONPathError) -> JSONPathSlice? {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count <= 3 else { return nil }
        for p in pieces {
            let body = p.hasPrefix("-") ? p.dropFirst() : Substring(p)
            guard body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        // Digits beyond Int64 fail Go's strconv.Atoi: `array index 9223372036854775808 is not a number`.
        if let tooLarge = pieces.first(where: { $0.contains(where: \.isNumber) && Int($0) == nil }) {
            throw JSONPathError("array index \(tooLarge) is not a number")
        }
        var slice = JSONPathSlice()
        func param(_ s: String?) -> JSONPathSlice.Param? {
            guard let s, !s.isEmpty else { return nil }
            guard let v = Int(s) else { return nil }
            return JSONPathSlice.Param(value: v, known: true)
        }
        if let p = param(pieces[0]) { slice.start = p } else if !pieces[0].isEmpty { return nil }
        if pieces.count > 1 {
            if let p = param(pieces[1]) { slice.end = p } else if pieces[1] == "-" { return nil }
        } else {
            // Go's int addition wraps: `[9223372036854775807]` ends at math.MinInt64, then fails the bounds check.
            slice.end = JSONPathSlice.Param(value: slice.start.value &+ 1, known: true, derived: true)
        }
        if pieces.count > 2 {
            if let p = param(pieces[2]) { slice.step = p } else if pieces[2] == "-" { return nil }
        }
        return slice
    }

    private mutating func parseFilter(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        pos += 3
        _ = consumeText()
        var begin = false
        var end = false
        var pair: Character = "\""
        loop: while true {
            let r = next()
            switch r {
            case nil, "\n": throw JSONPathError("unterminated filter")
            case "\"", "'":
                if !begin, let r { begin = true; pair = r; continue }
                if pos >= 2, input[pos - 2] != "\\", r == pair { end = true }
            case ")":
                if begin == end { break loop }
            default: continue
            }
        }
        if next() != "]" { throw JSONPathError("unclosed array expect ]") }
        var text = consumeText()
        text = String(text.dropLast(2))
        // ^([^!<>=]+)([!<>=]+)(.+?)$
        let chars = Array(text)
        let opChars: Set<Character> = ["!", "<", ">", "="]
        var i = 0
        while i < chars.count && !opChars.contains(chars[i]) { i += 1 }
        var j = i
        while j < chars.count && opChars.contains(chars[j]) { j += 1 }
        if i == 0 || i == chars.count || j == chars.count {
            cur.append(.filter(left: try Self.parseAction(text), right: [], op: "exists"))
        } else {
            let left = try Self.parseAction(String(chars[0..<i]))
            let right = try Self.parseAction(String(chars[j...]))
            cur.append(.filter(left: left, right: right, op: String(chars[i..<j])))
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
