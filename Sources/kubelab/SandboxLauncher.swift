import KubeLab
import CLibEdit
import KubeLabCLI
#if canImport(Glibc)
import Glibc
#endif

/// `kubelab` with no subcommand: the interactive sandbox, with libedit on a terminal and plain
/// reads when input or output is a pipe or `TERM=dumb`.
enum SandboxLauncher {
    static let historyFile = ".kubelab_history"

    static func run(options: LabOptions) -> Int32 {
        let environment = ["NO_COLOR": getenv("NO_COLOR"), "TERM": getenv("TERM")].compactMapValues {
            $0.map { String(cString: $0) }
        }
        let onTerminal = isatty(0) == 1 && isatty(1) == 1 && environment["TERM"] != "dumb"
        let interrupts = InterruptSignal.install()
        let output = OutputChannel.standard()
        let session = makeSession(options)
        var editor: EditLineReader?
        if onTerminal {
            _ = cel_use_utf8_locale()
            editor = EditLineReader(historyFile: historyFile) { [unowned session] line, cursor in
                session.complete(line: line, cursor: cursor)
            }
        }
        let reader: LineReader = editor ?? PipedLineReader()
        if editor != nil { output.out(UsageText.banner(nodes: options.nodes)) }
        let loop = InteractiveLoop(
            handler: SessionDriver(session: session, out: output.out, err: output.err),
            reader: reader,
            output: output,
            interrupts: interrupts,
            style: PromptStyle.detect(environment: environment, outputIsTerminal: editor != nil),
            clock: MonotonicWallClock())
        let code = loop.run()
        editor?.close()
        return code
    }
}
