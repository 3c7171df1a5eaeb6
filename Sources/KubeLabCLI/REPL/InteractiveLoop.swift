import KubeLab
import PodShell

/// The sandbox's read–run loop: reads a line for whichever program is innermost, lets the
/// cluster catch up with the wall clock, and feeds the line, until the host shell exits.
public final class InteractiveLoop {
    /// Keeps a reader that never blocks (or a program that never exits) from spinning forever.
    public static let maximumReads = 10_000_000

    private let handler: SessionInputHandler
    private let reader: LineReader
    private let output: OutputChannel
    private let interrupts: InterruptFlag
    private let style: PromptStyle
    private let follower: ClockFollower

    /// Called after each input the session handled (lines, Ctrl-C and Ctrl-D at a prompt): the hook
    /// for recording.
    public var didHandle: (CommandRecord) -> Void = { _ in }

    /// `handler`'s driver must write to `output`.
    public init(
        handler: SessionInputHandler,
        reader: LineReader,
        output: OutputChannel,
        interrupts: InterruptFlag,
        style: PromptStyle,
        clock: WallClock
    ) {
        self.handler = handler
        let session = handler.driver.session
        self.reader = reader
        self.output = output
        self.interrupts = interrupts
        self.style = style
        follower = ClockFollower(clock: clock) { [unowned session] ms in session.advanceWallClock(ms: ms) }
    }

    /// Runs until the host shell exits (`exit` or Ctrl-D at its prompt); returns kubelab's exit code.
    @discardableResult
    public func run() -> Int32 {
        var reads = 0
        while !handler.driver.isFinished && reads < Self.maximumReads {
            reads += 1
            // A lesson's `reset` or `undo` brings a new session: give each input the real clock.
            let terminal = handler.driver.terminal
            terminal.isInterrupted = interrupts.isSet
            terminal.wait = { [follower, interrupts] ms in follower.wait(ms: ms, isInterrupted: interrupts.isSet) }
            output.finishLine()
            interrupts.clear()
            let input = reader.readLine(prompt: style.render(handler.displayPrompt, depth: terminal.programs.count))
            follower.catchUp()
            switch input {
            case .line(let line):
                output.noteCursorAtLineStart()
                if !line.allSatisfy(\.isWhitespace) { reader.remember(line) }
                interrupts.clear()
                let record = handler.handle(.line(line))
                if interrupts.isSet() && reader.isTerminal { output.noteCursorMidLine() }
                didHandle(record)
            case .interrupted:
                output.noteCursorAtLineStart()
                didHandle(handler.handle(.interrupt))
            case .endOfInput:
                if reader.isTerminal { output.noteCursorMidLine() }
                didHandle(handler.handle(.endOfInput))
            }
        }
        output.finishLine()
        return 0
    }
}
