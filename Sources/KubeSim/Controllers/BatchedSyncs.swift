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
        guard let at = Self.join(&open[key, default: Batch()], now: cluster.now, period: period, needsSync: needsSync) else { return }
        cluster.schedule(at: at) { [weak controller, unowned cluster] in
            if let controller { cluster.enqueue(controller, key: key) }
        }
    }

    /// Adds an event to the key's batch (opening one if none is open); returns when to sync, if
    /// this event is the first of the batch to need it.
    private static func join(_ batch: inout Batch, now: Millis, period: Millis, needsSync: Bool) -> Millis? {
        if batch.until <= now { batch = Batch(until: now + period, scheduled: false) }
        guard needsSync && !batch.scheduled else { return nil }
        batch.scheduled = true
        return batch.until
    }

    /// The key's object is gone.
    func forget(_ key: String) { open[key] = nil }
}
