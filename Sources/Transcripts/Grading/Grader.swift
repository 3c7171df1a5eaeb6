import Foundation
import KubeLab
import Lessons

/// Grades one transcript against a lesson: replays its inputs through the lesson engine on the
/// lesson's own starting cluster (never the one the file claims), scores the steps from the
/// replayed state, and flags whatever in the file the replay does not bear out.
public enum Grader {
    /// `patterns` may be shared by the transcripts one thread grades, so each lesson pattern is
    /// compiled once per thread rather than once per transcript.
    public static func grade(
        file path: String, shownAs name: String, lesson: Lesson, limits: ReplayLimits = ReplayLimits(),
        patterns: CheckPatterns = CheckPatterns()
    ) -> GradeResult {
        var result = GradeResult(file: name, lesson: lesson.id, maximum: lesson.maximumPoints)
        let file = TranscriptFile(path: path)
        guard let size = file.size else {
            result.flags = [GradeFlag(kind: .unparseable, message: "cannot be read as a regular file")]
            return finish(result, lesson: lesson, session: nil)
        }
        guard size <= limits.maximumFileBytes else {
            result.flags = [GradeFlag(kind: .limit, message: "the file is larger than \(ReplayLimits.describe(bytes: limits.maximumFileBytes))")]
            return finish(result, lesson: lesson, session: nil)
        }
        guard let bytes = file.read(maximumBytes: limits.maximumFileBytes) else {
            result.flags = [GradeFlag(kind: .unparseable, message: "cannot be read")]
            return finish(result, lesson: lesson, session: nil)
        }
        return grade(bytes: bytes, shownAs: name, lesson: lesson, limits: limits, patterns: patterns)
    }

    public static func grade(
        bytes: [UInt8], shownAs name: String, lesson: Lesson, limits: ReplayLimits = ReplayLimits(),
        patterns: CheckPatterns = CheckPatterns()
    ) -> GradeResult {
        var result = GradeResult(file: name, lesson: lesson.id, maximum: lesson.maximumPoints)
        let parsed: SessionLogParser.Result
        do {
            parsed = try SessionLogParser.parse(bytes, limits: .init(maximumBytes: limits.maximumFileBytes, maximumRecords: Int.max))
        } catch {
            result.flags = [GradeFlag(kind: .unparseable, message: error.description)]
            return finish(result, lesson: lesson, session: nil)
        }
        let header = parsed.log.header
        var flags: [GradeFlag] = []
        if header.lesson != lesson.id {
            flags.append(GradeFlag(kind: .otherLesson, message: header.lesson.map { "recorded in lesson \($0), not \(lesson.id)" } ?? "recorded in the sandbox, not in lesson \(lesson.id)"))
        }
        if header.seed != lesson.start.seed || header.nodes != lesson.start.nodes {
            flags.append(GradeFlag(kind: .headerMismatch, message: "the header says seed \(header.seed) and \(header.nodes) nodes; the lesson starts with seed \(lesson.start.seed) and \(lesson.start.nodes) nodes"))
        }
        if header.version != KubeLabVersion.current {
            flags.append(GradeFlag(kind: .otherVersion, message: "recorded with kubelab \(header.version), graded with \(KubeLabVersion.current)"))
        }
        if !parsed.timeGoesBackAt.isEmpty {
            flags.append(GradeFlag(kind: .timeBackwards, message: "time marks go back at line\(parsed.timeGoesBackAt.count == 1 ? "" : "s") " + parsed.timeGoesBackAt.prefix(5).map(String.init).joined(separator: ", ")))
        }
        if parsed.droppedIncompleteRecord {
            flags.append(GradeFlag(kind: .incompleteRecord, message: "the last command was cut short and is not graded"))
        }
        let session = LessonSession(
            lesson: lesson, language: header.language, mode: header.mode, patterns: patterns, out: { _ in }, err: { _ in })
        let outcome = TranscriptReplayer.replay(parsed.log, in: session, limits: limits)
        if !outcome.differences.isEmpty {
            let numbers = outcome.differences.prefix(10).map { String($0.number) }.joined(separator: ", ")
            let count = outcome.differences.count
            flags.append(GradeFlag(kind: .editedOutput, message: "the recorded output of \(count) command\(count == 1 ? "" : "s") differs from the replay (command\(count == 1 ? "" : "s") \(numbers)\(count > 10 ? ", ..." : ""))"))
        }
        if let hit = outcome.limitHit {
            flags.append(GradeFlag(kind: .limit, message: "graded as far as the limit: \(hit)"))
        }
        result.flags = flags
        result.differences = outcome.differences.prefix(50).map {
            GradeResult.Difference(command: $0.number, typed: $0.command, diff: String($0.diff.prefix(20_000)))
        }
        return finish(result, lesson: lesson, session: session)
    }

    /// Scores the steps from the session's replayed progress (none when nothing was replayed).
    static func finish(_ partial: GradeResult, lesson: Lesson, session: LessonSession?) -> GradeResult {
        var result = partial
        let progress = session?.progress ?? LessonProgress(stepCount: lesson.steps.count)
        result.steps = lesson.steps.enumerated().map { index, step in
            let state = progress.steps[index]
            let status: StepGrade.Status = switch state.status {
            case .passed: .passed
            case .shown: .shown
            case .skipped: .skipped
            case .pending: .failed
            }
            var reason = ""
            if state.status == .pending {
                if index == progress.current, let session {
                    reason = "not passed: " + session.currentCheckOutcome().reason
                } else {
                    reason = session == nil ? "not graded" : "not reached"
                }
            } else if state.status == .skipped {
                reason = "skipped"
            } else if state.status == .shown {
                reason = "passed after the solution was shown"
            }
            return StepGrade(
                id: step.id, status: status, points: state.points(of: step, scoring: lesson.scoring), maximum: step.points,
                hintsUsed: state.hintsUsed, reason: reason)
        }
        result.score = result.steps.reduce(0) { $0 + $1.points }
        let allPassed = result.steps.allSatisfy { $0.status == .passed || $0.status == .shown }
        result.passed = allPassed && result.flags.allSatisfy(\.allowsPassing)
        return result
    }
}
