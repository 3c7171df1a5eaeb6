import KubeLab
import Lessons

/// `kubelab replay` and grading's first half: re-runs a transcript's inputs at their time marks
/// on a fresh session built from its header and reports each command whose output differs.
public enum TranscriptReplayer {
    public struct Outcome: Sendable {
        public var differences: [CommandDifference]
        /// The limit that stopped the replay, if one did.
        public var limitHit: String?
        /// How many inputs were replayed.
        public var replayed: Int
    }

    /// Replays a sandbox transcript on a session over `workingDirectory`.
    public static func replay(_ log: SessionLog, workingDirectory: WorkingDirectoryFiles, limits: ReplayLimits = ReplayLimits()) -> Outcome {
        let lab = Lab(options: log.header.options, workingDirectory: workingDirectory)
        let driver = SessionDriver(session: lab, out: { _ in }, err: { _ in })
        driver.terminal.isInterrupted = { false }
        var comparison = Comparison(limits: limits)
        let (records, cut) = limits.admissible(log.records)
        for record in records {
            guard !driver.isFinished else { break }
            let replayed = RecordReplay.replay(record, on: driver)
            if !comparison.add(recorded: record, replayed: replayed) { break }
        }
        return comparison.outcome(cut: cut)
    }

    /// Replays a lesson's transcript through the lesson engine, which is left in the replayed
    /// state (steps, points) for grading.
    public static func replay(_ log: SessionLog, in session: LessonSession, limits: ReplayLimits = ReplayLimits()) -> Outcome {
        var comparison = Comparison(limits: limits)
        let (records, cut) = limits.admissible(log.records)
        session.replay(records) { recorded, replayed in comparison.add(recorded: recorded, replayed: replayed) }
        return comparison.outcome(cut: cut)
    }

    /// Collects differences and watches the limits as records come back.
    struct Comparison {
        let limits: ReplayLimits
        var differences: [CommandDifference] = []
        var count = 0
        var output = 0
        var limitHit: String?

        init(limits: ReplayLimits) { self.limits = limits }

        mutating func add(recorded: CommandRecord, replayed: CommandRecord) -> Bool {
            count += 1
            output += replayed.output.utf8.count
            if let difference = CommandDifference.between(recorded: recorded, replayed: replayed, number: count) {
                differences.append(difference)
            }
            if output > limits.maximumOutputBytes {
                limitHit = "more than \(ReplayLimits.describe(bytes: limits.maximumOutputBytes)) of output"
                return false
            }
            return true
        }

        func outcome(cut: String?) -> Outcome { Outcome(differences: differences, limitHit: limitHit ?? cut, replayed: count) }
    }
}
