import KubeAPI

/// Upstream's batched enqueue (`queue.AddAfter(key, syncJobBatchPeriod)` in pkg/controller/job):
/// an event syncs its key one period later, and events arriving while that sync waits join it, so
/// a pod's quick run of changes costs one sync.
///
/// kubelab knows which events a sync would find nothing new in (the controller's own writes, changes
/// to fields the sync does not read). Those still open a batch, as they do upstream, but schedule no
/// sync: an event that matters while the batch is open syncs when the batch ends, as upstream's queue
/// would, and the no-op syncs are never run.
final class BatchedSyncs {
    let period: Millis
    private let wakeups = KeyedWakeups()
    /// Key → when its open batch ends, and whether a sync was scheduled for then.
    private var open: [String: (until: Millis, scheduled: Bool)] = [:]

    init(period: Millis) { self.period = period }

    /// An event about `key`; `needsSync` says whether the sync at the batch's end has work to find.
    func note(_ key: String, needsSync: Bool, for controller: Controller, in cluster: Cluster) {
        let now = cluster.now
        if let batch = open[key], batch.until > now {
            if needsSync && !batch.scheduled {
                open[key] = (batch.until, true)
                wakeups.wake(controller, key: key, at: batch.until, in: cluster)
            }
            return
        }
        open[key] = (now + period, needsSync)
        if needsSync { wakeups.wake(controller, key: key, at: now + period, in: cluster) }
    }

    /// The key's object is gone.
    func forget(_ key: String) {
        open[key] = nil
        wakeups.forget(key)
    }
}
