import KubeAPI

/// How long one kubectl command may wait for the cluster. kubectl itself accepts any Go duration
/// (`--timeout=100000h`); a simulated wait moves the virtual clock in 250 ms steps, so without a
/// bound one command could replay years of controller work. See docs/limits.md.
enum WaitLimit {
    /// Cluster time one command may wait: an hour is far beyond any grace period or rollout.
    static let maxMillis: Millis = 3_600_000

    /// `requested` capped at `maxMillis`.
    static func bounded(_ requested: Millis) -> Millis { min(requested, maxMillis) }

    /// What kubectl prints when the cap, not the user's own timeout, ended a wait.
    static func message(verb: String) -> String {
        "kubelab: kubectl \(verb): stopped waiting at the wait limit (\(maxMillis / 3_600_000) h of cluster time per command)\n"
    }
}
