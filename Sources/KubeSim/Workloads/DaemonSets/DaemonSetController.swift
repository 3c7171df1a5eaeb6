import KubeAPI

/// The DaemonSet controller of kube-controller-manager (pkg/controller/daemon): maps DaemonSet,
/// pod, node and revision changes to the DaemonSets they concern, claims each set's pods (adopts
/// matching orphans, releases pods that stopped matching) and runs `DaemonSetControl`.
public final class DaemonSetController: Controller {
    public let name = "daemonset-controller"
    public let watchedKinds = WatchedKinds.only(["DaemonSet", "Pod", "Node", "ControllerRevision"])

    static let podType = DaemonSetPodControl.podType
    static let dsType = DaemonSetSpecView.resource

    let failedPods = FailedDaemonPodBackoff()
    /// Orphan pods seen since a set's last sync whose labels it selects (set key → pod names).
    private var adoptionCandidates: [String: Set<String>] = [:]
    /// Sets (by uid) whose namespace was already searched once for orphan pods and revisions.
    private var searchedForOrphans: Set<String> = []
    /// Syncs again after a failed pass, and at the instant a pass asked for (a pod turning
    /// available after minReadySeconds, a failed pod's back-off ending).
    private let requeue = KeyedWakeups()

    public init() {}

    // MARK: Controller

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        let object = event.object
        let ns = object.namespace ?? "default"
        switch event.resource.kind {
        case "DaemonSet":
            if event.kind == .deleted { forget(ns + "/" + object.name, uid: object.uid) }
            if event.kind == .modified, let old = event.old, StatefulSetController.onlyStatusChanged(old, object) { return [] }
            return [ns + "/" + object.name]
        case "Pod":
            return podKeys(event, namespace: ns, in: cluster)
        case "Node":
            // A node joining, leaving, or changing labels, taints or schedulability may change
            // where every set runs; heartbeats and other status writes change nothing.
            if event.kind == .modified, let old = event.old, old["metadata"]["labels"] == object["metadata"]["labels"],
                old["spec"] == object["spec"]
            {
                return []
            }
            return cluster.store.list(Self.dsType).map(\.namespacedKey)
        case "ControllerRevision":
            guard let owner = Self.owner(of: object) else { return [] }
            return [ns + "/" + owner]
        default:
            return []
        }
    }

    private func podKeys(_ event: WatchEvent, namespace ns: String, in cluster: Cluster) -> [String] {
        let pod = event.object
        if event.isControlled(byAnotherKindThan: "DaemonSet") { return [] }
        if event.kind == .modified, let old = event.old, !Self.mattersToTheSet(old, pod) { return [] }
        var keys: [String] = []
        for version in [pod, event.old].compactMap({ $0 }) {
            if let owner = Self.owner(of: version), !keys.contains(ns + "/" + owner) { keys.append(ns + "/" + owner) }
        }
        if pod.controllerRef == nil, event.kind != .deleted, !pod.isDeleting {
            for ds in cluster.store.list(Self.dsType, namespace: ns) where DaemonSetSpecView(ds).selector.matches(labelsOf: pod) {
                let key = ds.namespacedKey
                adoptionCandidates[key, default: []].insert(pod.name)
                if !keys.contains(key) { keys.append(key) }
            }
        }
        return keys
    }

    /// A pod write the set cares about: ownership, labels, binding, deletion, phase or readiness.
    static func mattersToTheSet(_ old: JSONValue, _ new: JSONValue) -> Bool {
        let a = old["metadata"], b = new["metadata"]
        if a["ownerReferences"] != b["ownerReferences"] || a["labels"] != b["labels"] || a["deletionTimestamp"] != b["deletionTimestamp"] {
            return true
        }
        if old["spec"]["nodeName"] != new["spec"]["nodeName"] || old.status["phase"] != new.status["phase"] { return true }
        return PodConditions.readyCondition(old) != PodConditions.readyCondition(new)
    }

    /// The name of the DaemonSet controlling `object`, if one does.
    static func owner(of object: JSONValue) -> String? {
        guard let ref = object.controllerRef, ref["kind"].string == "DaemonSet", ref["apiVersion"].string?.hasPrefix("apps/") ?? false
        else { return nil }
        return ref["name"].string
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let (ns, name) = NamespacedKey.split(key) else { return }
        guard let object = cluster.store.get(Self.dsType, namespace: ns, name: name) else {
            forget(key, uid: nil)
            return
        }
        let ds = DaemonSetSpecView(object)
        let firstSync = !searchedForOrphans.contains(ds.uid)
        let pods = claimPods(ds, key: key, searchNamespace: firstSync, in: cluster)
        if firstSync {
            searchedForOrphans.insert(ds.uid)
            if !ds.selectsEverything { ControllerRevisionHistory(cluster: cluster).adoptOrphans(for: ds) }
        }
        let outcome = DaemonSetControl(cluster: cluster, ds: ds, failedPods: failedPods).run(pods: pods)
        if outcome.failed { requeue.retry(self, key: key, in: cluster) } else { requeue.succeeded(key) }
        if let at = outcome.recheckAt { requeue.wake(self, key: key, at: at, in: cluster) }
    }

    /// Queues every DaemonSet for a sync (a controller starting on an existing cluster).
    public func resyncAll(in cluster: Cluster) {
        for ds in cluster.store.list(Self.dsType) { cluster.enqueue(self, key: ds.namespacedKey) }
    }

    // MARK: Pods

    /// `getDaemonPods` (`ClaimPods`): owned pods that still match, plus matching orphans, which are
    /// adopted; owned pods that stopped matching are released.
    func claimPods(_ ds: DaemonSetSpecView, key: String, searchNamespace: Bool, in cluster: Cluster) -> [JSONValue] {
        let store = cluster.store
        var pods: [JSONValue] = []
        for pod in ReplicaSetController.ownedPods(of: ds.object, in: cluster) {
            if ds.selector.matches(labelsOf: pod) && !ds.selectsEverything {
                pods.append(pod)
            } else if !ds.isDeleting {
                let ref = ObjectRef(Self.podType, namespace: ds.namespace, name: pod.name)
                _ = try? store.modify(ref) { p in OwnerReferences.remove(from: &p) { $0["uid"].string == ds.uid } }
            }
        }
        var candidates = adoptionCandidates.removeValue(forKey: key) ?? []
        guard !ds.isDeleting, !ds.selectsEverything else { return pods }
        if searchNamespace {
            // Orphans left by an earlier set (deleted with --cascade=orphan) are found once; later
            // ones announce themselves through the watch.
            for pod in store.list(Self.podType, namespace: ds.namespace) where pod.controllerRef == nil {
                candidates.insert(pod.name)
            }
        }
        for name in candidates.sorted() {
            let ref = ObjectRef(Self.podType, namespace: ds.namespace, name: name)
            guard let pod = store.get(ref), pod.controllerRef == nil, !pod.isDeleting, ds.selector.matches(labelsOf: pod) else { continue }
            if let adopted = try? store.modify(ref, { OwnerReferences.add(ds.controllerReference, to: &$0) }) { pods.append(adopted) }
        }
        return pods
    }

    private func forget(_ key: String, uid: String?) {
        adoptionCandidates[key] = nil
        requeue.succeeded(key)
        if let uid {
            searchedForOrphans.remove(uid)
            failedPods.forget(ds: uid)
        }
    }
}
