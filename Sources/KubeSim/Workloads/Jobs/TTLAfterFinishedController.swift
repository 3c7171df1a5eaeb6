import KubeAPI

/// The ttl-after-finished controller (pkg/controller/ttlafterfinished): deletes a finished Job
/// `ttlSecondsAfterFinished` seconds after its Complete or Failed condition, in the foreground
/// so its pods go first. It waits on the cluster's event queue, not by polling.
public final class TTLAfterFinishedController: Controller {
    public let name = "ttl-after-finished-controller"
    public let watchedKinds = WatchedKinds.only(["Job"])
    private let wakeups = KeyedWakeups()

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        let job = event.object
        guard event.resource.kind == "Job", event.kind != .deleted, !job.isDeleting,
            !job.spec["ttlSecondsAfterFinished"].isNull, JobCondition.isFinished(job)
        else { return [] }
        return [(job.namespace ?? "default") + "/" + job.name]
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let (ns, jobName) = NamespacedKey.split(key) else { return }
        let ref = ObjectRef(JobController.jobs, namespace: ns, name: jobName)
        guard let job = cluster.store.get(ref), !job.isDeleting, let ttl = job.spec["ttlSecondsAfterFinished"].int,
            let finished = JobCondition.finishedAt(job)
        else { return }
        let expireAt = finished + Millis(max(0, min(ttl, 1 << 40))) * 1000
        if cluster.now >= expireAt {
            _ = try? cluster.api.delete(ref, propagation: .foreground)
            return
        }
        wakeups.wake(self, key: key, at: expireAt, in: cluster)
    }
}
