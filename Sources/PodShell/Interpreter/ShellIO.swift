/// Shared byte budget of one command line, so `yes`, `$(head -c 100000000 /dev/zero)` or a
/// 100 MB echo end with an error instead of exhausting memory.
public final class OutputBudget {
    public let limit: Int
    public private(set) var used = 0
    public private(set) var exceeded = false

    public init(limit: Int) { self.limit = limit }

    /// Accounts `count` bytes; false (and `exceeded`) once the budget is spent.
    func spend(_ count: Int) -> Bool {
        if exceeded { return false }
        used += count
        if used > limit { exceeded = true; return false }
        return true
    }
}

/// Where a command's stdout or stderr goes: straight to the terminal (streaming, so
/// `kubectl get -w` shows lines as they happen) or into a buffer (pipes, `$(...)`, redirects).
public final class ShellOutput {
    private let forward: ((String) -> Void)?
    public private(set) var buffer = ""
    let budget: OutputBudget
    /// True when writes go to the person's terminal (decides `ls` columns, colours).
    public let isTerminal: Bool

    init(forward: ((String) -> Void)?, budget: OutputBudget, isTerminal: Bool) {
        self.forward = forward
        self.budget = budget
        self.isTerminal = isTerminal
    }

    /// Writes text; returns false when the command line's output budget is spent
    /// (commands producing endless output should stop then).
    @discardableResult
    public func write(_ text: String) -> Bool {
        if text.isEmpty { return !budget.exceeded }
        let room = budget.limit - budget.used
        guard budget.spend(text.utf8.count) else {
            // As a full pipe takes what fits: the part of the text within the limit still arrives.
            if room > 0 {
                let fitting = String(decoding: text.utf8.prefix(room), as: UTF8.self)
                if let forward { forward(fitting) } else { buffer += fitting }
            }
            return false
        }
        if let forward { forward(text) } else { buffer += text }
        return true
    }

    /// Hands over what was buffered and empties the buffer.
    func take() -> String {
        let s = buffer
        buffer = ""
        return s
    }
}

/// A command's standard input: text consumed from the front, so `while read line` loops share it.
public final class ShellInput {
    private var text: Substring
    /// True when input comes from the person's terminal (interactive programs push a LineProgram then).
    public let isTerminal: Bool

    /// Set when the writer of this pipe stopped at the pipe's byte limit: what follows the text
    /// was never written, so a reader that consumes to the end would compute a wrong answer.
    public internal(set) var isTruncated = false
    /// True once a reader consumed input up to its (truncated) end; the pipeline then reports
    /// the limit instead of passing on a silently wrong result (`yes | wc -l`).
    public internal(set) var readPastTruncation = false

    public init(_ text: String, isTerminal: Bool = false, isTruncated: Bool = false) {
        self.text = Substring(text)
        self.isTerminal = isTerminal
        self.isTruncated = isTruncated
    }

    /// Everything not read yet.
    public func readAll() -> String {
        let s = String(text)
        text = ""
        if isTruncated { readPastTruncation = true }
        return s
    }

    /// Everything not read yet, for a reader that may need only its beginning (`head`): call
    /// `noteNeededMore()` when the text turned out to be too short.
    func readAllForPrefix() -> String {
        let s = String(text)
        text = ""
        return s
    }

    /// The prefix reader needed more than was written.
    func noteNeededMore() { if isTruncated { readPastTruncation = true } }

    /// The next line without its newline; nil at end of input.
    public func readLine() -> String? {
        if text.isEmpty { if isTruncated { readPastTruncation = true }; return nil }
        if let nl = text.firstIndex(of: "\n") {
            let line = String(text[..<nl])
            text = text[text.index(after: nl)...]
            return line
        }
        let line = String(text)
        text = ""
        return line
    }

    public var isAtEnd: Bool { text.isEmpty }
}
