/// Character tests both matchers share, so case folding and word constituents mean the same
/// thing in grep, sed, awk, expr and `[[ =~ ]]`.
enum RegexCharacter {
    /// Word constituents as GNU's `\w` and grep -w see them: letters, digits and underscore.
    static func isWord(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    /// The one character a case-insensitive match compares; ASCII without allocating.
    static func fold(_ c: Character) -> Character {
        if let a = c.asciiValue {
            return a >= 65 && a <= 90 ? Character(Unicode.Scalar(a + 32)) : c
        }
        let lower = c.lowercased()
        return lower.count == 1 ? Character(lower) : c
    }

    /// Upper-case partner, for bracket expressions under ignore-case (`[A-Z]` with -i matches `q`).
    static func upper(_ c: Character) -> Character {
        if let a = c.asciiValue {
            return a >= 97 && a <= 122 ? Character(Unicode.Scalar(a - 32)) : c
        }
        let up = c.uppercased()
        return up.count == 1 ? Character(up) : c
    }
}
