/// What one input did to a session: the unit that transcripts record, lessons check after, and
/// replay re-runs. Time marks are cluster milliseconds since the session began, so a record
/// replayed on a fresh session with the same options rebuilds the same state.
public struct CommandRecord: Equatable, Sendable {
    /// What the person gave the terminal.
    public enum Input: Equatable, Sendable {
        /// A line typed at the prompt (Enter).
        case line(String)
        /// Ctrl-C at the prompt.
        case interrupt
        /// Ctrl-D at the prompt.
        case endOfInput
    }

    public var input: Input
    /// The prompt of the program that read the input (`$ `, `root@mysql-0:/# `, `mysql> `).
    public var prompt: String
    /// Open programs when the input was read: 1 at the host shell, more inside `exec -it`.
    public var depth: Int
    /// Standard output and standard error interleaved, as a terminal shows them.
    public var output: String
    /// Standard error alone.
    public var errorOutput: String
    /// `$?` of the host shell afterwards.
    public var exitStatus: Int32
    /// The cluster clock when the input was read and when it had been handled.
    public var startMillis: Int64
    public var endMillis: Int64

    public init(
        input: Input, prompt: String, depth: Int, output: String = "", errorOutput: String = "",
        exitStatus: Int32 = 0, startMillis: Int64, endMillis: Int64
    ) {
        self.input = input
        self.prompt = prompt
        self.depth = depth
        self.output = output
        self.errorOutput = errorOutput
        self.exitStatus = exitStatus
        self.startMillis = startMillis
        self.endMillis = endMillis
    }

    /// The typed line, or nil for Ctrl-C and Ctrl-D.
    public var line: String? {
        if case .line(let text) = input { return text }
        return nil
    }
}
