/// One result of asking for a line.
public enum LineInput: Equatable, Sendable {
    /// A line as typed, without its newline.
    case line(String)
    /// Ctrl-C at the prompt: the half-typed line is gone.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Where the REPL's lines come from: libedit on a terminal, plain reads otherwise.
public protocol LineReader: AnyObject {
    /// Shows `prompt` when the reader draws prompts, and waits for one line.
    func readLine(prompt: String) -> LineInput
    /// Keeps an entered line for history recall.
    func remember(_ line: String)
    /// True on a terminal the learner watches: after Ctrl-D the cursor is still right after the
    /// prompt, and a Ctrl-C during a command leaves the tty's `^C` mid-line, so the REPL ends
    /// those lines itself before the next prompt.
    var isTerminal: Bool { get }
}
