extension Utilities {
    public static func seq(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments
        var separator = "\n"
        var equalWidth = false
        while let a = args.first, a.hasPrefix("-"), Double(a) == nil {
            args.removeFirst()
            if a == "-s", !args.isEmpty { separator = args.removeFirst() }
            else if a.hasPrefix("-s") { separator = String(a.dropFirst(2)) }
            else if a == "-w" { equalWidth = true }
        }
        let numbers = args.compactMap { Double($0) }
        guard numbers.count == args.count, (1...3).contains(numbers.count) else {
            if let bad = args.first(where: { Double($0) == nil }) {
                ctx.writeError(ctx.isBusybox ? "seq: invalid number '\(bad)'\n" : "seq: invalid floating point argument: '\(bad)'\nTry 'seq --help' for more information.\n")
            } else {
                ctx.writeError(ctx.isBusybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n" : "seq: missing operand\nTry 'seq --help' for more information.\n")
            }
            return 1
        }
        let first = numbers.count > 1 ? numbers[0] : 1
        let step = numbers.count == 3 ? numbers[1] : 1
        let last = numbers[numbers.count - 1]
        guard step != 0 else { return ctx.report("invalid Zero increment value: '0'") }
        if let nan = zip(args, numbers).first(where: { $0.1.isNaN })?.0 {
            ctx.writeError(ctx.isBusybox ? "seq: invalid number '\(nan)'\n" : "seq: invalid 'not-a-number' argument: '\(nan)'\nTry 'seq --help' for more information.\n")
            return 1
        }
        let integral = [first, step, last].allSatisfy { $0 == $0.rounded() } && args.allSatisfy { !$0.contains(".") }
        let integers = args.compactMap { Int($0) }
        if integers.count == args.count && !equalWidth {
            return integerSequence(ctx, first: integers.count > 1 ? integers[0] : 1, step: integers.count == 3 ? integers[1] : 1,
                                   last: integers[integers.count - 1], separator: separator)
        }
        let decimals = args.map { $0.split(separator: ".").count > 1 ? $0.split(separator: ".")[1].count : 0 }.max() ?? 0
        var out = ""
        var v = first
        var count = 0
        let width = integral ? max(integralText(first).count, integralText(last).count) : 0
        while step > 0 ? v <= last + 1e-9 : v >= last - 1e-9 {
            var text = integral ? integralText(v) : formatFixed(v, digits: decimals)
            if equalWidth && text.count < width { text = String(repeating: "0", count: width - text.count) + text }
            out += (count > 0 ? separator : "") + text
            count += 1
            if out.utf8.count > 1 << 16 { if !ctx.write(out) { return 1 }; out = "" }
            let next = first + Double(count) * step
            // Past 2^53 adding the step may not change a Double: stop rather than repeat a value forever.
            if next == v { break }
            v = next
        }
        if count > 0 { out += "\n" }
        return ctx.write(out) ? 0 : 1
    }

    /// `seq` over Int operands, exact up to Int.max (a Double would print 9223372036854775807 as ...808);
    /// stepping past Int's range ends the sequence, as the next value would be beyond LAST anyway.
    private static func integerSequence(_ ctx: CommandContext, first: Int, step: Int, last: Int, separator: String) -> Int32 {
        var out = ""
        var v = first
        var count = 0
        while step > 0 ? v <= last : v >= last {
            out += (count > 0 ? separator : "") + String(v)
            count += 1
            if out.utf8.count > 1 << 16 { if !ctx.write(out) { return 1 }; out = "" }
            let (next, overflow) = v.addingReportingOverflow(step)
            if overflow { break }
            v = next
        }
        if count > 0 { out += "\n" }
        return ctx.write(out) ? 0 : 1
    }

    /// A whole number as seq prints it: exact up to 2^64 (`seq 1e19` starts at 10000000000000000000),
    /// Swift's shortest form beyond, never a trapping `Int(_:)` conversion.
    private static func integralText(_ v: Double) -> String {
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if abs(v) < 9_223_372_036_854_775_808.0 { return String(Int(v)) }
        if abs(v) < 18_446_744_073_709_551_616.0 { return (v < 0 ? "-" : "") + String(UInt64(abs(v))) }
        return String(v)
    }

    /// `yes [STRING]`: bounded by the command line's output budget.
    public static func yes(_ ctx: CommandContext) -> Int32 {
        let line = (ctx.arguments.isEmpty ? "y" : ctx.arguments.joined(separator: " ")) + "\n"
        let chunk = String(repeating: line, count: max(1, 8192 / line.utf8.count))
        while ctx.write(chunk) {
            if ctx.isInterrupted { return 130 }
        }
        return 1
    }

    public static func rev(_ ctx: CommandContext) -> Int32 {
        let (inputs, failed) = ctx.inputs(ctx.arguments)
        var out = ""
        for (_, text) in inputs { for line in splitLines(text) { out += String(line.reversed()) + "\n" } }
        ctx.write(out)
        return failed ? 1 : 0
    }
}
