import KubeAPI

/// Wakes a controller for one key at a given instant through the cluster's event queue: the way
/// Job, TTL and CronJob controllers wait for a backoff, deadline, expiry or schedule without
/// polling. A key has at most one pending wake-up, the earliest asked for.
final class KeyedWakeups {
    private var pending: [String: Millis] = [:]

    func wake(_ controller: Controller, key: String, at: Millis, in cluster: Cluster) {
        if let due = pending[key], due > cluster.now, due <= at { return }
        pending[key] = at
        cluster.schedule(at: at) { [weak self, weak controller, unowned cluster] in
            guard let self, let controller else { return }
            if self.pending[key] == at { self.pending[key] = nil }
            cluster.enqueue(controller, key: key)
        }
    }

    func forget(_ key: String) { pending[key] = nil }
}
