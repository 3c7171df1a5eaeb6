import PodShell

/// Where a kubectl invocation reads and writes.
public struct CommandIO {
    public var out: (String) -> Void
    public var err: (String) -> Void
    /// Piped standard input (`kubectl apply -f -`), nil when stdin is the terminal or empty.
    public var stdin: String?
    /// The terminal, when stdin is attached to it (needed by `exec -it`, `run -it`, `get -w`).
    public var terminal: Terminal?

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, stdin: String? = nil, terminal: Terminal? = nil) {
        self.out = out
        self.err = err
        self.stdin = stdin
        self.terminal = terminal
    }
}

/// A failed kubectl command: the text goes to stderr as written, with the exit code.
struct KubectlFailure: Error {
    let text: String
    let code: Int32

    init(_ text: String, code: Int32 = 1) {
        self.text = text
        self.code = code
    }

    /// `error: <message>` — kubectl's plain error form.
    static func error(_ message: String) -> KubectlFailure { KubectlFailure("error: " + message) }

    /// Upstream's `cmdutil.UsageErrorf`: the error, then the pointer to the command's help.
    /// - Parameter command: the command path as typed after `kubectl` (`create secret`, `taint`).
    static func usage(_ message: String, command: String) -> KubectlFailure {
        KubectlFailure("error: \(message)\nSee 'kubectl \(command) -h' for help and examples")
    }
}
