/// What a person types into: a stack of line-reading programs (host shell, a container's
/// bash after `kubectl exec -it`, `mysql>` inside that), each with its own prompt.
///
/// The REPL and `kubelab run` drive the same Terminal, so a script's lines go to whichever
/// program would read them in a real terminal.
public final class Terminal {
    public enum Mode: Sendable { case interactive, script }

    public let mode: Mode
    public private(set) var programs: [LineProgram] = []
    /// Standard output and standard error of whatever runs in this terminal.
    public var writeOut: (String) -> Void
    public var writeErr: (String) -> Void
    /// Set by the REPL's SIGINT handler; long-running commands poll it.
    public var isInterrupted: () -> Bool = { false }
    /// Waits `ms` of cluster time: real time in the REPL, the virtual clock alone in scripts.
    /// Returns false when Ctrl-C cut the wait short.
    public var wait: (Int64) -> Bool = { _ in true }

    public init(mode: Mode, writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void) {
        self.mode = mode
        self.writeOut = writeOut
        self.writeErr = writeErr
    }

    /// The prompt of the program that reads the next line.
    public var prompt: String { programs.last?.prompt ?? "" }
    public var isFinished: Bool { programs.isEmpty }

    public func push(_ program: LineProgram) { programs.append(program) }

    /// Gives one line to the innermost program; pops it when it exits and returns its exit code.
    @discardableResult
    public func feed(_ line: String) -> Int32? {
        guard let top = programs.last else { return nil }
        let depth = programs.count
        switch top.handle(line: line, terminal: self) {
        case .continue:
            return nil
        case .exit(let code):
            // The program may have pushed children before exiting; remove it wherever it is.
            if let i = programs.lastIndex(where: { $0 === top }), programs.count >= depth { programs.remove(at: i) }
            programs.last?.childExited(code: code, terminal: self)
            popParentsThatExited()
            return code
        }
    }

    /// End of input (Ctrl-D) at the current prompt: the innermost program exits as on `exit`.
    public func endOfInput() {
        // Ctrl-D in the middle of a command only ends that command.
        if let top = programs.last, top.abandonPendingInput(terminal: self) { return }
        guard let top = programs.popLast() else { return }
        top.endOfInput(terminal: self)
        programs.last?.childExited(code: 0, terminal: self)
        popParentsThatExited()
    }

    /// A parent whose line resumed after its child (`kubectl exec -it x -- bash; exit`) and ran
    /// `exit` leaves as well.
    private func popParentsThatExited() {
        while let parent = programs.last, let code = parent.pendingExit {
            programs.removeLast()
            programs.last?.childExited(code: code, terminal: self)
        }
    }

    /// Ctrl-C at the prompt: the innermost program drops any half-typed input.
    public func interrupt() { programs.last?.interrupt(terminal: self) }
}

/// The outcome of handling one line.
public enum LineResult: Equatable, Sendable {
    case `continue`
    case exit(Int32)
}

/// A program that reads lines from the terminal until it exits.
public protocol LineProgram: AnyObject {
    /// Shown before each line it reads (`$ `, `root@mysql-0:/# `, `mysql> `, `> ` for a continuation).
    var prompt: String { get }
    func handle(line: String, terminal: Terminal) -> LineResult
    /// Ctrl-C at its prompt.
    func interrupt(terminal: Terminal)
    /// Ctrl-D at its prompt (it is removed from the terminal afterwards).
    func endOfInput(terminal: Terminal)
    /// Ctrl-D while a command is half typed: drops it (saying why) and returns true, so the program
    /// stays; false when nothing was pending.
    func abandonPendingInput(terminal: Terminal) -> Bool
    /// A program it started (pushed) has exited.
    func childExited(code: Int32, terminal: Terminal)
    /// Set when the program ended while resuming after a child's exit (its line ran `exit`).
    var pendingExit: Int32? { get }
}

extension LineProgram {
    public func interrupt(terminal: Terminal) {}
    public func endOfInput(terminal: Terminal) {}
    public func abandonPendingInput(terminal: Terminal) -> Bool { false }
    public func childExited(code: Int32, terminal: Terminal) {}
    public var pendingExit: Int32? { nil }
}
