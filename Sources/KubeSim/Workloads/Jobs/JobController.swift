import KubeAPI

/// The Job controller of kube-controller-manager (pkg/controller/job): keeps up to
/// `parallelism` pods running until `completions` of them succeed, replaces failed pods after
/// the pod-failure backoff, fails the job past its backoff limit, deadline or a FailJob rule,
/// and suspends and resumes it. Each pass is planned by `JobSyncPlan` and carried out through
/// `JobPodControl`; the controller wakes itself on the cluster's event queue when a backoff or
/// deadline runs out. As upstream, a job's own events (created, spec changed, deleted) sync it at
/// once, and its pods' events and status writes a second later, batched (`syncJobBatchPeriod`).
public final class JobController: Controller {
    public let name = "job-controller"
    public let watchedKinds = WatchedKinds.only(["Job", "Pod"])

    /// Per job (by uid): failures since its last success, kept in memory as upstream does.
    private var backoffs: [String: JobPodBackoff] = [:]
    private let wakeups = KeyedWakeups()
    private let claims = JobPodClaims()
    /// Upstream's `enqueueSyncJobBatched`: pod events and status updates sync the job one
    /// `syncJobBatchPeriod` (1 s) later, so a pod that starts and exits within it costs one pass.
    private let batched = BatchedSyncs(period: 1000)
    /// The job whose sync is writing its pods now, when that sync accounts for everything its
    /// writes cause: the pods it creates (counted active) and the finalizers it releases (counted
    /// done) come back through the watch at once, and the batched sync they start would find its
    /// own writes and nothing else (upstream's expectations serve the same end). A pass cut short
    /// by the burst limit, or one deleting pods (whose going the status waits for), leaves it unset.
    private var writingPodsOf: String?

    public init() {}

    static let jobs = ResourceRegistry.forKind("Job")!
    static let pods = JobPodControl.pods
    private static let releasePrefix = "release|"

    // MARK: Controller

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        let object = event.object
        let ns = object.namespace ?? "default"
        switch event.resource.kind {
        case "Job":
            if event.kind == .deleted {
                backoffs[object.uid] = nil
                claims.forget(key: event.namespacedKey, uid: object.uid)
                batched.forget(event.namespacedKey)
                return []
            }
            if event.kind == .modified, let old = event.old, StatefulSetController.onlyStatusChanged(old, object) {
                // A status write (this controller's own, as a rule) is batched upstream; the
                // sync it starts reads nothing the write did not come from.
                batched.note(event.namespacedKey, needsSync: false, for: self, in: cluster)
                return []
            }
            return [event.namespacedKey]
        case "Pod":
            // Read once: every change of every pod comes through here.
            let owner = event.podControllerRef, holdsFinalizer = Self.holdsFinalizer(object)
            if event.kind != .deleted, owner == nil {
                // An orphan: its former job (if it just let it go) looks again, a job whose
                // selector matches may adopt it, and a finalizer it still holds goes.
                var jobs = claims.jobsSelecting(event, namespace: ns, in: cluster)
                if let old = event.oldPodControllerRef, old["kind"].string == "Job", let name = old["name"].string,
                    !jobs.contains(ns + "/" + name)
                {
                    jobs.insert(ns + "/" + name, at: 0)
                }
                for job in jobs { batched.note(job, needsSync: true, for: self, in: cluster) }
                return holdsFinalizer ? [Self.releasePrefix + event.namespacedKey] : []
            }
            // A deleted pod counts by the owner it had; a live one has an owner by now.
            let previous = event.kind == .deleted ? event.oldPodControllerRef : nil
            guard event.kind != .deleted || previous != nil else { return [] }
            guard let ref = owner ?? previous, ref["kind"].string == "Job",
                let jobName = ref["name"].string
            else {
                return holdsFinalizer ? [Self.releasePrefix + event.namespacedKey] : []
            }
            let key = ns + "/" + jobName
            if holdsFinalizer || event.kind == .deleted {
                let job = cluster.store.get(Self.jobs, namespace: ns, name: jobName)
                if job?.uid != ref["uid"].string {
                    // The job is gone: nothing will count this pod, so nothing may hold it.
                    return holdsFinalizer ? [Self.releasePrefix + event.namespacedKey] : []
                }
                if event.kind == .deleted {
                    // As upstream's deletePod, a finished job is not synced for it; for any other,
                    // the pod's going can end the terminating count a pass that released it
                    // still waited on, so it syncs even when this controller's write removed it.
                    if let job, !JobCondition.isFinished(job) { batched.note(key, needsSync: true, for: self, in: cluster) }
                    return []
                }
            }
            let readsSame = event.kind == .modified && event.old.map { Self.syncReadsSame($0, object) } == true
            batched.note(key, needsSync: !readsSame && key != writingPodsOf, for: self, in: cluster)
            return []
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        let control = JobPodControl(cluster: cluster, source: name)
        if key.hasPrefix(Self.releasePrefix) {
            guard let (ns, podName) = NamespacedKey.split(key.dropFirst(Self.releasePrefix.count)) else { return }
            control.release(podName, namespace: ns)
            return
        }
        guard let (ns, jobName) = NamespacedKey.split(key) else { return }
        guard let job = cluster.store.get(Self.jobs, namespace: ns, name: jobName) else {
            // A pod event of a job deleted since (its pods going by the garbage collector).
            batched.forget(key)
            return
        }
        let pods = claims.claim(for: job, key: key, in: cluster)
        if job.isDeleting || JobCondition.isFinished(job) {
            // Counted long ago, or never to be counted: the pods are free to go.
            for pod in pods where Self.holdsFinalizer(pod) && (job.isDeleting || pod.isDeleting || Self.isTerminal(pod)) {
                control.release(pod.name, namespace: ns)
            }
            return
        }
        let plan = JobSyncPlan(job: job, pods: pods, backoff: backoffs[job.uid] ?? JobPodBackoff(), now: cluster.now)
        backoffs[job.uid] = plan.backoff
        if plan.podsToCreate.count < JobSyncPlan.burst && plan.podsToDelete.isEmpty { writingPodsOf = key }
        defer { writingPodsOf = nil }
        for pod in plan.releasedPods { control.release(pod, namespace: ns) }
        for pod in plan.podsToDelete { control.delete(pod, of: job) }
        var failedCreates = 0
        for index in plan.podsToCreate
        where !control.create(for: job, index: index, annotations: index.flatMap { plan.podAnnotations[$0] } ?? [:]) {
            failedCreates += 1
        }
        var status = plan.status
        if failedCreates > 0 {
            let active = (status["active"].int ?? 0) - failedCreates
            status["active"] = active > 0 ? .int(active) : .null
        }
        if let current = cluster.store.get(Self.jobs, namespace: ns, name: jobName), current.uid == job.uid,
            current["status"] != status
        {
            var updated = current
            updated["status"] = status
            _ = try? cluster.store.update(Self.jobs, updated)
        }
        for e in plan.events {
            cluster.recordEvent(for: job, type: e.type, reason: e.reason, message: e.message, source: name)
        }
        if let at = plan.wakeAt { wakeups.wake(self, key: key, at: at, in: cluster) }
    }

    // MARK: Pods

    static func holdsFinalizer(_ pod: JSONValue) -> Bool {
        pod["metadata"]["finalizers"].items.contains(.string(JobSyncPlan.trackingFinalizer))
    }

    static func isTerminal(_ pod: JSONValue) -> Bool { ReplicaSetController.isTerminal(pod) }

    /// Whether two versions of an unfinished pod look the same to a sync: the same phase, deletion,
    /// finalizers, metadata the job matches and indexes by, readiness and restarts (`JobSyncPlan`
    /// reads no more of a pod that is not finished). The kubelet's first status writes (conditions,
    /// pod IP) and the binding change none of it, and a sync for them would change nothing; the
    /// upstream controller syncs and finds nothing to do. Finished pods always sync: their
    /// container states feed the pod failure policy and the failure times.
    static func syncReadsSame(_ a: JSONValue, _ b: JSONValue) -> Bool {
        let phase = b["status"]["phase"]
        guard a["status"]["phase"] == phase, phase != "Succeeded", phase != "Failed", a.isDeleting == b.isDeleting else {
            return false
        }
        let am = a["metadata"], bm = b["metadata"]
        return am["finalizers"] == bm["finalizers"] && am["labels"] == bm["labels"]
            && am["annotations"] == bm["annotations"] && am["ownerReferences"] == bm["ownerReferences"]
            && ReplicaSetController.isReady(a) == ReplicaSetController.isReady(b) && restarts(a) == restarts(b)
    }

    private static func restarts(_ pod: JSONValue) -> Int {
        var total = 0
        for key in ["initContainerStatuses", "containerStatuses"] {
            for c in pod["status"][key].items { total += c["restartCount"].int ?? 0 }
        }
        return total
    }
}
