import KubeAPI

/// A StatefulSet read with the apps/v1 defaults applied, so a set that reached the store without
/// defaulting (tests, fixtures) is reconciled exactly like one the API server defaulted.
struct StatefulSetSpecView {
    /// More pods than this per set are never created: a typo such as `--replicas 1000000` must not
    /// exhaust the machine. Real clusters would try; a learner's sandbox stops here.
    static let maxReplicas = 10_000

    let object: JSONValue
    let name: String
    let namespace: String
    let uid: String
    let generation: Int
    let replicas: Int
    let startOrdinal: Int
    let serviceName: String
    /// `podManagementPolicy: Parallel`: create and delete without waiting.
    let isParallel: Bool
    let isOnDelete: Bool
    /// `updateStrategy.rollingUpdate.partition`; nil when `rollingUpdate` is absent.
    let partition: Int?
    let minReadySeconds: Int
    let revisionHistoryLimit: Int
    let deletesClaimsWhenDeleted: Bool
    let deletesClaimsWhenScaled: Bool
    let selector: LabelSelector
    let matchLabels: [String: String]
    let template: JSONValue
    let claimTemplates: [JSONValue]
    let isDeleting: Bool
    let currentRevisionName: String
    let statusCurrentReplicas: Int
    let collisionCount: Int

    init(_ set: JSONValue) {
        object = set
        name = set.name
        namespace = set.namespace ?? "default"
        uid = set.uid
        generation = set["metadata"]["generation"].int ?? 0
        let spec = set.spec
        replicas = min(max(spec["replicas"].int ?? 1, 0), Self.maxReplicas)
        startOrdinal = max(spec["ordinals"]["start"].int ?? 0, 0)
        serviceName = spec["serviceName"].string ?? ""
        isParallel = spec["podManagementPolicy"].string == "Parallel"
        let strategy = spec["updateStrategy"]
        isOnDelete = strategy["type"].string == "OnDelete"
        if isOnDelete {
            partition = nil
        } else if strategy["rollingUpdate"].isNull && !strategy["type"].isNull {
            partition = nil
        } else {
            // An absent updateStrategy defaults to RollingUpdate with partition 0.
            partition = max(strategy["rollingUpdate"]["partition"].int ?? 0, 0)
        }
        minReadySeconds = max(spec["minReadySeconds"].int ?? 0, 0)
        revisionHistoryLimit = spec["revisionHistoryLimit"].int ?? 10
        let policy = spec["persistentVolumeClaimRetentionPolicy"]
        deletesClaimsWhenDeleted = policy["whenDeleted"].string == "Delete"
        deletesClaimsWhenScaled = policy["whenScaled"].string == "Delete"
        selector = LabelSelector(object: spec["selector"])
        matchLabels = spec["selector"]["matchLabels"].stringMap
        template = spec["template"]
        claimTemplates = spec["volumeClaimTemplates"].items
        isDeleting = set.isDeleting
        currentRevisionName = set.status["currentRevision"].string ?? ""
        statusCurrentReplicas = set.status["currentReplicas"].int ?? 0
        collisionCount = set.status["collisionCount"].int ?? 0
    }

    var key: String { namespace + "/" + name }
    /// The last ordinal in range (inclusive); below `startOrdinal` when replicas is 0.
    var endOrdinal: Int { startOrdinal + replicas - 1 }
    var hasRetentionPolicy: Bool { deletesClaimsWhenDeleted || deletesClaimsWhenScaled }

    func inRange(_ ordinal: Int) -> Bool { ordinal >= startOrdinal && ordinal <= endOrdinal }

    func podName(_ ordinal: Int) -> String { "\(name)-\(ordinal)" }

    /// `<template>-<set>-<ordinal>`, the claim a pod of this ordinal mounts for `template`.
    func claimName(template: JSONValue, ordinal: Int) -> String { "\(template.name)-\(name)-\(ordinal)" }

    /// Whether `pod` is named like a member of this set (`<set>-<ordinal>`).
    func isMember(_ pod: JSONValue) -> Bool {
        guard let identity = PodOrdinal(pod.name) else { return false }
        return identity.parent == name
    }

    /// The controller ownerReference pods and revisions carry.
    var controllerReference: JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "StatefulSet", "name": .string(name), "uid": .string(uid),
            "controller": true, "blockOwnerDeletion": true,
        ]
    }
}

/// The `<parent>-<ordinal>` split of a stateful pod name (regex `(.*)-([0-9]+)$`).
struct PodOrdinal: Equatable {
    let parent: String
    let ordinal: Int

    init?(_ podName: String) {
        guard let dash = podName.lastIndex(of: "-") else { return nil }
        let digits = podName[podName.index(after: dash)...]
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let value = Int32(digits)
        else { return nil }
        parent = String(podName[..<dash])
        ordinal = Int(value)
    }
}
