/// `set -x` (xtrace): bash prints each simple command after expansion and before running it, on
/// stderr, prefixed with PS4 (`+ `) repeated once more per nested shell (`++ hostname` inside
/// `$(...)`). Words that the shell would read differently are single-quoted, as bash's
/// `sh_contains_shell_metas` decides.
extension ShellInterpreter {
    /// Writes one trace line for `text` (already quoted) at the environment's nesting level.
    func writeTrace(_ text: String, _ env: ShellEnvironment, _ io: IO) {
        io.stderr.write(String(repeating: "+", count: max(1, env.traceLevel)) + " " + text + "\n")
    }

    /// The trace of a simple command: its assignments, then its words.
    func traceSimpleCommand(assignments: [(String, String)], argv: [String], _ env: ShellEnvironment, _ io: IO) {
        var parts = assignments.map { $0.0 + "=" + Self.traceQuoted($0.1) }
        parts += argv.map(Self.traceQuoted)
        if assignments.isEmpty || !argv.isEmpty {
            writeTrace(parts.joined(separator: " "), env, io)
        } else {
            // Assignments alone: bash prints one line each.
            for part in parts { writeTrace(part, env, io) }
        }
    }

    /// A word as bash's trace shows it: as is, or in single quotes when it holds a character the
    /// shell would interpret (`'[mysqld]'`, `'SELECT 1'`, `''`).
    static func traceQuoted(_ word: String) -> String {
        if word.isEmpty { return "''" }
        var needsQuotes = false
        var previous: Character? = nil
        for c in word {
            switch c {
            case " ", "\t", "\n", "'", "\"", "\\", "|", "&", ";", "(", ")", "<", ">", "!", "{", "}", "*", "[", "?", "]", "^", "$", "`":
                needsQuotes = true
            case "~" where previous == nil || previous == "=" || previous == ":":
                needsQuotes = true
            case "#" where previous == nil:
                needsQuotes = true
            default:
                break
            }
            if needsQuotes { break }
            previous = c
        }
        guard needsQuotes else { return word }
        var quoted = "'"
        for c in word { if c == "'" { quoted += "'\\''" } else { quoted.append(c) } }
        return quoted + "'"
    }
}
