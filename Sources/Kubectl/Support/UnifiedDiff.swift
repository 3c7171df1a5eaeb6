/// `diff -u` of two texts, for `kubectl diff` and for a replay's differences: kubelab runs no host
/// program, so the diff(1) kubectl would call is written here, in GNU diff's unified format (3 lines of context, hunks
/// closer than twice that merged, `-l,s +l,s` ranges with a count of 1 left out).
///
/// Lines common to both ends are set aside first (an object's diff is a few changed lines), and
/// the rest is aligned by a longest common subsequence. A middle too large to align within
/// `alignmentLimit` cells is shown as removed and added whole: the output stays a correct diff
/// that `patch` would apply, only longer than GNU diff's.
public enum UnifiedDiff {
    static let context = 3
    /// Cells of the alignment table (old lines × new lines of the differing middle).
    static let alignmentLimit = 4_000_000

    enum Line: Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The hunks of `diff -u` (without the `---`/`+++` labels); empty when the texts are equal.
    public static func hunks(_ old: String, _ new: String) -> String {
        let script = edits(lines(of: old), lines(of: new))
        var changes: [Int] = []
        for (i, line) in script.enumerated() where !line.isSame { changes.append(i) }
        guard !changes.isEmpty else { return "" }
        // Groups of changes separated by at most 2 × context unchanged lines share a hunk.
        var groups: [(first: Int, last: Int)] = []
        for i in changes {
            if let last = groups.last, i - last.last <= 2 * context + 1 { groups[groups.count - 1].last = i }
            else { groups.append((i, i)) }
        }
        var out = ""
        for group in groups {
            let start = max(0, group.first - context), end = min(script.count - 1, group.last + context)
            var oldStart = 0, newStart = 0
            for line in script[..<start] {
                if case .added = line {} else { oldStart += 1 }
                if case .removed = line {} else { newStart += 1 }
            }
            var oldCount = 0, newCount = 0, body = ""
            for line in script[start...end] {
                switch line {
                case .same(let t): oldCount += 1; newCount += 1; body += " " + t + "\n"
                case .removed(let t): oldCount += 1; body += "-" + t + "\n"
                case .added(let t): newCount += 1; body += "+" + t + "\n"
                }
            }
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
        }
        return out
    }

    /// GNU diff's range: the first line and the count, the count left out when it is 1; an empty
    /// range names the line before it.
    private static func range(_ before: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(before),0"
        case 1: return "\(before + 1)"
        default: return "\(before + 1),\(count)"
        }
    }

    /// The text's lines without their newlines (the YAML printer ends every line with one).
    static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The edit script from `a` to `b`: removals before additions within each change, as GNU diff prints them.
    static func edits(_ a: [String], _ b: [String]) -> [Line] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var script = a[..<prefix].map(Line.same)
        script += align(midA, midB)
        script += a[(a.count - suffix)...].map(Line.same)
        return script
    }

    /// A longest-common-subsequence alignment of the middle, read forwards so that the earliest
    /// common lines pair up; each run of changes is put as its removals, then its additions.
    private static func align(_ a: [String], _ b: [String]) -> [Line] {
        let n = a.count, m = b.count
        guard n > 0, m > 0, n * m <= alignmentLimit else { return a.map(Line.removed) + b.map(Line.added) }
        // lengths[i * (m + 1) + j]: the LCS length of a[i...] and b[j...].
        var lengths = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i * (m + 1) + j] = a[i] == b[j]
                    ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
            }
        }
        var out: [Line] = [], removed: [Line] = [], added: [Line] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                out += removed + added
                removed = []; added = []
                out.append(.same(a[i])); i += 1; j += 1
            } else if j == m || (i < n && lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1]) {
                removed.append(.removed(a[i])); i += 1
            } else {
                added.append(.added(b[j])); j += 1
            }
        }
        return out + removed + added
    }
}

extension UnifiedDiff.Line {
    var isSame: Bool { if case .same = self { return true } else { return false } }
}
