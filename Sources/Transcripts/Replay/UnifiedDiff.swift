/// A unified diff of two texts by lines, as `diff -u` prints it (`---`/`+++`, `@@ -a,b +c,d @@`
/// hunks with three lines of context). Texts too large for a line-by-line comparison within the
/// work budget are shown as one hunk that replaces the whole.
public enum UnifiedDiff {
    /// Pairs of lines compared at most (the table is rows × columns).
    public static let maximumComparisons = 4_000_000
    static let context = 3

    public static func make(old: String, new: String, oldName: String = "recorded", newName: String = "replayed") -> String {
        guard old != new else { return "" }
        let a = lines(old)
        let b = lines(new)
        let script = edits(a, b)
        var text = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(script) {
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            let oldStart = (hunk.first { $0.kind != .insert }?.oldIndex ?? (hunk.first?.oldIndex ?? 0)) + (oldCount == 0 ? 0 : 1)
            let newStart = (hunk.first { $0.kind != .delete }?.newIndex ?? (hunk.first?.newIndex ?? 0)) + (newCount == 0 ? 0 : 1)
            text += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: text += " " + a[edit.oldIndex] + "\n"
                case .delete: text += "-" + a[edit.oldIndex] + "\n"
                case .insert: text += "+" + b[edit.newIndex] + "\n"
                }
            }
        }
        if old.last != new.last && (old.last == "\n" || new.last == "\n") {
            text += "\\ No newline at end of file\n"
        }
        return text
    }

    static func range(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }

    static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        /// Index in the old lines (for same/delete) or the position the insert follows.
        var oldIndex: Int
        var newIndex: Int
    }

    /// The shortest edit script by longest common subsequence.
    static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        // Common head and tail cost nothing to compare.
        var head = 0
        while head < a.count && head < b.count && a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head && tail < b.count - head && a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        var script: [Edit] = (0..<head).map { Edit(kind: .same, oldIndex: $0, newIndex: $0) }
        let midA = Array(a[head..<(a.count - tail)])
        let midB = Array(b[head..<(b.count - tail)])
        if midA.count * midB.count > maximumComparisons {
            script += midA.indices.map { Edit(kind: .delete, oldIndex: head + $0, newIndex: head) }
            script += midB.indices.map { Edit(kind: .insert, oldIndex: head + midA.count, newIndex: head + $0) }
        } else {
            let n = midA.count, m = midB.count
            var table = [Int](repeating: 0, count: (n + 1) * (m + 1))
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * (m + 1) + j] = midA[i] == midB[j]
                        ? table[(i + 1) * (m + 1) + j + 1] + 1
                        : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n && j < m && midA[i] == midB[j] {
                    script.append(Edit(kind: .same, oldIndex: head + i, newIndex: head + j))
                    i += 1; j += 1
                } else if i < n && (j == m || table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) {
                    // Deletions before insertions, as diff -u shows a changed line.
                    script.append(Edit(kind: .delete, oldIndex: head + i, newIndex: head + j))
                    i += 1
                } else {
                    script.append(Edit(kind: .insert, oldIndex: head + i, newIndex: head + j))
                    j += 1
                }
            }
        }
        let tailStartA = a.count - tail, tailStartB = b.count - tail
        script += (0..<tail).map { Edit(kind: .same, oldIndex: tailStartA + $0, newIndex: tailStartB + $0) }
        return script
    }

    /// Groups changes with their context; changes closer than twice the context share a hunk.
    static func hunks(_ script: [Edit]) -> [[Edit]] {
        let changed = script.indices.filter { script[$0].kind != .same }
        guard !changed.isEmpty else { return [] }
        var groups: [[Edit]] = []
        var start = max(0, changed[0] - context)
        var end = min(script.count - 1, changed[0] + context)
        for index in changed.dropFirst() {
            if index - context <= end + 1 {
                end = min(script.count - 1, index + context)
            } else {
                groups.append(Array(script[start...end]))
                start = max(0, index - context)
                end = min(script.count - 1, index + context)
            }
        }
        groups.append(Array(script[start...end]))
        return groups
    }
}
