import PodShell

/// What the REPL and `kubelab run` need from a session; the lead's `Lab` conforms to it, and tests
/// drive the same code with small fakes.
///
/// The drivers install `terminal.writeOut`, `terminal.writeErr` and `terminal.isInterrupted`; the REPL
/// also installs `terminal.wait` (real time, stopped by Ctrl-C). In `kubelab run` the session's own
/// `terminal.wait` (the virtual clock alone) is kept.
public protocol LabSession: AnyObject {
    /// Its root program is the host shell.
    var terminal: Terminal { get }
    /// `$?` of the host shell: the exit status of the last host command that finished
    /// (a `kubectl exec -it` that returned counts with the status it returned).
    var lastExitCode: Int32 { get }
    /// Moves the cluster clock forward by wall time that passed (interactive sessions only).
    func advanceWallClock(ms: Int64)
    /// Tab completion: full replacements for the word that ends at `cursor` (a count of
    /// Characters of `line`); the word starts after the last space before the cursor. Candidates
    /// that do not start with that word are ignored; a candidate ending in `/` or `=` gets no space.
    func complete(line: String, cursor: Int) -> [String]
}
