import KubeAPI

/// Wakes a controller for one key later, through the cluster's event queue, as upstream's
/// rate-limited work queue does: at an instant a pass asked for (a backoff, deadline, expiry,
/// schedule, a pod turning available), the earliest pending one winning; or after a failed pass,
/// with back-off from 5 s doubling to 5 minutes. Controllers wait this way instead of polling.
final class KeyedWakeups {
    private var pending: [String: Millis] = [:]
    private var failures: [String: Int] = [:]
    private var retryPending: Set<String> = []

    /// Syncs `key` at `at`, unless an earlier wake-up for it is already pending.
    func wake(_ controller: Controller, key: String, at: Millis, in cluster: Cluster) {
        if let due = pending[key], due > cluster.now, due <= at { return }
        pending[key] = at
        cluster.schedule(at: at) { [weak self, weak controller, unowned cluster] in
            guard let self, let controller else { return }
            if self.pending[key] == at { self.pending[key] = nil }
            cluster.enqueue(controller, key: key)
        }
    }

    /// A pass failed: sync again after the back-off (one retry pending per key).
    func retry(_ controller: Controller, key: String, in cluster: Cluster) {
        let attempt = (failures[key] ?? 0) + 1
        failures[key] = attempt
        guard retryPending.insert(key).inserted else { return }
        let delay = Millis(min(5 << min(attempt - 1, 6), 300)) * 1000
        cluster.schedule(after: delay) { [weak self, weak controller, unowned cluster] in
            guard let self, let controller else { return }
            self.retryPending.remove(key)
            cluster.enqueue(controller, key: key)
        }
    }

    /// A pass succeeded: the back-off starts over.
    func succeeded(_ key: String) { failures[key] = nil }

    func forget(_ key: String) {
        pending[key] = nil
        failures[key] = nil
    }
}
