extension Utilities {
    /// `xargs [-n N] [-I R] [CMD [ARGS]]`: runs the command (default `echo`) over stdin's words.
    public static func xargs(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments[...]
        var perCall = Int.max
        var replace: String? = nil
        while let a = args.first, a.hasPrefix("-") {
            args = args.dropFirst()
            if a == "-n", let v = args.popFirst() { perCall = max(1, Int(v) ?? 1) }
            else if a.hasPrefix("-n"), let v = Int(a.dropFirst(2)) { perCall = max(1, v) }
            else if a == "-I", let v = args.popFirst() { replace = v }
            else if a == "-0" || a == "-r" || a == "-t" { continue }
        }
        let command = args.isEmpty ? ["echo"] : Array(args)
        let input = ctx.readStdin()
        var status: Int32 = 0
        if let r = replace {
            for line in splitLines(input) where !line.isEmpty {
                let argv = command.map { $0.replacingAll(r, with: String(line)) }
                if ctx.runCommand(argv, stdin: ShellInput("")) != 0 { status = 123 }
                if ctx.isInterrupted { return 130 }
            }
            return status
        }
        let words = input.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        if words.isEmpty { return ctx.runCommand(command, stdin: ShellInput("")) == 0 ? 0 : 123 }
        var index = 0
        var calls = 0
        while index < words.count {
            let batch = Array(words[index..<min(words.count, index + perCall)])
            index += batch.count
            calls += 1
            if calls > 10_000 { break }
            if ctx.runCommand(command + batch, stdin: ShellInput("")) != 0 { status = 123 }
            if ctx.isInterrupted { return 130 }
        }
        return status
    }
}
