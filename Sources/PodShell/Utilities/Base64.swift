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
            guard let bytes = Base64Codec.decode(input) else {
                ctx.writeError("base64: invalid input\n")
                return 1
            }
            ctx.write(String(decoding: bytes, as: UTF8.self))
            return 0
        }
        let encoded = Base64Codec.encode(input)
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

/// RFC 4648 base64 without Foundation.
enum Base64Codec {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// nil when the input has characters outside the alphabet (whitespace is skipped).
    static func decode(_ input: [UInt8]) -> [UInt8]? {
        var values: [UInt8] = []
        var padding = 0
        for c in input {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(c - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(c - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(c - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "+"): values.append(62)
            case UInt8(ascii: "/"): values.append(63)
            case UInt8(ascii: "="): padding += 1; continue
            case 10, 13, 32, 9: continue
            default: return nil
            }
            if padding > 0 { return nil }
        }
        if values.count % 4 == 1 { return nil }
        var out: [UInt8] = []
        var i = 0
        while i + 1 < values.count {
            out.append(values[i] << 2 | values[i + 1] >> 4)
            if i + 2 < values.count { out.append((values[i + 1] & 0x0F) << 4 | values[i + 2] >> 2) }
            if i + 3 < values.count { out.append((values[i + 2] & 0x03) << 6 | values[i + 3]) }
            i += 4
        }
        return out
    }
}
