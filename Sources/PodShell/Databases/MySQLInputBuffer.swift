/// The mysql client's reading of typed text: collects lines until `;`, `\g` or `\G` outside quotes
/// and comments, and recognises the client's own commands (`use`, `exit`, `quit`, `\q`, `\c`).
struct MySQLInputBuffer {
    enum Piece: Equatable {
        case statement(String, vertical: Bool, line: Int)
        case emptyStatement
        case quit
        /// `use db` typed without a delimiter is handled by the client itself.
        case use(String, line: Int)
        /// `status` / `\\s`.
        case status
    }

    private(set) var pending = ""
    private var quote: Character?
    private var inBlockComment = false
    private var startLine = 1

    var isEmpty: Bool { pending.allSatisfy(\.isWhitespace) && quote == nil && !inBlockComment }

    /// The prompt for the next line: `mysql> `, or the continuation showing what is open.
    var prompt: String {
        if let quote { return "    \(quote)> " }
        if inBlockComment { return "   /*> " }
        return isEmpty ? "mysql> " : "    -> "
    }

    mutating func clear() {
        pending = ""
        quote = nil
        inBlockComment = false
    }

    mutating func feed(_ line: String, lineNumber: Int) -> [Piece] {
        var pieces: [Piece] = []
        if isEmpty { startLine = lineNumber }
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if isEmpty && !c.isWhitespace, let (piece, next) = clientCommand(chars, from: i, lineNumber: lineNumber) {
                pending = ""
                pieces.append(piece)
                if piece == .quit { return pieces }
                i = next
                continue
            }
            if inBlockComment {
                pending.append(c)
                if c == "*", i + 1 < chars.count, chars[i + 1] == "/" { pending.append("/"); i += 1; inBlockComment = false }
                i += 1
                continue
            }
            if let open = quote {
                pending.append(c)
                if c == "\\" && open != "`", i + 1 < chars.count { pending.append(chars[i + 1]); i += 1 }
                else if c == open { quote = nil }
                i += 1
                continue
            }
            switch c {
            case "'", "\"", "`":
                quote = c
                pending.append(c)
            case "#",
                 "-" where i + 2 < chars.count && chars[i + 1] == "-" && chars[i + 2].isWhitespace,
                 "-" where i + 2 == chars.count && chars[i + 1] == "-":
                // The client drops comments itself; a comment line leaves the prompt at `mysql> `.
                i = chars.count
                continue
            case "/" where i + 1 < chars.count && chars[i + 1] == "*":
                inBlockComment = true
                pending += "/*"
                i += 2
                continue
            case ";":
                pieces.append(finish(vertical: false))
            case "\\" where i + 1 < chars.count:
                let command = chars[i + 1]
                i += 2
                switch command {
                case "g": pieces.append(finish(vertical: false))
                case "G": pieces.append(finish(vertical: true))
                case "c": clear()
                case "q": pieces.append(.quit); return pieces
                case "s": pieces.append(.status)
                default: break
                }
                continue
            default:
                if pending.isEmpty && pieces.count > 0 && !c.isWhitespace { startLine = lineNumber }
                pending.append(c)
            }
            i += 1
        }
        if !isEmpty || quote != nil { pending.append("\n") } else { pending = "" }
        return pieces
    }

    /// `use db`, `exit`, `quit` at the start of a statement: the client runs them itself, with or
    /// without a delimiter; returns the piece and where the line continues.
    private func clientCommand(_ chars: [Character], from start: Int, lineNumber: Int) -> (Piece, Int)? {
        var end = start
        while end < chars.count, chars[end] != ";" { end += 1 }
        let words = String(chars[start..<end]).split(whereSeparator: \.isWhitespace)
        guard let first = words.first?.lowercased() else { return nil }
        let next = min(end + 1, chars.count)
        switch first {
        case "exit", "quit", "\\q":
            return words.count == 1 ? (.quit, next) : nil
        case "status", "\\s":
            return words.count == 1 ? (.status, next) : nil
        case "use", "\\u":
            var name = words.count > 1 ? String(words[1]) : ""
            if name.hasPrefix("`") && name.hasSuffix("`") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            return (.use(name, line: lineNumber), next)
        default:
            return nil
        }
    }

    private mutating func finish(vertical: Bool) -> Piece {
        let text = pending.trimmingTrailingWhitespace.drop(while: \.isWhitespace)
        let line = startLine
        pending = ""
        if text.isEmpty { return .emptyStatement }
        return .statement(String(text), vertical: vertical, line: line)
    }
}
