/// `timeout DURATION CMD` (GNU coreutils, and busybox's applet). Only waiting takes cluster time
/// here, so the limit is enforced on waits: a wait that would pass the deadline ends at it, the
/// command is stopped, and timeout exits 124 as it does after killing with SIGTERM.
extension Utilities {
    public static func timeout(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments[...]
        while let a = args.first, a.hasPrefix("-"), a != "-" {
            args = args.dropFirst()
            if a == "-s" || a == "-k" || a == "--signal" || a == "--kill-after" { args = args.dropFirst() }
        }
        guard let durationText = args.first, args.count >= 2 else { return ctx.report("missing operand") }
        guard let limit = durationMilliseconds(durationText) else {
            ctx.writeError("timeout: invalid time interval '\(durationText)'\nTry 'timeout --help' for more information.\n")
            return 125
        }
        let env = ctx.environment
        // `timeout 0 CMD` means no limit.
        guard limit > 0 else { return ctx.runCommand(Array(args.dropFirst())) }
        let deadline = env.now() &+ limit
        let originalSleep = env.sleep, originalInterrupted = env.isInterrupted
        var expired = false
        env.sleep = { ms in
            let remaining = deadline - env.now()
            guard ms >= remaining else { return originalSleep(ms) }
            _ = originalSleep(max(0, remaining))
            expired = true
            return false
        }
        env.isInterrupted = { expired || originalInterrupted() }
        defer { env.sleep = originalSleep; env.isInterrupted = originalInterrupted }
        let status = ctx.runCommand(Array(args.dropFirst()))
        guard expired else { return status }
        // The stop was timeout's, not the learner's Ctrl-C: the rest of the line goes on.
        env.isInterrupted = originalInterrupted
        ctx.interpreter.abortChild = false
        return 124
    }

    /// A floating-point number with an optional s/m/h/d suffix, as `sleep` and `timeout` read it.
    static func durationMilliseconds(_ text: String) -> Int64? {
        var number = text
        var unit: Double = 1
        if let last = number.last, "smhd".contains(last) {
            unit = last == "s" ? 1 : (last == "m" ? 60 : (last == "h" ? 3600 : 86400))
            number.removeLast()
        }
        guard let value = Double(number), value >= 0, value.isFinite else { return nil }
        return Int64(min(value * unit, 7 * 86400) * 1000)
    }
}
