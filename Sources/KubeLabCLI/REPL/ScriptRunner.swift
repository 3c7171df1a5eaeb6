import PodShell

/// `kubelab run`: feeds a script's lines to the terminal as if typed, printing each after the
/// prompt of the program that reads it, so the output reads like a terminal session.
public enum ScriptRunner {
    /// Keeps a program that re-opens itself on Ctrl-D from holding the run forever.
    static let maximumClosings = 10_000

    /// Runs `lines` and returns the process exit code: 0, or 1 when `strict` and a host command failed.
    public static func run(lines: [String], session: LabSession, strict: Bool, output: OutputChannel) -> Int32 {
        let terminal = session.terminal
        terminal.writeOut = output.out
        terminal.writeErr = output.err
        terminal.isInterrupted = { false }
        var hostCommandFailed = false
        for line in lines {
            guard !terminal.isFinished else { break }
            output.out(terminal.prompt + line + "\n")
            let exitCode = terminal.feed(line)
            if terminal.isFinished {
                // The host shell itself exited (`exit N`).
                if let exitCode, exitCode != 0 { hostCommandFailed = true }
            } else if terminal.programs.count == 1, session.lastExitCode != 0 {
                hostCommandFailed = true
            }
        }
        // End of the script is end of input: each open program sees Ctrl-D, innermost first.
        var closings = 0
        while !terminal.isFinished && closings < maximumClosings {
            terminal.endOfInput()
            closings += 1
        }
        return strict && hostCommandFailed ? 1 : 0
    }
}
