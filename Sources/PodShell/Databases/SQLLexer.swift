/// One lexical token of a statement, with its offset so errors can quote the text from there.
struct SQLToken: Equatable {
    enum Kind: Equatable {
        case word(String)            // keyword or unquoted identifier
        case quotedIdentifier(String) // `x` in MySQL, "x" in PostgreSQL
        case string(String)
        case number(Int64)
        case systemVariable(String)  // @@hostname
        case symbol(String)
        case end
    }
    let kind: Kind
    /// Character offset in the statement text.
    let offset: Int
    /// Offset just past the token.
    var end: Int = 0

    /// The keyword spelled by a word token, upper-cased.
    var keyword: String? {
        if case .word(let w) = kind { return w.uppercased() }
        return nil
    }
}

/// Splits one statement's text into tokens; nil offset on an unterminated quote.
struct SQLLexer {
    let dialect: SQLDialect

    enum Failure: Error { case unterminated(offset: Int) }

    func tokens(_ text: [Character]) throws(Failure) -> [SQLToken] {
        var result: [SQLToken] = []
        var i = 0
        while i < text.count {
            if let last = result.last, last.end == 0 { result[result.count - 1].end = i }
            let c = text[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            // Comments: -- , # (MySQL), /* */.
            if c == "-", i + 1 < text.count, text[i + 1] == "-",
               dialect == .postgres || i + 2 >= text.count || text[i + 2].isWhitespace {
                while i < text.count, text[i] != "\n" { i += 1 }
                continue
            }
            if c == "#", dialect == .mysql {
                while i < text.count, text[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", i + 1 < text.count, text[i + 1] == "*" {
                i += 2
                while i + 1 < text.count, !(text[i] == "*" && text[i + 1] == "/") { i += 1 }
                i = min(i + 2, text.count)
                continue
            }
            if c == "'" || (c == "\"" && dialect == .mysql) {
                let (value, next) = try quoted(text, from: i, quote: c, backslashEscapes: dialect == .mysql)
                result.append(SQLToken(kind: .string(value), offset: start))
                i = next
                continue
            }
            if c == "`" && dialect == .mysql || c == "\"" && dialect == .postgres {
                let (value, next) = try quoted(text, from: i, quote: c, backslashEscapes: false)
                result.append(SQLToken(kind: .quotedIdentifier(value), offset: start))
                i = next
                continue
            }
            if c == "@", i + 1 < text.count, text[i + 1] == "@" {
                i += 2
                var name = ""
                while i < text.count, text[i].isLetter || text[i].isNumber || text[i] == "_" || text[i] == "." {
                    name.append(text[i]); i += 1
                }
                result.append(SQLToken(kind: .systemVariable(name.lowercased()), offset: start))
                continue
            }
            if c.isASCII && c.isNumber {
                var digits = ""
                while i < text.count, text[i].isASCII, text[i].isNumber { digits.append(text[i]); i += 1 }
                // A fraction is kept as text: the engine has no floating point.
                if i + 1 < text.count, text[i] == ".", text[i + 1].isNumber {
                    var fraction = "."
                    i += 1
                    while i < text.count, text[i].isASCII, text[i].isNumber { fraction.append(text[i]); i += 1 }
                    result.append(SQLToken(kind: .string(digits + fraction), offset: start))
                    continue
                }
                if i < text.count, text[i].isLetter || text[i] == "_" {
                    // MySQL allows identifiers starting with digits (`1db`).
                    while i < text.count, text[i].isLetter || text[i].isNumber || text[i] == "_" || text[i] == "$" { digits.append(text[i]); i += 1 }
                    result.append(SQLToken(kind: .word(digits), offset: start))
                    continue
                }
                if let n = Int64(digits) {
                    result.append(SQLToken(kind: .number(n), offset: start))
                } else {
                    result.append(SQLToken(kind: .string(digits), offset: start))
                }
                continue
            }
            if c.isLetter || c == "_" {
                var word = ""
                while i < text.count, text[i].isLetter || text[i].isNumber || text[i] == "_" || text[i] == "$" { word.append(text[i]); i += 1 }
                result.append(SQLToken(kind: .word(word), offset: start))
                continue
            }
            let two = i + 1 < text.count ? String([c, text[i + 1]]) : ""
            if ["<>", "!=", "<=", ">=", "||", "::"].contains(two) {
                result.append(SQLToken(kind: .symbol(two), offset: start))
                i += 2
                continue
            }
            result.append(SQLToken(kind: .symbol(String(c)), offset: start))
            i += 1
        }
        if let last = result.last, last.end == 0 { result[result.count - 1].end = i }
        result.append(SQLToken(kind: .end, offset: text.count, end: text.count))
        return result
    }

    private func quoted(_ text: [Character], from start: Int, quote: Character, backslashEscapes: Bool) throws(Failure) -> (String, Int) {
        var i = start + 1
        var value = ""
        while i < text.count {
            let c = text[i]
            if backslashEscapes && c == "\\" && i + 1 < text.count {
                let next = text[i + 1]
                switch next {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "0": value.append("\0")
                default: value.append(next)
                }
                i += 2
                continue
            }
            if c == quote {
                if i + 1 < text.count, text[i + 1] == quote { value.append(quote); i += 2; continue }
                return (value, i + 1)
            }
            value.append(c)
            i += 1
        }
        throw .unterminated(offset: start)
    }
}
