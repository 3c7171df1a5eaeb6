import KubeAPI

/// A workload whose pod templates are kept as ControllerRevisions (StatefulSets and DaemonSets).
protocol RevisionOwner {
    /// The label a revision's hash is kept under: `controller.kubernetes.io/hash`, which
    /// `history.NewControllerRevision` sets for StatefulSets; DaemonSets label theirs
    /// `controller-revision-hash` (`snapshot` in daemon/update.go).
    static var revisionHashLabel: String { get }
    var object: JSONValue { get }
    var name: String { get }
    var namespace: String { get }
    var uid: String { get }
    var selector: LabelSelector { get }
    var template: JSONValue { get }
    var isDeleting: Bool { get }
    var revisionHistoryLimit: Int { get }
    var controllerReference: JSONValue { get }
    /// The name suffix of the revision holding `data` (the patch of `template`).
    func revisionHash(data: JSONValue, collisionCount: Int) -> String
}

extension RevisionOwner {
    static var revisionHashLabel: String { ControllerRevisionHistory.hashLabel }

    /// `history.HashControllerRevision`, over the revision's data.
    func revisionHash(data: JSONValue, collisionCount: Int) -> String {
        RevisionHash.hash(of: data, collisionCount: collisionCount)
    }
}

extension StatefulSetSpecView: RevisionOwner {}

/// A workload's ControllerRevisions: snapshots of its pod template that pods point at through
/// `controller-revision-hash`, so updates, rollbacks and `kubectl rollout history` work
/// (`pkg/controller/history`, the revision half of `stateful_set_control.go`, and daemon/update.go's
/// `constructHistory` and `cleanupHistory`).
struct ControllerRevisionHistory {
    static let hashLabel = "controller.kubernetes.io/hash"
    static let resource = ResourceRegistry.forKind("ControllerRevision")!

    let cluster: Cluster

    /// The revision data for `template`: a strategic-merge patch that replaces the template.
    static func patch(for template: JSONValue) -> JSONValue {
        var t = sortedKeys(template)
        t["$patch"] = "replace"
        return ["spec": ["template": sortedKeys(t)]]
    }

    /// The pod template a revision restores (`ApplyRevision`, for the only field it records).
    static func template(of revision: JSONValue) -> JSONValue {
        var t = revision["data"]["spec"]["template"]
        t["$patch"] = nil
        return t
    }

    static func revisionNumber(_ revision: JSONValue) -> Int { revision["revision"].int ?? 0 }

    /// Oldest first (`SortControllerRevisions`): by revision number, then age, then name.
    static func sorted(_ revisions: [JSONValue]) -> [JSONValue] {
        revisions.sorted {
            let a = revisionNumber($0), b = revisionNumber($1)
            if a != b { return a < b }
            let ta = $0.creationTimestamp ?? "", tb = $1.creationTimestamp ?? ""
            if ta != tb { return ta < tb }
            return $0.name < $1.name
        }
    }

    /// Takes ownership of revisions left behind by an orphaning delete of an earlier set with the
    /// same name and selector. Scans the namespace, so the controller calls it once per set.
    func adoptOrphans(for set: some RevisionOwner) {
        guard !set.selector.isEmpty, !set.isDeleting else { return }
        for revision in cluster.store.list(Self.resource, namespace: set.namespace)
        where revision.controllerRef == nil && !revision.isDeleting && set.selector.matches(labelsOf: revision) {
            let ref = ObjectRef(Self.resource, namespace: set.namespace, name: revision.name)
            _ = try? cluster.store.modify(ref) { OwnerReferences.add(set.controllerReference, to: &$0) }
        }
    }

    /// A revision object for the set's current template, not yet stored (`NewControllerRevision`).
    func proposed<Owner: RevisionOwner>(for set: Owner, number: Int, collisionCount: Int) -> JSONValue {
        let data = Self.patch(for: set.template)
        let hash = set.revisionHash(data: data, collisionCount: collisionCount)
        var labels = set.template["metadata"]["labels"].stringMap
        labels[Owner.revisionHashLabel] = hash
        var metadata: JSONValue = [:]
        let annotations = set.object.annotations
        if !annotations.isEmpty { metadata["annotations"] = .stringMap(annotations) }
        metadata["labels"] = .stringMap(labels)
        metadata["name"] = .string(Self.name(set: set.name, hash: hash))
        metadata["namespace"] = .string(set.namespace)
        metadata["ownerReferences"] = [set.controllerReference]
        var revision: JSONValue = ["apiVersion": "apps/v1", "kind": "ControllerRevision"]
        revision["data"] = data
        revision["metadata"] = metadata
        revision["revision"] = .int(number)
        return revision
    }

    static func name(set: String, hash: String) -> String {
        let prefix = set.count > 223 ? String(set.prefix(223)) : set
        return prefix + "-" + hash
    }

    /// Stores `revision`, probing new names on collisions (`CreateControllerRevision`): an existing
    /// revision with the same data is returned as is, a different one bumps `collisionCount`.
    func create<Owner: RevisionOwner>(_ revision: JSONValue, for set: Owner, collisionCount: inout Int) throws(APIError) -> JSONValue {
        var candidate = revision
        for _ in 0..<64 {
            let hash = set.revisionHash(data: revision["data"], collisionCount: collisionCount)
            candidate["metadata"]["name"] = .string(Self.name(set: set.name, hash: hash))
            // A DaemonSet's snapshot after a collision is built afresh with the new hash as its
            // label; `CreateControllerRevision` only renames a StatefulSet's.
            if Owner.revisionHashLabel != Self.hashLabel { candidate["metadata"]["labels"][Owner.revisionHashLabel] = .string(hash) }
            let ref = ObjectRef(Self.resource, namespace: set.namespace, name: candidate.name)
            if let existing = cluster.store.get(ref) {
                if existing["data"] == candidate["data"] { return existing }
                collisionCount += 1
                continue
            }
            return try cluster.api.create(candidate, as: Self.resource)
        }
        throw APIError(.conflict, "controllerrevisions.apps \"\(candidate.name)\": too many hash collisions")
    }

    /// Moves an older revision to the top of the history (a rollback to an earlier template).
    func renumber(_ revision: JSONValue, to number: Int) -> JSONValue? {
        if Self.revisionNumber(revision) == number { return revision }
        let ref = ObjectRef(Self.resource, namespace: revision.namespace ?? "default", name: revision.name)
        return try? cluster.store.modify(ref) { $0["revision"] = .int(number) }
    }

    /// Deletes the oldest revisions no pod, and neither the current nor the update revision, uses,
    /// until at most `revisionHistoryLimit` of them remain (`truncateHistory`).
    func truncate(_ revisions: [JSONValue], set: some RevisionOwner, live: Set<String>) {
        let history = revisions.filter { !live.contains($0.name) }
        let limit = set.revisionHistoryLimit
        guard limit >= 0, history.count > limit else { return }
        delete(oldest: history.count - limit, of: history, keeping: live, namespace: set.namespace)
    }

    /// Deletes up to `count` of `revisions` (oldest first) whose names are not in `live`.
    func delete(oldest count: Int, of revisions: [JSONValue], keeping live: Set<String>, namespace: String) {
        var left = count
        for revision in revisions where left > 0 && !live.contains(revision.name) {
            _ = try? cluster.api.delete(ObjectRef(Self.resource, namespace: namespace, name: revision.name))
            left -= 1
        }
    }

    /// Objects with keys in byte order at every level, as Go's map serialization orders them.
    static func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var out = JSONValue.emptyObject
            for key in members.keys.sorted() { out[key] = sortedKeys(members[key] ?? .null) }
            return out
        case .array(let items): return .array(items.map(sortedKeys))
        default: return value
        }
    }
}
