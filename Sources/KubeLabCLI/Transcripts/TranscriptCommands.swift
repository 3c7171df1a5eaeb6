import Foundation
import KubeLab
import Lessons
import Transcripts

/// `kubelab grade` and `kubelab replay`: what they print and the exit code, decided here so tests
/// can call them without a process.
public enum TranscriptCommands {
    public struct Outcome: Equatable {
        public var out: String
        public var err: String
        public var code: Int32
    }

    /// Grades `files` (or merges result files) and renders the class report.
    public static func grade(
        lesson id: String?, format: ReportRenderer.Format, files: [String], shard: ClassGrader.Shard?, merge: Bool,
        catalog: LessonCatalog?, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> Outcome {
        let report: ClassReport
        if merge {
            var reports: [ClassReport] = []
            for file in files {
                guard let bytes = TranscriptFile(path: file).read(maximumBytes: 256 << 20), let parsed = ClassReport.fromJSON(bytes) else {
                    return Outcome(out: "", err: "kubelab: '\(file.sanitizedForMessage)' is not a result of 'kubelab grade --format json'\n", code: 2)
                }
                reports.append(parsed)
            }
            do {
                report = try ClassReport.merge(reports)
            } catch {
                return Outcome(out: "", err: "kubelab: \(error)\n", code: 2)
            }
        } else {
            guard let id else { return Outcome(out: "", err: "kubelab: 'grade' needs --lesson ID\n", code: 2) }
            let lesson: Lesson
            switch LessonLauncher.resolve(id, catalog: catalog) {
            case .success(let found): lesson = found
            case .failure(let error): return Outcome(out: "", err: error.report, code: 2)
            }
            let results = ClassGrader.grade(ClassGrader.inputs(files), lesson: lesson, shard: shard, workers: workers)
            report = ClassReport(lesson: lesson, results: results, version: KubeLabVersion.current)
        }
        do {
            var text = try ReportRenderer.render(report, as: format)
            // Only the text report is meant for a terminal; the others are files for programs.
            if format == .text { text = TerminalSafeText.make(text) }
            return Outcome(out: text, err: "", code: report.allPassed ? 0 : 1)
        } catch {
            return Outcome(out: "", err: "kubelab: \(error)\n", code: 2)
        }
    }

    /// Replays a transcript and reports each command whose output differs; optionally writes an
    /// asciinema recording of it.
    public static func replay(file: String, cast: String?, catalog: LessonCatalog?, workingDirectory: () -> WorkingDirectoryFiles) -> Outcome {
        let limits = ReplayLimits()
        let source = TranscriptFile(path: file)
        guard let size = source.size else {
            return Outcome(out: "", err: "kubelab: transcript '\(file.sanitizedForMessage)' does not exist or is not a regular file\n", code: 2)
        }
        guard size <= limits.maximumFileBytes, let bytes = source.read(maximumBytes: limits.maximumFileBytes) else {
            return Outcome(out: "", err: "kubelab: transcript '\(file.sanitizedForMessage)' is larger than \(ReplayLimits.describe(bytes: limits.maximumFileBytes))\n", code: 2)
        }
        let parsed: SessionLogParser.Result
        do {
            parsed = try SessionLogParser.parse(bytes)
        } catch {
            return Outcome(out: "", err: "kubelab: \(file.sanitizedForMessage): \(error)\n", code: 2)
        }
        let log = parsed.log
        let outcome: TranscriptReplayer.Outcome
        if let id = log.header.lesson {
            let lesson: Lesson
            switch LessonLauncher.resolve(id, catalog: catalog) {
            case .success(let found): lesson = found
            case .failure(let error): return Outcome(out: "", err: error.report, code: 2)
            }
            let session = LessonSession(lesson: lesson, language: log.header.language, mode: log.header.mode, out: { _ in }, err: { _ in })
            outcome = TranscriptReplayer.replay(log, in: session, limits: limits)
        } else {
            outcome = TranscriptReplayer.replay(log, workingDirectory: workingDirectory(), limits: limits)
        }
        var out = ""
        for difference in outcome.differences {
            out += "command \(difference.number): \(TerminalSafeText.make(difference.command))\n" + TerminalSafeText.make(difference.diff)
        }
        let total = log.records.count
        if let hit = outcome.limitHit { out += "replay stopped: \(hit)\n" }
        out += outcome.differences.isEmpty
            ? "replayed \(outcome.replayed) of \(total) commands: every output is identical\n"
            : "replayed \(outcome.replayed) of \(total) commands: \(outcome.differences.count) differ\n"
        var err = ""
        if let cast {
            if let problem = TranscriptFile(path: cast).replace(with: AsciinemaCast.make(log)) { err += "kubelab: \(problem)\n" }
        }
        let identical = outcome.differences.isEmpty && outcome.limitHit == nil
        return Outcome(out: out, err: err, code: identical ? 0 : 1)
    }
}
