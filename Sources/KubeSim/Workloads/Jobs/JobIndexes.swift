import KubeAPI

/// Completion indexes of an Indexed Job: the pod annotation that carries one, and the
/// `status.completedIndexes` text (`0-2,5`) upstream's `indexing.go` reads and writes.
enum JobIndexes {
    static let annotation = "batch.kubernetes.io/job-completion-index"
    static let envName = "JOB_COMPLETION_INDEX"
    /// The API server allows at most this many completions for an Indexed Job.
    static let maxIndexedCompletions = 100_000

    /// The index a pod runs, or nil when it carries none (or one outside `0..<completions`).
    static func index(of pod: JSONValue, completions: Int) -> Int? {
        guard let text = pod["metadata"]["annotations"][annotation].string, let i = Int(text), i >= 0, i < completions
        else { return nil }
        return i
    }

    /// `0-2,5,7,8` for the sorted set of indexes: a run of three or more is `a-b`, a pair is
    /// written out (upstream's `orderedIntervals.String`).
    static func format(_ indexes: Set<Int>) -> String {
        var parts: [String] = []
        var run: (Int, Int)?
        for i in indexes.sorted() {
            if let (a, b) = run, b + 1 == i {
                run = (a, i)
                continue
            }
            if let (a, b) = run { parts.append(interval(a, b)) }
            run = (i, i)
        }
        if let (a, b) = run { parts.append(interval(a, b)) }
        return parts.joined(separator: ",")
    }

    private static func interval(_ a: Int, _ b: Int) -> String {
        a == b ? "\(a)" : b == a + 1 ? "\(a),\(b)" : "\(a)-\(b)"
    }

    /// The indexes `format` wrote, ignoring what is malformed or outside `0..<completions`.
    static func parse(_ text: String, completions: Int) -> Set<Int> {
        var out: Set<Int> = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard let a = Int(bounds[0]) else { continue }
            let b = bounds.count == 2 ? Int(bounds[1]) ?? a : a
            let low = max(0, a), high = min(b, min(completions, maxIndexedCompletions) - 1)
            guard low <= high else { continue }
            for i in low...high { out.insert(i) }
        }
        return out
    }
}
