import Foundation
import Lessons

/// The graded class: every transcript's result and each step's pass counts, what every report
/// format renders. Its JSON form (`--format json`) is what shards write and `--merge` reads.
public struct ClassReport: Codable, Equatable, Sendable {
    public var lesson: String
    public var title: String
    public var kubelabVersion: String
    public var steps: [StepSummary]
    public var results: [GradeResult]

    public struct StepSummary: Codable, Equatable, Sendable {
        public var id: String
        public var maximum: Int
        public var passed: Int
        public var shown: Int
        public var skipped: Int
        public var failed: Int
    }

    public init(lesson: Lesson, results: [GradeResult], version: String) {
        self.lesson = lesson.id
        title = lesson.title(.english)
        kubelabVersion = version
        self.results = results.sorted { $0.file < $1.file }
        steps = Self.summaries(ids: lesson.steps.map(\.id), maxima: lesson.steps.map(\.points), results: self.results)
    }

    static func summaries(ids: [String], maxima: [Int], results: [GradeResult]) -> [StepSummary] {
        ids.enumerated().map { index, id in
            let statuses = results.compactMap { $0.steps.indices.contains(index) ? $0.steps[index].status : nil }
            return StepSummary(
                id: id, maximum: maxima[index], passed: statuses.filter { $0 == .passed }.count,
                shown: statuses.filter { $0 == .shown }.count, skipped: statuses.filter { $0 == .skipped }.count,
                failed: statuses.filter { $0 == .failed }.count)
        }
    }

    /// Joins shard reports of one lesson into one (a file graded twice keeps its first result).
    public static func merge(_ reports: [ClassReport]) throws(MergeError) -> ClassReport {
        guard var merged = reports.first else { throw MergeError("no results to merge") }
        for report in reports.dropFirst() {
            guard report.lesson == merged.lesson else {
                throw MergeError("results of lesson \(report.lesson) cannot be merged with lesson \(merged.lesson)")
            }
            guard report.steps.map(\.id) == merged.steps.map(\.id) else {
                throw MergeError("results of lesson \(report.lesson) were graded with different steps")
            }
        }
        var seen: Set<String> = []
        merged.results = reports.flatMap(\.results).filter { seen.insert($0.file).inserted }.sorted { $0.file < $1.file }
        merged.steps = summaries(ids: merged.steps.map(\.id), maxima: merged.steps.map(\.maximum), results: merged.results)
        return merged
    }

    public struct MergeError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    public var allPassed: Bool { results.allSatisfy(\.passed) }
}
