import CLibEdit
import KubeLab
import KubeLabCLI
#if canImport(Glibc)
import Glibc
#endif

/// What the sandbox and a lesson share at the keyboard: libedit on a terminal (plain reads when
/// input or output is a pipe or `TERM=dumb`), Ctrl-C, colour rules, and the read–run loop.
struct TerminalFrontEnd {
    static let historyFile = ".kubelab_history"

    let environment: [String: String]
    let onTerminal: Bool
    let interrupts: InterruptFlag
    let output = OutputChannel.standard()

    init() {
        environment = ["NO_COLOR": getenv("NO_COLOR"), "TERM": getenv("TERM")].compactMapValues {
            $0.map { String(cString: $0) }
        }
        onTerminal = isatty(0) == 1 && isatty(1) == 1 && environment["TERM"] != "dumb"
        interrupts = InterruptSignal.install()
    }

    /// Whether standard input is a terminal at all (a lesson fed from a pipe runs as a script).
    static var inputIsTerminal: Bool { isatty(0) == 1 }

    var style: PromptStyle { PromptStyle.detect(environment: environment, outputIsTerminal: onTerminal) }

    /// Runs the loop over `handler` until its host shell exits; `banner` is shown on a terminal.
    func run(_ handler: SessionInputHandler, banner: String?, didHandle: @escaping (CommandRecord) -> Void) -> Int32 {
        var editor: EditLineReader?
        if onTerminal {
            _ = cel_use_utf8_locale()
            editor = EditLineReader(historyFile: Self.historyFile) { [unowned handler] line, cursor in
                handler.complete(line: line, cursor: cursor)
            }
        }
        let reader: LineReader = editor ?? PipedLineReader()
        if editor != nil, let banner { output.out(banner) }
        let loop = InteractiveLoop(
            handler: handler, reader: reader, output: output, interrupts: interrupts,
            style: PromptStyle.detect(environment: environment, outputIsTerminal: editor != nil),
            clock: MonotonicWallClock())
        loop.didHandle = didHandle
        let code = loop.run()
        editor?.close()
        return code
    }
}
