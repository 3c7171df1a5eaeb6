import PodShell

/// What the drivers (REPL, `kubelab run`, lessons, replay) need from a session; `Lab` conforms to
/// it, and tests drive the same code with small fakes.
///
/// `SessionDriver` installs `terminal.writeOut` and `terminal.writeErr`; the REPL also installs
/// `terminal.isInterrupted` and `terminal.wait` (real time, stopped by Ctrl-C). In scripts the
/// session's own `terminal.wait` (the virtual clock alone) is kept; replay bounds it (`ReplayClock`).
public protocol LabSession: AnyObject {
    /// Its root program is the host shell.
    var terminal: Terminal { get }
    /// `$?` of the host shell: the exit status of the last host command that finished
    /// (a `kubectl exec -it` that returned counts with the status it returned).
    var lastExitCode: Int32 { get }
    /// Cluster time in milliseconds since the session started: the time marks of a record.
    var clockMillis: Int64 { get }
    /// Moves the cluster clock forward by wall time that passed (interactive sessions only).
    func advanceWallClock(ms: Int64)
    /// Tab completion: full replacements for the word that ends at `cursor` (a count of
    /// Characters of `line`); the word starts after the last space before the cursor. Candidates
    /// that do not start with that word are ignored; a candidate ending in `/` or `=` gets no space.
    func complete(line: String, cursor: Int) -> [String]
}

extension LabSession {
    /// Moves the clock to a recorded time mark; a mark in the past leaves it where it is.
    public func advanceClock(toMillis target: Int64) {
        let now = clockMillis
        if target > now { advanceWallClock(ms: target - now) }
    }
}
