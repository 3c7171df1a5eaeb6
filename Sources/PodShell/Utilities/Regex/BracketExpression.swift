/// A POSIX bracket expression (`[a-z]`, `[^]x]`, `[[:alpha:]_]`), matched one character at a time.
struct BracketExpression {
    /// The classes POSIX names inside `[: :]`.
    enum NamedClass: String {
        case alpha, digit, alnum, upper, lower, space, blank, punct, print, graph, cntrl, xdigit

        func contains(_ c: Character) -> Bool {
            switch self {
            case .alpha: return c.isLetter
            case .digit: return c.isASCIIDigit
            case .alnum: return c.isLetter || c.isNumber
            case .upper: return c.isUppercase
            case .lower: return c.isLowercase
            case .space: return c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}"
            case .blank: return c == " " || c == "\t"
            case .punct: return c.isASCII && c.isPunctuationOrSymbol
            case .print: return !NamedClass.cntrl.contains(c)
            case .graph: return !NamedClass.cntrl.contains(c) && c != " "
            case .cntrl: return c.asciiValue.map { $0 < 32 || $0 == 127 } ?? false
            case .xdigit: return c.isHexDigit
            }
        }
    }

    var negated = false
    var characters: Set<Character> = []
    var ranges: [ClosedRange<Unicode.Scalar>] = []
    var classes: [NamedClass] = []

    func matches(_ c: Character, ignoreCase: Bool) -> Bool {
        let hit = contains(c) || ignoreCase && (contains(RegexCharacter.fold(c)) || contains(RegexCharacter.upper(c)))
        return hit != negated
    }

    private func contains(_ c: Character) -> Bool {
        if characters.contains(c) { return true }
        if !ranges.isEmpty, let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, ranges.contains(where: { $0.contains(s) }) { return true }
        return classes.contains { $0.contains(c) }
    }
}

private extension Character {
    var isPunctuationOrSymbol: Bool { isPunctuation || isSymbol }
}
