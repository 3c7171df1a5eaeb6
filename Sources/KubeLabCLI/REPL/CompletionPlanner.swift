/// What Tab does with the candidates the session offers.
public enum CompletionAction: Equatable, Sendable {
    /// Insert this text at the cursor: the rest of the only match, plus a space unless it ends in `/` or `=`.
    case complete(String)
    /// Insert this text at the cursor: it extends the word to the longest prefix all matches share.
    case extend(String)
    /// Several candidates and nothing more to insert: show them (second Tab).
    case list([String])
    /// Nothing to do yet: ring the bell (no candidate, or a first Tab among several).
    case beep
}

/// The line-editor-independent half of Tab completion, as bash does it: a unique match is
/// completed, several are completed to their common prefix, a second Tab lists them.
public enum CompletionPlanner {
    /// Listing more would scroll the screen away; the rest is summarised.
    public static let maximumListed = 200

    /// The word that ends at `cursor` (Characters into `line`): everything after the last space before it.
    public static func currentWord(line: String, cursor: Int) -> String {
        let head = line.prefix(max(0, cursor))
        guard let space = head.lastIndex(where: { $0 == " " || $0 == "\t" }) else { return String(head) }
        return String(head[head.index(after: space)...])
    }

    public static func plan(word: String, candidates: [String], repeatedTab: Bool) -> CompletionAction {
        let matches = Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
        guard let first = matches.first else { return .beep }
        if matches.count == 1 {
            let rest = String(first.dropFirst(word.count))
            let ending = first.hasSuffix("/") || first.hasSuffix("=") ? "" : " "
            return .complete(rest + ending)
        }
        let common = matches.dropFirst().reduce(first) { commonPrefix($0, $1) }
        if common.count > word.count { return .extend(String(common.dropFirst(word.count))) }
        return repeatedTab ? .list(matches) : .beep
    }

    /// Candidates in columns across `width` cells, filled top to bottom like bash's listing,
    /// each row ending in a newline.
    public static func layout(_ candidates: [String], width: Int) -> String {
        let shown = Array(candidates.prefix(maximumListed))
        guard !shown.isEmpty else { return "" }
        let cellWidth = (shown.map(displayWidth).max() ?? 0) + 2
        let columns = max(1, min(shown.count, max(1, width) / cellWidth))
        let rows = (shown.count + columns - 1) / columns
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let entry = shown[index]
                let isLast = column == columns - 1 || index + rows >= shown.count
                line += isLast ? entry : entry + String(repeating: " ", count: cellWidth - displayWidth(entry))
            }
            text += line + "\n"
        }
        if candidates.count > shown.count { text += "... and \(candidates.count - shown.count) more\n" }
        return text
    }

    /// Terminal cells a text takes: East Asian wide characters (Hangul, kana, CJK) take two.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F: width  // combining marks, zero-width spaces
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
                width + 2
            default: width + 1
            }
        }
    }

    private static func commonPrefix(_ a: String, _ b: String) -> String {
        String(zip(a, b).prefix { $0 == $1 }.map(\.0))
    }
}
