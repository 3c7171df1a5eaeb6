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
        guard budget.spend(text.utf8.count) else { return false }
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

    public init(_ text: String, isTerminal: Bool = false) {
        self.text = Substring(text)
        self.isTerminal = isTerminal
    }

    /// Everything not read yet.
    public func readAll() -> String {
        let s = String(text)
        text = ""
        return s
    }

    /// The next line without its newline; nil at end of input.
    public func readLine() -> String? {
        if text.isEmpty { return nil }
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
