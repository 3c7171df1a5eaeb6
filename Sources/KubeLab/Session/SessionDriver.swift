import PodShell

/// The one loop body every way of using kubelab shares: it gives an input to the session's
/// terminal and returns what happened as a `CommandRecord`, passing the output on as it is written.
///
/// The REPL reads lines from libedit, `kubelab run` from a script, lessons add checks after each
/// record, and replay feeds recorded inputs at their recorded time marks: all through `handle`.
public final class SessionDriver {
    public let session: LabSession
    private let forwardOut: (String) -> Void
    private let forwardErr: (String) -> Void
    private var capturedOutput = ""
    private var capturedErrors = ""
    /// Bounds captured text per input so a runaway command cannot grow a record without end;
    /// what passes to the terminal is not cut.
    public static let maximumRecordedOutput = 4 << 20
    private var truncated = false

    /// `out` and `err` receive everything the session writes, as it is written.
    public init(session: LabSession, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.session = session
        forwardOut = out
        forwardErr = err
        session.terminal.writeOut = { [unowned self] text in
            self.capture(text, isError: false)
            self.forwardOut(text)
        }
        session.terminal.writeErr = { [unowned self] text in
            self.capture(text, isError: true)
            self.forwardErr(text)
        }
    }

    public var terminal: Terminal { session.terminal }
    public var isFinished: Bool { session.terminal.isFinished }
    /// The prompt of the program that reads the next input.
    public var prompt: String { session.terminal.prompt }
    public var depth: Int { session.terminal.programs.count }

    /// Gives `input` to the innermost program and returns its record.
    @discardableResult
    public func handle(_ input: CommandRecord.Input) -> CommandRecord {
        let prompt = self.prompt
        let depth = self.depth
        let start = session.clockMillis
        capturedOutput = ""
        capturedErrors = ""
        truncated = false
        var exitedWith: Int32?
        switch input {
        case .line(let line): exitedWith = session.terminal.feed(line)
        case .interrupt: session.terminal.interrupt()
        case .endOfInput: session.terminal.endOfInput()
        }
        // When the host shell itself exited (`exit 4`), its code is the status.
        let status = isFinished ? (exitedWith ?? session.lastExitCode) : session.lastExitCode
        return CommandRecord(
            input: input, prompt: prompt, depth: depth, output: capturedOutput, errorOutput: capturedErrors,
            exitStatus: status, startMillis: start, endMillis: session.clockMillis)
    }

    private func capture(_ text: String, isError: Bool) {
        guard !truncated else { return }
        if capturedOutput.utf8.count + text.utf8.count > Self.maximumRecordedOutput {
            truncated = true
            capturedOutput += "\n[kubelab: output past \(Self.maximumRecordedOutput >> 20) MiB is not recorded]\n"
            return
        }
        capturedOutput += text
        if isError { capturedErrors += text }
    }
}
