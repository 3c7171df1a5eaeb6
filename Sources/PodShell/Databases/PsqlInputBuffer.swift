/// psql's reading of typed lines: statements end at `;` outside quotes, comments and
/// parentheses (the `;` stays in the text sent); a backslash starts a meta-command.
struct PsqlInputBuffer {
    enum Piece: Equatable {
        case statement(String, line: Int)
        case meta(String, line: Int)
    }

    private(set) var pending = ""
    private var quote: Character?
    private var inBlockComment = false
    private var depth = 0
    private var startLine = 1

    var isEmpty: Bool { pending.allSatisfy(\.isWhitespace) && quote == nil && !inBlockComment }

    /// `=`, `-`, `'`, `"`, `(` or `*`: what psql shows after the database name.
    var promptMarker: Character {
        if let quote { return quote }
        if inBlockComment { return "*" }
        if depth > 0 { return "(" }
        return isEmpty ? "=" : "-"
    }

    mutating func clear() {
        pending = ""
        quote = nil
        inBlockComment = false
        depth = 0
    }

    mutating func feed(_ line: String, lineNumber: Int) -> [Piece] {
        var pieces: [Piece] = []
        if isEmpty { startLine = lineNumber; pending = "" }
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inBlockComment {
                pending.append(c)
                if c == "*", i + 1 < chars.count, chars[i + 1] == "/" { pending.append("/"); i += 1; inBlockComment = false }
                i += 1
                continue
            }
            if let open = quote {
                pending.append(c)
                if c == open { quote = nil }
                i += 1
                continue
            }
            switch c {
            case "'", "\"":
                quote = c
            case "-" where i + 1 < chars.count && chars[i + 1] == "-":
                pending += String(chars[i...])
                i = chars.count
                continue
            case "/" where i + 1 < chars.count && chars[i + 1] == "*":
                inBlockComment = true
            case "(":
                depth += 1
            case ")":
                depth = max(0, depth - 1)
            case "\\":
                let meta = String(chars[i...]).trimmingTrailingWhitespace
                if meta == "\\g" || meta.hasPrefix("\\g ") {
                    if let piece = finish(withSemicolon: false) { pieces.append(piece) }
                } else {
                    pieces.append(.meta(meta, line: lineNumber))
                }
                return pieces
            case ";" where depth == 0:
                pending.append(";")
                if let piece = finish(withSemicolon: true) { pieces.append(piece) }
                i += 1
                startLine = lineNumber
                continue
            default:
                break
            }
            if pending.isEmpty && c.isWhitespace { i += 1; continue }
            pending.append(c)
            i += 1
        }
        if !isEmpty { pending.append("\n") } else { pending = "" }
        return pieces
    }

    private mutating func finish(withSemicolon: Bool) -> Piece? {
        let text = pending.trimmingTrailingWhitespace.drop(while: \.isWhitespace)
        pending = ""
        depth = 0
        // A lone `;` sends nothing.
        if text.isEmpty || text == ";" { return nil }
        return .statement(String(text), line: startLine)
    }
}
