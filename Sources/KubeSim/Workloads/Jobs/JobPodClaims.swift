import KubeAPI

/// Which pods a Job controls (upstream's `getPodsForJob` with the `PodControllerRefManager`'s
/// `ClaimPods`): its own pods that its selector still matches; an owned pod whose labels no
/// longer match is released (its owner reference removed), and a matching orphan is adopted (the
/// job's controller reference and the tracking finalizer added). Orphans are learnt from pod
/// events; a job with `manualSelector` also looks for them once, when first synced, since pods
/// made before it may match its selector (a generated selector names the job's own uid).
final class JobPodClaims {
    /// Orphan pods seen since a job's last sync whose labels its selector matches (job key → pods).
    private var candidates: [String: Set<String>] = [:]
    /// Jobs (by uid) whose namespace was already searched for orphans.
    private var searched: Set<String> = []

    /// The keys of the jobs that may adopt `pod`, an orphan that was added, or whose labels or
    /// owners changed (upstream's `addPod` / `updatePod` with `getPodJobs`).
    func jobsSelecting(_ event: WatchEvent, namespace ns: String, in cluster: Cluster) -> [String] {
        let pod = event.object
        guard event.kind != .deleted, pod.controllerRef == nil, !pod.isDeleting else { return [] }
        if event.kind == .modified, let old = event.old,
            old["metadata"]["labels"] == pod["metadata"]["labels"], old["metadata"]["ownerReferences"] == pod["metadata"]["ownerReferences"]
        {
            return []
        }
        var keys: [String] = []
        for job in cluster.store.list(JobController.jobs, namespace: ns)
        where !job.isDeleting && !JobCondition.isFinished(job) && Self.selects(job, pod) {
            let key = ns + "/" + job.name
            candidates[key, default: []].insert(pod.name)
            keys.append(key)
        }
        return keys
    }

    /// `job`'s pods after releasing and adopting, by name.
    func claim(for job: JSONValue, key: String, in cluster: Cluster) -> [JSONValue] {
        let store = cluster.store
        let ns = job.namespace ?? "default"
        let selector = job.spec["selector"]
        var pods: [JSONValue] = []
        for pod in ReplicaSetController.ownedPods(of: job, in: cluster) {
            if job.isDeleting || selector.isNull || Self.matches(selector, pod) {
                pods.append(pod)
                continue
            }
            let ref = ObjectRef(JobPodControl.pods, namespace: ns, name: pod.name)
            _ = try? store.modify(ref) { p in OwnerReferences.remove(from: &p) { $0["uid"].string == job.uid } }
        }
        var names = candidates.removeValue(forKey: key) ?? []
        let finished = JobCondition.isFinished(job)
        if job.spec["manualSelector"].bool == true && !searched.contains(job.uid) && !finished {
            searched.insert(job.uid)
            for pod in store.list(JobPodControl.pods, namespace: ns) where pod.controllerRef == nil { names.insert(pod.name) }
        }
        guard !job.isDeleting, !finished, !names.isEmpty else { return pods }
        for name in names.sorted() {
            let ref = ObjectRef(JobPodControl.pods, namespace: ns, name: name)
            guard let pod = store.get(ref), pod.controllerRef == nil, !pod.isDeleting, Self.selects(job, pod) else { continue }
            let adopted = try? store.modify(ref) { p in
                OwnerReferences.add(job.ownerReference(), to: &p)
                let finalizers = p["metadata"]["finalizers"].items
                if !finalizers.contains(.string(JobSyncPlan.trackingFinalizer)) {
                    p["metadata"]["finalizers"] = .array(finalizers + [.string(JobSyncPlan.trackingFinalizer)])
                }
            }
            if let adopted { pods.append(adopted) }
        }
        return pods.sorted { $0.name < $1.name }
    }

    /// Drops what is kept about a deleted job.
    func forget(key: String, uid: String) {
        candidates[key] = nil
        searched.remove(uid)
    }

    /// Whether `selector` picks the pod; a selector of labels only (the generated one) is read in
    /// place, without building a `LabelSelector` for every sync.
    static func matches(_ selector: JSONValue, _ pod: JSONValue) -> Bool {
        guard selector["matchExpressions"].isNull, let labels = selector["matchLabels"].object else {
            return LabelSelector(object: selector).matches(labelsOf: pod)
        }
        for (key, value) in labels where pod.label(key) != value.string { return false }
        return true
    }

    /// A job's selector picks the pod; an empty or missing selector picks no orphan.
    static func selects(_ job: JSONValue, _ pod: JSONValue) -> Bool {
        let selector = LabelSelector(object: job.spec["selector"])
        return !selector.isEmpty && selector.matches(labelsOf: pod)
    }
}
