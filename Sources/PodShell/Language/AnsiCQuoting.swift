/// `$'...'` (ANSI-C quoting): the text between the quotes with its backslash escapes decoded.
///
/// bash decodes `\a \b \e \E \f \n \r \t \v \\ \' \" \?`, octal `\NNN` (one to three digits), hex
/// `\xHH` (one or two), `\uHHHH` and `\UHHHHHHHH` (as UTF-8) and control characters `\cX`; a NUL ends
/// the string. busybox ash knows the C escapes, octal and hex, but not `\e`, `\E`, `\u`, `\U`, `\?` or
/// `\cX` (kept as written), and drops a NUL. Any other backslash is kept with its character.
enum AnsiCQuoting {
    static func decode(_ text: String, busybox: Bool) -> String {
        let c = Array(text)
        var out = ""
        var i = 0
        func digits(from start: Int, max count: Int, radix: Int) -> (value: UInt32, length: Int) {
            var value: UInt32 = 0, length = 0
            while length < count, start + length < c.count, let d = c[start + length].hexDigitValue, d < radix {
                value = value &* UInt32(radix) &+ UInt32(d)
                length += 1
            }
            return (value, length)
        }
        while i < c.count {
            guard c[i] == "\\", i + 1 < c.count else { out.append(c[i]); i += 1; continue }
            let e = c[i + 1]
            i += 2
            var scalar: UInt32?
            switch e {
            case "a": scalar = 7
            case "b": scalar = 8
            case "f": scalar = 12
            case "n": scalar = 10
            case "r": scalar = 13
            case "t": scalar = 9
            case "v": scalar = 11
            case "\\", "'", "\"": scalar = e.unicodeScalars.first!.value
            case "?" where !busybox: scalar = 63
            case "e", "E": if !busybox { scalar = 27 }
            case "0"..."7":
                let (value, length) = digits(from: i - 1, max: 3, radix: 8)
                i += length - 1
                scalar = value & 0xFF
            case "x":
                let (value, length) = digits(from: i, max: 2, radix: 16)
                if length > 0 { i += length; scalar = value }
            case "u", "U":
                guard !busybox else { break }
                let (value, length) = digits(from: i, max: e == "u" ? 4 : 8, radix: 16)
                if length > 0 { i += length; scalar = value }
            case "c" where !busybox && i < c.count:
                let control = c[i].uppercased().unicodeScalars.first!.value
                i += 1
                scalar = control == 63 ? 127 : control & 0x1F
            default: break
            }
            guard let scalar else { out.append("\\"); out.append(e); continue }
            if scalar == 0 {
                if busybox { continue }
                break
            }
            // A byte above 0x7F (`\xe9`) is not UTF-8 on its own: kubelab's strings keep it as that Latin-1 character.
            out.unicodeScalars.append(Unicode.Scalar(scalar) ?? "\u{FFFD}")
        }
        return out
    }
}
