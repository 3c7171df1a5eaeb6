import KubeAPI

/// A DaemonSet's ControllerRevisions on the shared `ControllerRevisionHistory` (`constructHistory`,
/// `dedupCurHistories`, `snapshot` and `cleanupHistory` in daemon/update.go). The current revision
/// is the one whose data equals the template's patch; its `controller-revision-hash` label is the
/// hash new pods get, so a revision found again after a rollback keeps its old hash.
struct DaemonSetHistory {
    static let resource = ControllerRevisionHistory.resource
    static let hashLabel = DaemonSetSpecView.revisionHashLabel

    let cluster: Cluster
    let ds: DaemonSetSpecView
    var history: ControllerRevisionHistory { ControllerRevisionHistory(cluster: cluster) }

    struct Revisions {
        var current: JSONValue
        var old: [JSONValue]
        var collisionCount: Int
        var hash: String { current.labels[DaemonSetHistory.hashLabel] ?? "" }
    }

    /// Revisions the DaemonSet controls.
    func owned() -> [JSONValue] {
        cluster.store.dependents(of: ds.uid).compactMap { ref in
            guard ref.resource == Self.resource, let revision = cluster.store.get(ref),
                revision.controllerRef?["uid"].string == ds.uid
            else { return nil }
            return revision
        }
    }

    /// `constructHistory`: splits the revisions into the current one (created when missing, the
    /// newest kept when several match, renumbered to the top) and the old ones.
    func construct(pods: [JSONValue]) throws(APIError) -> Revisions {
        let data = ControllerRevisionHistory.patch(for: ds.template)
        var matching: [JSONValue] = [], old: [JSONValue] = []
        for var revision in owned() {
            if revision["metadata"]["labels"][Self.hashLabel].isNull {
                // Revisions written by older controllers are labelled with their name.
                let ref = ObjectRef(Self.resource, namespace: ds.namespace, name: revision.name)
                revision = try cluster.store.modify(ref) { $0["metadata"]["labels"][Self.hashLabel] = .string($0.name) }
            }
            if revision["data"] == data { matching.append(revision) } else { old.append(revision) }
        }
        let next = (old.map(ControllerRevisionHistory.revisionNumber).max() ?? 0) + 1
        var collisionCount = ds.collisionCount
        var current: JSONValue
        if matching.isEmpty {
            let proposed = history.proposed(for: ds, number: next, collisionCount: collisionCount)
            current = try history.create(proposed, for: ds, collisionCount: &collisionCount)
        } else {
            current = dedup(matching, pods: pods)
            if ControllerRevisionHistory.revisionNumber(current) < next {
                guard let renumbered = history.renumber(current, to: next) else {
                    throw APIError(.conflict, "controllerrevisions.apps \"\(current.name)\": could not update its revision")
                }
                current = renumbered
            }
        }
        return Revisions(current: current, old: old, collisionCount: collisionCount)
    }

    /// `dedupCurHistories`: keeps the highest-numbered of several revisions with the current data,
    /// relabels the pods to its hash and deletes the others.
    func dedup(_ matching: [JSONValue], pods: [JSONValue]) -> JSONValue {
        guard matching.count > 1 else { return matching[0] }
        var keep = matching[0]
        for revision in matching
        where ControllerRevisionHistory.revisionNumber(revision) >= ControllerRevisionHistory.revisionNumber(keep) {
            keep = revision
        }
        let hash = keep.labels[Self.hashLabel] ?? ""
        for pod in pods where pod.labels[Self.hashLabel] != hash {
            let ref = ObjectRef(DaemonSetPodControl.podType, namespace: ds.namespace, name: pod.name)
            _ = try? cluster.store.modify(ref) { $0["metadata"]["labels"][Self.hashLabel] = .string(hash) }
        }
        for revision in matching where revision.name != keep.name {
            _ = try? cluster.api.delete(ObjectRef(Self.resource, namespace: ds.namespace, name: revision.name))
        }
        return keep
    }

    /// `cleanupHistory`: beyond `revisionHistoryLimit` old revisions, deletes the oldest that no pod
    /// (finished pods included) still carries.
    func cleanup(old: [JSONValue], pods: [JSONValue]) {
        let excess = old.count - max(ds.revisionHistoryLimit, 0)
        guard excess > 0 else { return }
        let liveHashes = Set(pods.compactMap { $0.label(Self.hashLabel) })
        let live = Set(old.filter { liveHashes.contains($0.labels[Self.hashLabel] ?? "") }.map(\.name))
        history.delete(oldest: excess, of: ControllerRevisionHistory.sorted(old), keeping: live, namespace: ds.namespace)
    }
}
