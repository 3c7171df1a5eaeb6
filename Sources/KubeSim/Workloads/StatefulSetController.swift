import KubeAPI

/// The StatefulSet controller of kube-controller-manager: maps pod, revision and claim changes to
/// their set, claims (adopts and releases) the set's pods, and runs `StatefulSetControl`.
///
/// Pods are found through the store's owner index plus name lookups, never by listing every pod,
/// so 100 sets of 100 replicas stay cheap to sync.
public final class StatefulSetController: Controller {
    public let name = "statefulset-controller"
    public let watchedKinds = WatchedKinds.only(["StatefulSet", "Pod", "ControllerRevision", "PersistentVolumeClaim"])

    /// What the controller knows of pods, revisions and claims, kept from the watch.
    let cache = StatefulSetCache()
    /// Orphan pods named like a member of a set (`ns/parent` → pod names), whether or not that set
    /// exists: what a set of that name tries to adopt on each sync (upstream lists the namespace's
    /// pods by selector; this index answers the same question without listing every pod).
    private var orphansByParent: [String: Set<String>] = [:]
    /// Sets (by uid) whose namespace was already searched once for orphan pods and revisions.
    private var searchedForOrphans: Set<String> = []
    /// Retries with back-off after a failed pass, and rechecks at the instant a pass asked for.
    private let requeue = KeyedWakeups()

    public init() {}

    static let podType = StatefulPodControl.podType
    static let setType = StatefulSetControl.setType
    static let claimType = StatefulPodControl.claimType
    static let revisionType = ControllerRevisionHistory.resource

    // MARK: Controller

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        // Another controller's pod is neither cached, nor an orphan, nor a set's to adopt.
        if event.resource.kind == "Pod", event.isControlled(byAnotherKindThan: "StatefulSet") { return [] }
        let relevant = cache.observe(event, in: cluster.store)
        let object = event.object
        let ns = object.namespace ?? "default"
        if event.resource.kind == "Pod", event.podControllerRef == nil || (event.old != nil && event.oldPodControllerRef == nil) {
            noteOrphan(object, deleted: event.kind == .deleted, namespace: ns)
        }
        switch event.resource.kind {
        case "Pod" where !relevant:
            // Same owner, same view of the pod: nothing for the set to do.
            return []
        case "StatefulSet":
            if event.kind == .deleted { forget(ns + "/" + object.name, uid: object.uid) }
            if event.kind == .modified, let old = event.old, Self.onlyStatusChanged(old, object) { return [] }
            return [ns + "/" + object.name]
        case "Pod":
            var keys: [String] = []
            if let owner = Self.setOwner(of: object) { keys.append(ns + "/" + owner) }
            if let old = event.old, let owner = Self.setOwner(of: old), !keys.contains(ns + "/" + owner) {
                keys.append(ns + "/" + owner)
            }
            if object.controllerRef == nil, event.kind != .deleted, !object.isDeleting, let id = PodOrdinal(object.name),
                cluster.store.get(Self.setType, namespace: ns, name: id.parent) != nil
            {
                let key = ns + "/" + id.parent
                if !keys.contains(key) { keys.append(key) }
            }
            return keys
        case "ControllerRevision":
            if let owner = Self.setOwner(of: object) { return [ns + "/" + owner] }
            return []
        case "PersistentVolumeClaim":
            // A claim that blocked a pod (stale owner, or being deleted) is gone: resume its set.
            guard event.kind == .deleted else { return [] }
            return Self.sets(usingClaim: object, in: cluster)
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let (ns, name) = NamespacedKey.split(key) else { return }
        guard let set = cluster.store.get(Self.setType, namespace: ns, name: name) else {
            cluster.waitReasons.set(nil, kind: "StatefulSet", namespace: ns, name: name)
            forget(key, uid: nil)
            return
        }
        let view = StatefulSetSpecView(set)
        let firstSync = !searchedForOrphans.contains(view.uid)
        if firstSync { cache.load(set: view, from: cluster.store) }
        let pods = claimPods(view, key: key, in: cluster)
        if firstSync {
            searchedForOrphans.insert(view.uid)
            ControllerRevisionHistory(cluster: cluster).adoptOrphans(for: view)
        }
        let outcome = StatefulSetControl(cluster: cluster, cache: cache, set: set).run(pods: pods)
        cluster.waitReasons.set(outcome.waits, kind: "StatefulSet", namespace: ns, name: name)
        if outcome.failed { requeue.retry(self, key: key, in: cluster) } else { requeue.succeeded(key) }
        if let at = outcome.recheckAt { requeue.wake(self, key: key, at: at, in: cluster) }
    }

    // MARK: Pods

    /// The set's pods: owned ones that still match (others are released) plus matching orphans,
    /// which are adopted (`ClaimPods` with the `isMemberOf` filter).
    func claimPods(_ set: StatefulSetSpecView, key: String, in cluster: Cluster) -> [StatefulSetPodRecord] {
        let store = cluster.store
        var pods: [StatefulSetPodRecord] = []
        var released: [String] = []
        for pod in cache.podsBySet[set.uid]?.values ?? [:].values {
            if pod.parent == set.name && pod.matchesSelector {
                pods.append(pod)
            } else {
                released.append(pod.name)
            }
        }
        if !set.isDeleting {
            for name in released.sorted() {
                let ref = ObjectRef(Self.podType, namespace: set.namespace, name: name)
                _ = try? store.modify(ref) { p in OwnerReferences.remove(from: &p) { $0["uid"].string == set.uid } }
            }
        }
        guard !set.isDeleting else { return pods }
        // Orphans of this name, including those an earlier set left (deleted with --cascade=orphan),
        // in range or not: those past the replicas are adopted, then deleted as any surplus pod is.
        for name in (orphansByParent[key] ?? []).sorted() {
            let ref = ObjectRef(Self.podType, namespace: set.namespace, name: name)
            guard let pod = store.get(ref), pod.controllerRef == nil, !pod.isDeleting, set.isMember(pod),
                set.selector.matches(labelsOf: pod)
            else { continue }
            if let adopted = try? store.modify(ref, { OwnerReferences.add(set.controllerReference, to: &$0) }) {
                pods.append(StatefulSetPodRecord(adopted, selector: set.selector))
            }
        }
        return pods
    }

    /// A status write (usually this controller's own) changes nothing a sync acts on.
    static func onlyStatusChanged(_ old: JSONValue, _ new: JSONValue) -> Bool {
        let a = old["metadata"], b = new["metadata"]
        guard a["uid"] == b["uid"], a["deletionTimestamp"] == b["deletionTimestamp"], a["annotations"] == b["annotations"]
        else { return false }
        if let g = a["generation"].int, g != 0, b["generation"].int == g { return true }
        return old["spec"] == new["spec"]
    }

    /// The name of the StatefulSet controlling `object`, if one does.
    static func setOwner(of object: JSONValue) -> String? {
        guard let ref = object.controllerRef, ref["kind"].string == "StatefulSet",
            ref["apiVersion"].string?.hasPrefix("apps/") ?? false
        else { return nil }
        return ref["name"].string
    }

    /// Sets whose pods mount `claim`, from the claim's owner pods or its `<template>-<set>-<n>` name.
    static func sets(usingClaim claim: JSONValue, in cluster: Cluster) -> [String] {
        let ns = claim.namespace ?? "default"
        var keys: Set<String> = []
        for ref in claim.ownerReferences where ref["kind"].string == "Pod" {
            if let pod = ref["name"].string, let id = PodOrdinal(pod) { keys.insert(ns + "/" + id.parent) }
        }
        if let id = PodOrdinal(claim.name) {
            let stem = id.parent
            var index = stem.startIndex
            while let dash = stem[index...].firstIndex(of: "-") {
                let template = String(stem[..<dash])
                let setName = String(stem[stem.index(after: dash)...])
                if let set = cluster.store.get(setType, namespace: ns, name: setName),
                    set.spec["volumeClaimTemplates"].items.contains(where: { $0.name == template })
                {
                    keys.insert(ns + "/" + setName)
                }
                index = stem.index(after: dash)
            }
        }
        return keys.filter { key in
            guard let (_, name) = NamespacedKey.split(key) else { return false }
            return cluster.store.get(setType, namespace: ns, name: name) != nil
        }.sorted()
    }

    /// Keeps `orphansByParent` from the pod watch.
    private func noteOrphan(_ pod: JSONValue, deleted: Bool, namespace: String) {
        guard let id = PodOrdinal(pod.name) else { return }
        let key = namespace + "/" + id.parent
        if !deleted && pod.controllerRef == nil && !pod.isDeleting {
            orphansByParent[key, default: []].insert(pod.name)
        } else if orphansByParent[key]?.remove(pod.name) != nil, orphansByParent[key]?.isEmpty == true {
            orphansByParent[key] = nil
        }
    }

    private func forget(_ key: String, uid: String?) {
        requeue.succeeded(key)
        if let uid {
            searchedForOrphans.remove(uid)
            cache.forget(uid: uid)
        }
    }
}
