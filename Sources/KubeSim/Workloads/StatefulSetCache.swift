import KubeAPI

/// The StatefulSet controller's view of the store, kept current from the watch like an informer
/// cache: pod records and revisions per owning set, and which claims exist. Syncs read it instead
/// of walking the owner index and re-parsing objects, which keeps 100 sets x 100 replicas cheap.
final class StatefulSetCache {
    struct ClaimState {
        let uid: String
        let isDeleting: Bool
        let hasOwners: Bool
    }

    /// Set uid → pod name → record.
    private(set) var podsBySet: [String: [String: StatefulSetPodRecord]] = [:]
    /// Set uid → revision name → revision.
    private(set) var revisionsBySet: [String: [String: JSONValue]] = [:]
    /// `ns/claim` → state.
    private(set) var claims: [String: ClaimState] = [:]
    /// Claims (`ns/name`) that have ownerReferences; usually none, which lets a Retain/Retain set
    /// skip looking at its claims.
    private(set) var claimsWithOwners: Set<String> = []
    /// Bumped whenever a claim is deleted or starts terminating, so pods that found all their
    /// claims present (`StatefulSetPodRecord.claimsPresentEpoch`) check again.
    private(set) var claimLossEpoch = 0
    /// Set uid → its selector (immutable in apps/v1).
    private var selectors: [String: LabelSelector] = [:]
    /// Set uid → the revision its template would produce, for a generation and collision count.
    var proposedRevisions: [String: (generation: Int, collisionCount: Int, revision: JSONValue)] = [:]

    static let podType = ResourceRegistry.forKind("Pod")!
    static let setType = ResourceRegistry.forKind("StatefulSet")!

    /// Updates the cache for one store change. Returns false for a pod change that leaves what the
    /// controller reads of the pod as it was (most kubelet status writes before Ready), so the
    /// pod's set need not sync for it: a sync over unchanged inputs would change nothing.
    @discardableResult
    func observe(_ event: WatchEvent, in store: ObjectStore) -> Bool {
        let object = event.object
        switch event.resource.kind {
        case "Pod":
            if let old = event.old, let ownerUID = Self.setOwnerUID(of: old),
                event.kind == .deleted || Self.setOwnerUID(of: object) != ownerUID
            {
                podsBySet[ownerUID]?[old.name] = nil
            }
            guard event.kind != .deleted, let ownerUID = Self.setOwnerUID(of: object) else { return true }
            if event.kind == .modified, let old = event.old, let previous = podsBySet[ownerUID]?[object.name],
                Self.setOwnerUID(of: old) == ownerUID, StatefulSetPodRecord.sameFields(old, object)
            {
                previous.object = object
                return false
            }
            let selector = selector(for: ownerUID, named: object.controllerRef?["name"].string ?? "",
                                    namespace: object.namespace ?? "default", in: store)
            podsBySet[ownerUID, default: [:]][object.name] = StatefulSetPodRecord(object, selector: selector)
        case "ControllerRevision":
            if let old = event.old, let ownerUID = Self.setOwnerUID(of: old),
                event.kind == .deleted || Self.setOwnerUID(of: object) != ownerUID
            {
                revisionsBySet[ownerUID]?[old.name] = nil
            }
            guard event.kind != .deleted, let ownerUID = Self.setOwnerUID(of: object) else { return true }
            revisionsBySet[ownerUID, default: [:]][object.name] = object
        case "PersistentVolumeClaim":
            let key = object.namespacedKey
            if event.kind == .deleted || object.ownerReferences.isEmpty {
                claimsWithOwners.remove(key)
            } else {
                claimsWithOwners.insert(key)
            }
            if event.kind == .deleted {
                claims[key] = nil
                claimLossEpoch += 1
            } else {
                claims[key] = ClaimState(uid: object.uid, isDeleting: object.isDeleting, hasOwners: !object.ownerReferences.isEmpty)
                if object.isDeleting { claimLossEpoch += 1 }
            }
        case "StatefulSet":
            if event.kind == .deleted { forget(uid: object.uid) }
        default:
            break
        }
        return true
    }

    /// Rebuilds one set's entries from the owner index (for objects stored before the controller
    /// was registered).
    func load(set: StatefulSetSpecView, from store: ObjectStore) {
        var pods: [String: StatefulSetPodRecord] = [:]
        var revisions: [String: JSONValue] = [:]
        selectors[set.uid] = set.selector
        for ref in store.dependents(of: set.uid) {
            guard let object = store.get(ref), Self.setOwnerUID(of: object) == set.uid else { continue }
            if ref.resource == Self.podType {
                pods[object.name] = StatefulSetPodRecord(object, selector: set.selector)
            } else if ref.resource == ControllerRevisionHistory.resource {
                revisions[object.name] = object
            }
        }
        podsBySet[set.uid] = pods
        revisionsBySet[set.uid] = revisions
    }

    func pods(of uid: String) -> [StatefulSetPodRecord] { podsBySet[uid].map { Array($0.values) } ?? [] }

    func revisions(of uid: String) -> [JSONValue] { revisionsBySet[uid].map { Array($0.values) } ?? [] }

    /// The claim's state, from the cache or, on a miss, from the store.
    func claim(_ name: String, namespace: String, in store: ObjectStore) -> ClaimState? {
        let key = namespace + "/" + name
        if let state = claims[key] { return state }
        guard let type = ResourceRegistry.forKind("PersistentVolumeClaim"),
            let object = store.get(type, namespace: namespace, name: name)
        else { return nil }
        let state = ClaimState(uid: object.uid, isDeleting: object.isDeleting, hasOwners: !object.ownerReferences.isEmpty)
        claims[key] = state
        return state
    }

    func forget(uid: String) {
        podsBySet[uid] = nil
        revisionsBySet[uid] = nil
        selectors[uid] = nil
        proposedRevisions[uid] = nil
    }

    private func selector(for uid: String, named name: String, namespace: String, in store: ObjectStore) -> LabelSelector? {
        if let known = selectors[uid] { return known }
        guard let set = store.get(Self.setType, namespace: namespace, name: name), set.uid == uid else { return nil }
        let selector = LabelSelector(object: set.spec["selector"])
        selectors[uid] = selector
        return selector
    }

    /// The uid of the StatefulSet controlling `object`, if one does.
    static func setOwnerUID(of object: JSONValue) -> String? {
        guard let ref = object.controllerRef, ref["kind"].string == "StatefulSet",
            ref["apiVersion"].string?.hasPrefix("apps/") ?? false
        else { return nil }
        return ref["uid"].string
    }
}
