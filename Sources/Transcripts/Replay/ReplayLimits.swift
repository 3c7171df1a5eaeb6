import KubeLab

/// What one transcript may cost to replay. A student's transcript is untrusted: it can be huge,
/// endless or built to exhaust the machine, so each bound ends the replay with the limit named.
public struct ReplayLimits: Sendable, Equatable {
    /// The transcript file itself.
    public var maximumFileBytes = 16 << 20
    /// Inputs replayed.
    public var maximumCommands = 5_000
    /// Cluster time the session may span (a lesson takes minutes; a day is generous).
    public var maximumMillis: Int64 = 24 * 3_600_000
    /// Output the replayed commands may print in all.
    public var maximumOutputBytes = 32 << 20

    public init() {}

    /// A size as a limit message says it: whole MiB or KiB, else bytes.
    public static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// The records within the command and time limits, and the limit that cut the rest off.
    func admissible(_ records: [CommandRecord]) -> (records: [CommandRecord], limitHit: String?) {
        var kept = Array(records.prefix(maximumCommands))
        var hit = records.count > maximumCommands ? "more than \(maximumCommands) commands" : nil
        if let late = kept.firstIndex(where: { $0.endMillis > maximumMillis }) {
            kept = Array(kept[..<late])
            hit = "more than \(maximumMillis / 3_600_000) hours of cluster time"
        }
        return (kept, hit)
    }
}
