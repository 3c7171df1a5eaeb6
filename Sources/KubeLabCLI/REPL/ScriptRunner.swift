import KubeLab
import PodShell

/// `kubelab run` (and a lesson fed from a pipe): gives a script's lines to the session as if
/// typed, printing each after the prompt of the program that reads it, so the output reads like
/// a terminal session.
public enum ScriptRunner {
    /// Keeps a program that re-opens itself on Ctrl-D from holding the run forever.
    static let maximumClosings = 10_000

    /// Runs `lines` through `handler`, whose driver writes to `output`, and returns the process exit
    /// code: 0, or 1 when `strict` and a host command failed. `onRecord` sees every record.
    public static func run(
        lines: [String], handler: SessionInputHandler, strict: Bool, output: OutputChannel,
        onRecord: (CommandRecord) -> Void = { _ in }
    ) -> Int32 {
        let driver = handler.driver
        driver.terminal.isInterrupted = { false }
        var hostCommandFailed = false
        for line in lines {
            guard !driver.isFinished else { break }
            output.out(handler.displayPrompt + line + "\n")
            let record = handler.handle(.line(line))
            onRecord(record)
            if driver.isFinished {
                // The host shell itself exited (`exit N`).
                if record.exitStatus != 0 { hostCommandFailed = true }
            } else if driver.depth == 1, record.exitStatus != 0 {
                hostCommandFailed = true
            }
        }
        // End of the script is end of input: each open program sees Ctrl-D, innermost first.
        var closings = 0
        while !driver.isFinished && closings < maximumClosings {
            onRecord(handler.handle(.endOfInput))
            closings += 1
        }
        return strict && hostCommandFailed ? 1 : 0
    }

    /// A plain session's run: the driver is made here, writing to `output`.
    public static func run(lines: [String], session: LabSession, strict: Bool, output: OutputChannel) -> Int32 {
        let driver = SessionDriver(session: session, out: output.out, err: output.err)
        return run(lines: lines, handler: driver, strict: strict, output: output)
    }
}
