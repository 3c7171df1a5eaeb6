import KubeAPI

/// How long the controller waits before replacing another failed pod on the same node
/// (`failedPodsBackoff`: `flowcontrol.NewBackOff(1s, 15m)`, keyed by DaemonSet and node). A node
/// whose kubelet keeps rejecting the pod is retried at 1 s, 2 s, 4 s... up to 15 minutes, and the
/// delay resets once a failure is more than twice the longest delay old.
final class FailedDaemonPodBackoff {
    static let initial: Millis = 1_000
    static let maximum: Millis = 15 * 60_000

    private struct Entry {
        var delay: Millis
        var lastUpdate: Millis
    }

    private var entries: [String: Entry] = [:]

    private static func key(_ ds: String, _ node: String) -> String { ds + "/" + node }

    /// When the current back-off ends, if it has not yet (`IsInBackOffSinceUpdate`).
    func backoffEnd(ds: String, node: String, now: Millis) -> Millis? {
        guard let entry = entries[Self.key(ds, node)] else { return nil }
        let end = entry.lastUpdate + entry.delay
        return now < end ? end : nil
    }

    /// Records a failure now, doubling the delay (`Next`).
    func next(ds: String, node: String, now: Millis) {
        let key = Self.key(ds, node)
        if var entry = entries[key], now - entry.lastUpdate <= 2 * Self.maximum {
            entry.delay = min(entry.delay * 2, Self.maximum)
            entry.lastUpdate = now
            entries[key] = entry
        } else {
            entries[key] = Entry(delay: Self.initial, lastUpdate: now)
        }
    }

    /// Drops a DaemonSet's entries (it was deleted).
    func forget(ds: String) {
        entries = entries.filter { !$0.key.hasPrefix(ds + "/") }
    }
}
