extension Utilities {
    /// `sh -c 'script' [name [args]]`, `sh script.sh args`, and `sh` reading commands from
    /// stdin. With a terminal as stdin it pushes an interactive `ShellSession` onto the terminal.
    public static func shell(_ ctx: CommandContext) -> Int32 {
        // `bash` is bash; `sh` is busybox ash in busybox images and dash everywhere else.
        let dialect: ShellDialect = ctx.name == "bash" ? .bash : (ctx.dialect == .busyboxSh ? .busyboxSh : .dash)
        var args = ctx.arguments[...]
        var commandString: String? = nil
        while let a = args.first, a.hasPrefix("-"), a != "-", a != "--" {
            args = args.dropFirst()
            if a == "-c" {
                guard let s = args.popFirst() else {
                    ctx.writeError(dialect == .bash ? "bash: -c: option requires an argument\n" : "sh: -c requires an argument\n")
                    return 2
                }
                commandString = s
            } else if a.hasPrefix("-") && a.contains("c") {
                commandString = args.popFirst() ?? ""
            }
            // -e -x -l -i and friends are accepted and ignored.
        }
        if args.first == "--" { args = args.dropFirst() }
        if let source = commandString {
            let name = args.popFirst() ?? ctx.name
            return ctx.runScript(source, name: name, arguments: Array(args), dialect: dialect)
        }
        if let file = args.popFirst() {
            let path = ctx.absolutePath(file)
            guard let text = try? ctx.fileSystem.readText(path, limit: 1 << 20) else {
                if ctx.fileSystem.isDirectory(path) {
                    ctx.writeError(dialect == .bash ? "bash: \(file): Is a directory\n" : "sh: 0: cannot open \(file): Is a directory\n")
                    return 126
                }
                switch dialect {
                case .busyboxSh: ctx.writeError("sh: can't open '\(file)': No such file or directory\n")
                case .dash: ctx.writeError("sh: 0: cannot open \(file): No such file\n")
                default: ctx.writeError("bash: \(file): No such file or directory\n")
                }
                return 127
            }
            return ctx.runScript(text, name: file, arguments: Array(args), dialect: dialect)
        }
        if ctx.stdinIsTerminal, let terminal = ctx.terminal {
            let child = ctx.environment.makeChild()
            child.dialect = dialect
            let prompt: (ShellEnvironment) -> String
            switch dialect {
            case .busyboxSh: prompt = { ShellSession.busyboxPrompt($0) }
            case .dash: prompt = { ShellSession.dashPrompt($0) }
            default: prompt = { ShellSession.bashPrompt($0) }
            }
            let session = ShellSession(environment: child, makePrompt: prompt)
            terminal.push(session)
            return 0
        }
        return ctx.runScript(ctx.readStdin(), name: ctx.name, arguments: [], dialect: dialect)
    }
}
