/// Why input could not be parsed. `incomplete` is not an error for an interactive session:
/// it shows the `> ` continuation prompt and waits for more lines.
public enum ShellSyntaxError: Error, Equatable, Sendable {
    /// Input ended inside a quote, a compound command, after `&&`/`|`, or after a trailing `\`.
    /// `expecting` names the closing word (`done`, `fi`) when there is one.
    case incomplete(expecting: String?)
    /// A token that cannot appear where it does (`done` without `do`).
    case unexpected(token: String, line: Int)

    /// The message the imitated shell prints (without a trailing newline).
    public func message(dialect: ShellDialect, commandString: Bool = false) -> String {
        // An open quote or backquote is worded on its own by every shell.
        if case .incomplete(let expecting?) = self, ["'", "\"", "`"].contains(expecting) {
            switch dialect {
            case .busyboxSh: return "sh: syntax error: unterminated quoted string"
            case .dash: return "sh: 1: Syntax error: Unterminated quoted string"
            default:
                let prefix = commandString ? "bash: -c: line 1: " : "bash: "
                return prefix + "unexpected EOF while looking for matching `\(expecting)'"
            }
        }
        if dialect == .dash {
            switch self {
            case .unexpected(let token, let line):
                return "sh: \(line): Syntax error: \(token == "newline" ? "newline" : "\"\(token)\"") unexpected"
            case .incomplete(let expecting):
                if let expecting { return "sh: 1: Syntax error: end of file unexpected (expecting \"\(expecting)\")" }
                return "sh: 1: Syntax error: Unterminated quoted string"
            }
        }
        switch (self, dialect.isBusybox) {
        case (.unexpected(let token, _), true):
            return "sh: syntax error: unexpected \(token == "newline" ? "newline" : "\"\(token)\"")"
        case (.unexpected(let token, let line), false):
            if commandString { return "bash: -c: line \(line): syntax error near unexpected token `\(token)'" }
            return "bash: syntax error near unexpected token `\(token)'"
        case (.incomplete(let expecting), true):
            if let expecting { return "sh: syntax error: unexpected end of file (expecting \"\(expecting)\")" }
            return "sh: syntax error: unterminated quoted string"
        case (.incomplete, false):
            return commandString ? "bash: -c: line 1: syntax error: unexpected end of file" : "bash: syntax error: unexpected end of file"
        }
    }
}
