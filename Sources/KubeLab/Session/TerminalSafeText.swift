/// Text from a transcript shown on an instructor's terminal: control characters (escape
/// sequences a hostile transcript could carry) become visible caret notation (`^[`), so nothing
/// in a student's file can move the cursor, recolour or retitle the terminal.
public enum TerminalSafeText {
    public static func make(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: out.unicodeScalars.append(scalar)
            case 0x00..<0x20: out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F: out += "^?"
            case 0x80..<0xA0: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
