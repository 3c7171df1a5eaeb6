/// A byte search for a plain ASCII pattern (`grep Running`), used where it must agree with the
/// search by `Character` that the standard library's `firstRange(of:)` does, which costs tens of
/// thousands of instructions per line. The two agree while the text is ASCII as far as the search
/// reads it: each ASCII character is then one byte, and the pattern holds no `\r` or `\n` that
/// could join into the one-character `\r\n`. Elsewhere (a non-ASCII byte read, or the `K` that a
/// Kelvin sign equals) the answer is "don't know", and the caller searches by `Character`.
struct ASCIILiteralSearch {
    let bytes: [UInt8]

    /// Nil when the pattern is empty or not plain ASCII (then no byte search applies).
    init?(_ literal: [Character]) {
        var bytes: [UInt8] = []
        for ch in literal {
            guard ch.unicodeScalars.count == 1, let scalar = ch.unicodeScalars.first, scalar.isASCII,
                scalar != "\r", scalar != "\n" else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        guard !bytes.isEmpty else { return nil }
        self.bytes = bytes
    }

    enum Answer {
        case found(Range<String.Index>)
        case absent
        /// The text is not ASCII where it matters: search by `Character`.
        case unknown
    }

    /// The first occurrence in `text`.
    func firstRange(in text: Substring) -> Answer {
        let utf8 = text.utf8
        let answer = utf8.withContiguousStorageIfAvailable { haystack -> (Int, Bool)? in
            let n = bytes.count, count = haystack.count
            var i = 0
            while i + n <= count {
                let b = haystack[i]
                if b >= 0x80 { return nil }
                if b == bytes[0] && (1..<n).allSatisfy({ haystack[i + $0] == bytes[$0] }) {
                    // The match ends on a character boundary only if an ASCII byte (or the end) follows.
                    if i + n < count && haystack[i + n] >= 0x80 { return nil }
                    return (i, true)
                }
                i += 1
            }
            while i < count {
                if haystack[i] >= 0x80 { return nil }
                i += 1
            }
            return (0, false)
        }
        guard let answer, let (offset, found) = answer else { return .unknown }
        guard found else { return .absent }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return .found(lower..<utf8.index(lower, offsetBy: bytes.count))
    }
}
