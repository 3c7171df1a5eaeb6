import Foundation

/// Syntax trees of scripts parsed before, by their text.
///
/// A CronJob's pods run the same `sh -c` script every minute, and parsing walks the text character
/// by character: over a virtual day that was a tenth of the kubelet's work. Parsing is a pure
/// function of the text, the dialect and the here-document rule, so a tree parsed once serves
/// every later run. Only successful parses are kept (errors carry line numbers and are rare), only
/// of short texts, and the table is emptied when full, so hostile input cannot grow it. Grading
/// replays transcripts on several threads, hence the lock.
final class ParsedScriptCache: @unchecked Sendable {
    static let shared = ParsedScriptCache()

    /// Scripts longer than this are parsed each time (they are typed, not repeated).
    static let maxSourceBytes = 4_096
    static let capacity = 512

    private struct Key: Hashable {
        let source: String
        let lenientHereDocuments: Bool
        let dialect: ShellDialect
    }

    private var trees: [Key: ShellList] = [:]
    private let lock = NSLock()

    /// The tree for `source`, parsing it with `parse` the first time.
    func tree(for source: String, lenientHereDocuments: Bool, dialect: ShellDialect,
              parse: () throws -> ShellList) rethrows -> ShellList
    {
        guard source.utf8.count <= Self.maxSourceBytes else { return try parse() }
        let key = Key(source: source, lenientHereDocuments: lenientHereDocuments, dialect: dialect)
        lock.lock()
        let known = trees[key]
        lock.unlock()
        if let known { return known }
        let tree = try parse()
        lock.lock()
        if trees.count >= Self.capacity { trees.removeAll(keepingCapacity: true) }
        trees[key] = tree
        lock.unlock()
        return tree
    }
}
