import Kubectl
import KubeLab

/// A command whose recorded output (or exit status) is not what it gives when replayed.
public struct CommandDifference: Equatable, Sendable {
    /// 1-based position of the input in the transcript.
    public var number: Int
    /// What was typed (`^C`, `^D` for those keys), with the prompt it was typed at.
    public var command: String
    /// `diff -u` of the recorded output against the replayed one.
    public var diff: String

    /// Compares one recorded input with its replay; nil when the outputs are the same bytes.
    public static func between(recorded: CommandRecord, replayed: CommandRecord, number: Int) -> CommandDifference? {
        guard recorded.output != replayed.output || recorded.exitStatus != replayed.exitStatus else { return nil }
        let typed = recorded.line ?? (recorded.input == .interrupt ? "^C" : "^D")
        var diff = UnifiedDiff.make(old: recorded.output, new: replayed.output)
        if recorded.exitStatus != replayed.exitStatus {
            diff += "exit status: recorded \(recorded.exitStatus), replayed \(replayed.exitStatus)\n"
        }
        return CommandDifference(number: number, command: recorded.prompt + typed, diff: diff)
    }
}
