/// `kubectl plugin list`: plugins are executables named `kubectl-*` on the user's PATH. kubelab
/// runs no host programs, so none is ever found, and `list` answers as kubectl does on a machine
/// without plugins (plugin.go: `unable to find any kubectl plugins in your PATH`, exit status 1).
struct PluginCommand: KubectlCommand {
    static let name = "plugin"
    static let help = HelpText.usage("""
        Work with kubectl plugins: programs named kubectl-NAME on the PATH that kubectl runs as
        kubectl NAME. kubelab runs no programs of the machine, so it finds none.

        Available Commands:
          list          List the plugin programs on the PATH

        Usage:
          kubectl plugin [flags] [options]
        """)

    let flags = FlagSet([])
    static let listFlags = FlagSet([.init("name-only", nil, .bool)])

    func flagScope(_ argv: [String]) -> FlagScope {
        subcommandScope(argv) { word in word == "list" ? ("list", Self.listFlags) : nil }
    }

    func run(_ call: Invocation) throws -> Int32 {
        guard let word = call.args.first else {
            call.out(Self.help)
            return 0
        }
        guard word == "list" else {
            throw KubectlFailure.usage("unknown command \"\(call.args.joined(separator: " "))\"", command: Self.name)
        }
        throw KubectlFailure.error("unable to find any kubectl plugins in your PATH")
    }
}
