/// `kubectl alpha`: in v1.32 it has no subcommands left, so cobra hides it from the root help, and
/// its help function (alpha.go) answers every use, `--help` and `kubectl help alpha` included, with
/// one line on standard error and exit status 0. Flags are still parsed first: `--bogus` is
/// cobra's unknown-flag error.
struct AlphaCommand: KubectlCommand {
    static let name = "alpha"
    static let help = "No alpha commands are available in this version of kubectl\n"
    /// alpha.go prints with cobra's `Println`, which writes to standard error.
    static var helpOnStandardError: Bool { true }

    let flags = FlagSet([])

    func run(_ call: Invocation) throws -> Int32 {
        call.err(Self.help)
        return 0
    }
}
