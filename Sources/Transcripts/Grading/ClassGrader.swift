import Dispatch
import Foundation
import Lessons

/// Grades a class: expands folders to their files, takes this machine's shard, grades the
/// transcripts in parallel on every core, and returns the results in file-name order, so the
/// report is the same whatever the order of the arguments or the number of cores.
public enum ClassGrader {
    /// A slice `K/N` of the inputs: the K-th of N (1-based), by position in file-name order.
    public struct Shard: Equatable, Sendable {
        public var index: Int
        public var count: Int

        public init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }

        /// `K/N` with 1 ≤ K ≤ N ≤ 100,000.
        public init?(_ text: String) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 100_000, k >= 1, k <= n else { return nil }
            self.init(index: k, count: n)
        }

        func contains(position: Int) -> Bool { position % count == index - 1 }
    }

    public struct Input: Equatable, Sendable {
        /// Where to read it.
        public var path: String
        /// How reports name it: the path as given (a folder's files as folder/name).
        public var name: String
    }

    /// Files named, and the regular files directly inside folders named, sorted by name; names
    /// that do not exist come back as inputs too, so their grade says so.
    public static func inputs(_ arguments: [String]) -> [Input] {
        var found: [Input] = []
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = ((try? manager.contentsOfDirectory(atPath: argument)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                for name in names {
                    let path = (argument as NSString).appendingPathComponent(name)
                    var inner: ObjCBool = false
                    if manager.fileExists(atPath: path, isDirectory: &inner), !inner.boolValue { found.append(Input(path: path, name: path)) }
                }
            } else {
                found.append(Input(path: argument, name: argument))
            }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert($0.name).inserted }.sorted { $0.name < $1.name }
    }

    public static func grade(
        _ inputs: [Input], lesson: Lesson, shard: Shard? = nil, limits: ReplayLimits = ReplayLimits(),
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> [GradeResult] {
        let mine = inputs.enumerated().filter { shard?.contains(position: $0.offset) ?? true }.map(\.element)
        let results = ResultSlots(count: mine.count)
        let lanes = max(1, min(workers, mine.count))
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            // One lane runs on one thread, so its transcripts share the compiled check patterns.
            let patterns = CheckPatterns()
            // Each lane takes the next transcript nobody has taken: a long transcript, or a core
            // another program is using, holds up one lane and not a fixed half of the class.
            while let index = results.claim() {
                let input = mine[index]
                results.set(index, Grader.grade(file: input.path, shownAs: input.name, lesson: lesson, limits: limits, patterns: patterns))
            }
        }
        return results.values
    }

    /// Results written from several threads, each slot by the one that claimed it.
    final class ResultSlots: @unchecked Sendable {
        private var slots: [GradeResult?]
        private var claimed = 0
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        /// The next slot nobody has claimed, or nil when all are taken.
        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard claimed < slots.count else { return nil }
            claimed += 1
            return claimed - 1
        }

        func set(_ index: Int, _ result: GradeResult) {
            lock.lock()
            slots[index] = result
            lock.unlock()
        }

        var values: [GradeResult] {
            lock.lock()
            defer { lock.unlock() }
            return slots.compactMap { $0 }
        }
    }
}
