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
    /// Key → when its open batch ends, and whether a sync was scheduled for then.
    private var open: [String: Batch] = [:]

    private struct Batch {
        var until: Millis = 0
        var scheduled = false
    }

    init(period: Millis) { self.period = period }

    /// An event about `key`; `needsSync` says whether the sync at the batch's end has work to find.
    /// Every pod event of every job comes through here: the key is hashed once.
    func note(_ key: String, needsSync: Bool, for controller: Controller, in cluster: Cluster) {
        let now = cluster.now
        var syncAt: Millis?
        Self.update(&open[key, default: Batch()], now: now, period: period, needsSync: needsSync, syncAt: &syncAt)
        if let at = syncAt {
            cluster.schedule(at: at) { [weak controller, unowned cluster] in
                if let controller { cluster.enqueue(controller, key: key) }
            }
        }
    }

    private static func update(_ batch: inout Batch, now: Millis, period: Millis, needsSync: Bool, syncAt: inout Millis?) {
        if batch.until > now {
            if needsSync && !batch.scheduled {
                batch.scheduled = true
                syncAt = batch.until
            }
            return
        }
        batch = Batch(until: now + period, scheduled: needsSync)
        if needsSync { syncAt = batch.until }
    }

    /// The key's object is gone.
    func forget(_ key: String) { open[key] = nil }
}
