import KubeAPI
extension Utilities {
    /// `base64 [-d|--decode] [-w COLS] [FILE]`: learners decode Secret data with it
    /// (`kubectl get secret s -o jsonpath='{.data.password}' | base64 -d`).
    public static func base64(_ ctx: CommandContext) -> Int32 {
        var decode = false
        var wrap = 76
        var operands: [String] = []
        var args = ctx.arguments[...]
        while let a = args.popFirst() {
            switch a {
            case "-d", "--decode", "-D": decode = true
            case "-i", "--ignore-garbage": break
            case "-w":
                guard let v = args.popFirst(), let n = Int(v), n >= 0 else { return ctx.report("invalid wrap size") }
                wrap = n
            default:
                if a.hasPrefix("--wrap=") { wrap = Int(a.dropFirst(7)) ?? 76 }
                else if a.hasPrefix("-w"), let n = Int(a.dropFirst(2)) { wrap = n }
                else if a.hasPrefix("-") && a != "-" {
                    ctx.writeError("base64: invalid option -- '\(a.dropFirst().prefix(1))'\nTry 'base64 --help' for more information.\n")
                    return 1
                } else { operands.append(a) }
            }
        }
        let input: [UInt8]
        if let file = operands.first, file != "-" {
            do { input = try ctx.fileSystem.readFile(ctx.absolutePath(file), limit: ctx.environment.limits.maxOutputBytes) } catch let e as FileSystemError {
                ctx.writeError("base64: \(file): \(e.message)\n")
                return 1
            } catch { return 1 }
        } else {
            input = Array(ctx.readStdin().utf8)
        }
        if decode {
            // Line breaks in the input are allowed, as coreutils' decoder allows them.
            let text = String(decoding: input.filter { $0 != 10 && $0 != 13 && $0 != 32 }, as: UTF8.self)
            guard let bytes = Base64.decode(text) else {
                ctx.writeError("base64: invalid input\n")
                return 1
            }
            ctx.write(String(decoding: bytes, as: UTF8.self))
            return 0
        }
        let encoded = Base64.encode(input)
        var out = ""
        // `-w 0` prints one line without a trailing newline, as GNU base64 does.
        if wrap == 0 { out = encoded } else {
            var line = ""
            for c in encoded {
                line.append(c)
                if line.count == wrap { out += line + "\n"; line = "" }
            }
            if !line.isEmpty { out += line + "\n" }
        }
        ctx.write(out)
        return 0
    }
}
