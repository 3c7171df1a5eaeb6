import PodShell

/// The sandbox's read–run loop: reads a line for whichever program is innermost, lets the
/// cluster catch up with the wall clock, and feeds the line, until the host shell exits.
public final class InteractiveLoop {
    /// Keeps a reader that never blocks (or a program that never exits) from spinning forever.
    public static let maximumReads = 10_000_000

    private let session: LabSession
    private let reader: LineReader
    private let output: OutputChannel
    private let interrupts: InterruptFlag
    private let style: PromptStyle
    private let follower: ClockFollower

    /// Called after each line the innermost program handled, with the prompt it was read at:
    /// the hook for lesson checks and transcript recording.
    public var didFeed: (_ prompt: String, _ line: String) -> Void = { _, _ in }

    public init(
        session: LabSession,
        reader: LineReader,
        output: OutputChannel,
        interrupts: InterruptFlag,
        style: PromptStyle,
        clock: WallClock
    ) {
        self.session = session
        self.reader = reader
        self.output = output
        self.interrupts = interrupts
        self.style = style
        follower = ClockFollower(clock: clock) { [unowned session] ms in session.advanceWallClock(ms: ms) }
    }

    /// Runs until the host shell exits (`exit` or Ctrl-D at its prompt); returns kubelab's exit code.
    @discardableResult
    public func run() -> Int32 {
        let terminal = session.terminal
        terminal.writeOut = output.out
        terminal.writeErr = output.err
        terminal.isInterrupted = interrupts.isSet
        terminal.wait = { [follower, interrupts] ms in follower.wait(ms: ms, isInterrupted: interrupts.isSet) }
        var reads = 0
        while !terminal.isFinished && reads < Self.maximumReads {
            reads += 1
            output.finishLine()
            interrupts.clear()
            let prompt = terminal.prompt
            let input = reader.readLine(prompt: style.render(prompt, depth: terminal.programs.count))
            follower.catchUp()
            switch input {
            case .line(let line):
                output.noteCursorAtLineStart()
                if !line.allSatisfy(\.isWhitespace) { reader.remember(line) }
                interrupts.clear()
                terminal.feed(line)
                if interrupts.isSet() && reader.isTerminal { output.noteCursorMidLine() }
                didFeed(prompt, line)
            case .interrupted:
                output.noteCursorAtLineStart()
                terminal.interrupt()
            case .endOfInput:
                if reader.isTerminal { output.noteCursorMidLine() }
                terminal.endOfInput()
            }
        }
        output.finishLine()
        return 0
    }
}
