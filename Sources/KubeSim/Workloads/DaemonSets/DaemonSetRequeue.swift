import KubeAPI

/// When a DaemonSet is synced again without a watch event: after a failed pass, with back-off
/// (5 s doubling to 5 minutes, as the work queue's rate limiter grows), and at the instant a pass
/// asked for (a pod turning available after minReadySeconds, a failed pod's back-off ending).
final class DaemonSetRequeue {
    private var failures: [String: Int] = [:]
    private var retryPending: Set<String> = []
    private var recheckAt: [String: Millis] = [:]

    func after(_ outcome: DaemonSetControl.Outcome, key: String, controller: Controller, in cluster: Cluster) {
        if outcome.failed {
            let attempt = (failures[key] ?? 0) + 1
            failures[key] = attempt
            if retryPending.insert(key).inserted {
                let delay = Millis(min(5 << min(attempt - 1, 6), 300)) * 1000
                cluster.schedule(after: delay) { [weak self, weak controller, unowned cluster] in
                    guard let self, let controller else { return }
                    self.retryPending.remove(key)
                    cluster.enqueue(controller, key: key)
                }
            }
        } else {
            failures[key] = nil
        }
        guard let at = outcome.recheckAt else { return }
        if let pending = recheckAt[key], pending > cluster.now, pending <= at { return }
        recheckAt[key] = at
        cluster.schedule(at: at) { [weak self, weak controller, unowned cluster] in
            guard let self, let controller else { return }
            if self.recheckAt[key] == at { self.recheckAt[key] = nil }
            cluster.enqueue(controller, key: key)
        }
    }

    func forget(_ key: String) {
        failures[key] = nil
    }
}
