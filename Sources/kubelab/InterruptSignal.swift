import CLibEdit
import KubeLabCLI

/// Ctrl-C for the whole process. Every use of the shim's SIGINT flag lives in this one file,
/// because each Swift object file gets its own copy of a C header's static variable.
enum InterruptSignal {
    /// Installs the handler (without SA_RESTART) and returns the flag the REPL polls.
    static func install() -> InterruptFlag {
        _ = cel_sigint_install()
        return InterruptFlag(isSet: { cel_sigint_seen() != 0 }, clear: { cel_sigint_clear() })
    }
}
