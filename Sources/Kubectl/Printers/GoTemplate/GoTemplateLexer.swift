/// One token of a Go template, as `text/template/parse`'s lexer emits it.
struct GoTemplateItem: Sendable {
    enum Kind: Equatable, Sendable {
        case error, bool, char, charConstant, assign, declare, eof, field, identifier, leftDelim, leftParen
        case number, pipe, rawString, rightDelim, rightParen, space, string, text, variable, comment
        // Keywords (Go orders them after itemKeyword; they print as `<name>`).
        case dot, block, breakKeyword, continueKeyword, define, elseKeyword, end, ifKeyword, nilKeyword, range
        case template, with

        var isKeyword: Bool {
            switch self {
            case .dot, .block, .breakKeyword, .continueKeyword, .define, .elseKeyword, .end, .ifKeyword, .nilKeyword,
                 .range, .template, .with:
                return true
            default: return false
            }
        }
    }

    var kind: Kind
    /// Byte offset in the template.
    var pos: Int
    var value: String
    /// 1-based line where the token starts.
    var line: Int

    /// How the parser names a token in its errors (`"#"`, `<end>`, `EOF`; long values cut at 10 characters).
    var description: String {
        if kind == .eof { return "EOF" }
        if kind == .error { return value }
        if kind.isKeyword { return "<\(value)>" }
        if value.unicodeScalars.count > 10 {
            return GoQuote.quote(String(String.UnicodeScalarView(value.unicodeScalars.prefix(10)))) + "..."
        }
        return GoQuote.quote(value)
    }
}

/// Go's template lexer (`text/template/parse/lex.go`): text outside `{{ }}`, trim markers `{{- -}}`,
/// comments, and the tokens of actions. It stops at the first error, which becomes an error token.
struct GoTemplateLexer {
    private let input: [UInt8]
    private var pos = 0
    private var start = 0
    private var line = 1
    private var startLine = 1
    private var parenDepth = 0
    private var insideAction = false
    private(set) var items: [GoTemplateItem] = []
    private var done = false

    static let keywords: [String: GoTemplateItem.Kind] = [
        ".": .dot, "block": .block, "break": .breakKeyword, "continue": .continueKeyword, "define": .define,
        "else": .elseKeyword, "end": .end, "if": .ifKeyword, "range": .range, "nil": .nilKeyword,
        "template": .template, "with": .with,
    ]

    /// All tokens up to EOF or the first error (included).
    static func tokens(_ text: String) -> [GoTemplateItem] {
        var l = GoTemplateLexer(input: Array(text.utf8))
        l.run()
        return l.items
    }

    private init(input: [UInt8]) { self.input = input }

    private mutating func run() {
        while !done {
            if insideAction { lexInsideAction() } else { lexText() }
        }
    }

    private func string(_ from: Int, _ to: Int) -> String { String(decoding: input[from..<to], as: UTF8.self) }
    private func hasPrefix(_ s: String, at i: Int) -> Bool {
        let b = Array(s.utf8)
        guard i + b.count <= input.count else { return false }
        return Array(input[i..<(i + b.count)]) == b
    }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

    private mutating func emit(_ kind: GoTemplateItem.Kind) { items.append(thisItem(kind)) }

    /// Skips the pending input, counting its newlines (for text passed over without `next`).
    private mutating func ignore() {
        line += newlines(start, pos)
        start = pos
        startLine = line
    }

    private mutating func errorf(_ message: String) {
        items.append(GoTemplateItem(kind: .error, pos: start, value: message, line: startLine))
        done = true
    }

    private func peek() -> UInt8? { pos < input.count ? input[pos] : nil }

    /// Advances one byte (a whole UTF-8 sequence for non-ASCII), counting lines.
    @discardableResult
    private mutating func next() -> Unicode.Scalar? {
        guard pos < input.count else { return nil }
        let (scalar, width) = Self.decode(input, at: pos)
        pos += width
        if scalar == "\n" { line += 1 }
        return scalar
    }

    private mutating func backup(_ scalar: Unicode.Scalar?) {
        guard let scalar else { return }
        pos -= Self.width(of: scalar, in: input, before: pos)
        if scalar == "\n" { line -= 1 }
    }

    static func decode(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
        let b = bytes[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        var it = bytes[i...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&it) { return (s, String(s).utf8.count) }
        return ("\u{FFFD}", 1)
    }

    private static func width(of s: Unicode.Scalar, in bytes: [UInt8], before i: Int) -> Int {
        s == "\u{FFFD}" && (i < 3 || bytes[(i - 3)..<i] != [0xEF, 0xBF, 0xBD]) ? 1 : String(s).utf8.count
    }

    static func isAlphaNumeric(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic || s.properties.numericType == .decimal
    }

    // MARK: Text

    /// The pending input as one token (Go's `thisItem`).
    private mutating func thisItem(_ kind: GoTemplateItem.Kind) -> GoTemplateItem {
        let item = GoTemplateItem(kind: kind, pos: start, value: string(start, pos), line: startLine)
        start = pos
        startLine = line
        return item
    }

    private func newlines(_ from: Int, _ to: Int) -> Int { from < to ? input[from..<to].filter { $0 == 0x0A }.count : 0 }

    private func hasLeftTrimMarker(at i: Int) -> Bool {
        i + 1 < input.count && input[i] == UInt8(ascii: "-") && Self.isSpace(input[i + 1])
    }

    private mutating func lexText() {
        if let x = (pos..<input.count).first(where: { hasPrefix("{{", at: $0) }) {
            if x > pos {
                pos = x
                var trimLength = 0
                if hasLeftTrimMarker(at: pos + 2) {
                    var e = pos
                    while e > start, Self.isSpace(input[e - 1]) { e -= 1 }
                    trimLength = pos - e
                }
                pos -= trimLength
                line += newlines(start, pos)
                let item = thisItem(.text)
                pos += trimLength
                ignore()
                if !item.value.isEmpty { items.append(item) }
            }
            lexLeftDelim()
            return
        }
        pos = input.count
        if pos > start {
            line += newlines(start, pos)
            items.append(thisItem(.text))
        }
        items.append(thisItem(.eof))
        done = true
    }

    private mutating func lexLeftDelim() {
        pos += 2
        let trim = hasLeftTrimMarker(at: pos)
        let afterMarker = trim ? 2 : 0
        if hasPrefix("/*", at: pos + afterMarker) {
            pos += afterMarker
            ignore()
            lexComment()
            return
        }
        let item = thisItem(.leftDelim)
        insideAction = true
        pos += afterMarker
        ignore()
        parenDepth = 0
        items.append(item)
    }

    private mutating func lexComment() {
        pos += 2
        guard let close = (pos..<input.count).first(where: { hasPrefix("*/", at: $0) }) else {
            errorf("unclosed comment")
            return
        }
        pos = close + 2
        let (delim, trim) = atRightDelim()
        if !delim {
            errorf("comment ends before closing delimiter")
            return
        }
        let item = thisItem(.comment)
        if trim { pos += 2 }
        pos += 2
        if trim { pos += leftTrimLength() }
        ignore()
        items.append(item)
    }

    /// Whether the input at `pos` is `}}` or ` -}}`, and whether it is the trimming form.
    private func atRightDelim() -> (Bool, Bool) {
        if pos + 1 < input.count && Self.isSpace(input[pos]) && input[pos + 1] == UInt8(ascii: "-") && hasPrefix("}}", at: pos + 2) {
            return (true, true)
        }
        if hasPrefix("}}", at: pos) { return (true, false) }
        return (false, false)
    }

    private func leftTrimLength() -> Int {
        var i = pos
        while i < input.count, Self.isSpace(input[i]) { i += 1 }
        return i - pos
    }

    private mutating func lexRightDelim(trim: Bool) {
        if trim {
            pos += 2
            ignore()
        }
        pos += 2
        let item = thisItem(.rightDelim)
        if trim {
            pos += leftTrimLength()
            ignore()
        }
        insideAction = false
        items.append(item)
    }

    // MARK: Inside actions

    private mutating func lexInsideAction() {
        let (delim, trim) = atRightDelim()
        if delim {
            if parenDepth == 0 { lexRightDelim(trim: trim) } else { errorf("unclosed left paren") }
            return
        }
        guard let r = next() else {
            errorf("unclosed action")
            return
        }
        switch r {
        case " ", "\t", "\r", "\n":
            backup(r)
            lexSpace()
        case "=": emit(.assign)
        case ":":
            if next() != "=" { errorf("expected :="); return }
            emit(.declare)
        case "|": emit(.pipe)
        case "\"": lexQuote()
        case "`": lexRawQuote()
        case "$": lexFieldOrVariable(.variable)
        case "'": lexChar()
        case ".":
            if let c = peek(), c < UInt8(ascii: "0") || c > UInt8(ascii: "9") {
                lexFieldOrVariable(.field)
                return
            }
            if peek() == nil { lexFieldOrVariable(.field); return }
            backup(r)
            lexNumber()
        case "+", "-", "0"..."9":
            backup(r)
            lexNumber()
        case "(":
            emit(.leftParen)
            parenDepth += 1
        case ")":
            parenDepth -= 1
            if parenDepth < 0 { errorf("unexpected right paren"); return }
            emit(.rightParen)
        default:
            if Self.isAlphaNumeric(r) {
                backup(r)
                lexIdentifier()
            } else if r.isASCII && r.value >= 0x20 && r.value < 0x7F {
                emit(.char)
            } else {
                errorf("unrecognized character in action: \(GoQuote.unicodeNotation(r))")
            }
        }
    }

    private mutating func lexSpace() {
        var spaces = 0
        while let c = peek(), Self.isSpace(c) {
            next()
            spaces += 1
        }
        // A space before `-}}` belongs to the trim marker.
        if hasPrefix("-}}", at: pos) {
            backup(Unicode.Scalar(input[pos - 1]))
            if spaces == 1 { return }  // lexInsideAction sees the delimiter next
        }
        emit(.space)
    }

    private mutating func lexIdentifier() {
        while let c = peekScalar(), Self.isAlphaNumeric(c) { next() }
        let word = string(start, pos)
        if !atTerminator() {
            errorf("bad character \(GoQuote.unicodeNotation(peekScalar() ?? " "))")
            return
        }
        if let k = Self.keywords[word], k != .dot { emit(k) }
        else if word == "true" || word == "false" { emit(.bool) }
        else { emit(.identifier) }
    }

    private mutating func lexFieldOrVariable(_ kind: GoTemplateItem.Kind) {
        if atTerminator() {
            emit(kind == .variable ? .variable : .dot)
            return
        }
        while let c = peekScalar(), Self.isAlphaNumeric(c) { next() }
        if !atTerminator() {
            errorf("bad character \(GoQuote.unicodeNotation(peekScalar() ?? " "))")
            return
        }
        emit(kind)
    }

    private func peekScalar() -> Unicode.Scalar? { pos < input.count ? Self.decode(input, at: pos).0 : nil }

    private func atTerminator() -> Bool {
        guard let c = peek() else { return true }
        switch c {
        case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ":"),
             UInt8(ascii: ")"), UInt8(ascii: "("):
            return true
        default:
            return hasPrefix("}}", at: pos)
        }
    }

    private mutating func lexChar() { lexQuoted(until: "'", .charConstant, unterminated: "unterminated character constant") }

    private mutating func lexQuote() { lexQuoted(until: "\"", .string, unterminated: "unterminated quoted string") }

    /// A `"..."` string or `'x'` character: backslash escapes, no newline, up to the closing quote.
    private mutating func lexQuoted(until close: Unicode.Scalar, _ kind: GoTemplateItem.Kind, unterminated: String) {
        while true {
            switch next() {
            case "\\":
                if let r = next(), r != "\n" { continue }
                errorf(unterminated)
                return
            case nil, "\n":
                errorf(unterminated)
                return
            case close?:
                emit(kind)
                return
            default: continue
            }
        }
    }

    private mutating func lexRawQuote() {
        while true {
            switch next() {
            case nil:
                errorf("unterminated raw quoted string")
                return
            case "`":
                emit(.rawString)
                return
            default: continue
            }
        }
    }

    private mutating func accept(_ valid: String) -> Bool {
        if let c = peek(), valid.utf8.contains(c) { pos += 1; return true }
        return false
    }

    private mutating func acceptRun(_ valid: String) {
        while let c = peek(), valid.utf8.contains(c) { pos += 1 }
    }

    private mutating func lexNumber() {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") { digits = "0123456789abcdefABCDEF_" }
            else if accept("oO") { digits = "01234567_" }
            else if accept("bB") { digits = "01_" }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if let c = peekScalar(), Self.isAlphaNumeric(c) {
            next()
            errorf("bad number syntax: \(GoQuote.quote(string(start, pos)))")
            return
        }
        emit(.number)
    }
}
