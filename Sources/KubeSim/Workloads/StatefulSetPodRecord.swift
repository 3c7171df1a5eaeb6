import KubeAPI

/// What the StatefulSet controller needs to know about one pod, worked out once per pod change
/// (as an informer's cache would hold it) so a sync over 100 replicas reads plain fields instead
/// of walking JSON. A class, so slots and arrays share one copy.
final class StatefulSetPodRecord {
    /// The pod as last stored; a write that leaves every field below as it was replaces only this.
    var object: JSONValue
    let name: String
    let uid: String
    /// The ordinal from the name, or -1 when the name has none.
    let ordinal: Int
    /// The name without `-<ordinal>`.
    let parent: String
    /// `controller-revision-hash`.
    let revision: String
    let phase: String
    let isReady: Bool
    let readySince: Millis?
    let isDeleting: Bool
    /// The `statefulset.kubernetes.io/pod-name` label equals the name.
    let hasNameLabel: Bool
    /// Volume name → claim name, for the pod's persistentVolumeClaim volumes.
    let claimVolumes: [String: String]
    /// Whether the labels match the owning set's selector when the record was made.
    let matchesSelector: Bool
    /// The set generation whose identity and storage this pod was last found to match.
    var checkedForGeneration = -1
    /// The cache's claim-loss epoch at which all of this pod's claims were found present.
    var claimsPresentEpoch = -1

    init(_ pod: JSONValue, selector: LabelSelector?) {
        object = pod
        let metadata = pod["metadata"]
        name = metadata["name"].string ?? ""
        uid = metadata["uid"].string ?? ""
        if let id = PodOrdinal(name) {
            ordinal = id.ordinal
            parent = id.parent
        } else {
            ordinal = -1
            parent = ""
        }
        let labels = metadata["labels"]
        revision = labels[StatefulSetPodFactory.revisionLabel].string ?? ""
        hasNameLabel = labels[StatefulSetPodFactory.podNameLabel].string == name
        isDeleting = metadata["deletionTimestamp"].string != nil
        let status = pod["status"]
        phase = status["phase"].string ?? ""
        let ready = status["conditions"].items.first { $0["type"].string == "Ready" }
        isReady = ready?["status"].string == "True"
        readySince = ready?["lastTransitionTime"].string.flatMap(Timestamp.parse)
        var claims: [String: String] = [:]
        for volume in pod["spec"]["volumes"].items {
            if let claim = volume["persistentVolumeClaim"]["claimName"].string, let volumeName = volume["name"].string {
                claims[volumeName] = claim
            }
        }
        claimVolumes = claims
        matchesSelector = selector?.matches(labelsOf: pod) ?? false
    }

    /// Whether two versions of a pod give the same record apart from `object`, judged from the
    /// parts the fields come from, without building a record.
    static func sameFields(_ a: JSONValue, _ b: JSONValue) -> Bool {
        let ma = a["metadata"], mb = b["metadata"]
        guard ma["uid"] == mb["uid"], ma["labels"] == mb["labels"], ma["deletionTimestamp"] == mb["deletionTimestamp"] else {
            return false
        }
        let sa = a["status"], sb = b["status"]
        guard sa["phase"] == sb["phase"], a["spec"]["volumes"] == b["spec"]["volumes"] else { return false }
        func ready(_ status: JSONValue) -> JSONValue {
            status["conditions"].items.first { $0["type"].string == "Ready" } ?? .null
        }
        return ready(sa) == ready(sb)
    }

    var isTerminal: Bool { phase == "Failed" || phase == "Succeeded" }
    var isRunningAndReady: Bool { phase == "Running" && isReady }

    /// Ready for longer than `minReadySeconds` (`IsPodAvailable`).
    func isAvailable(minReadySeconds: Int, now: Millis) -> Bool {
        guard isReady else { return false }
        if minReadySeconds == 0 { return true }
        guard let since = readySince else { return false }
        return since + Millis(minReadySeconds) * 1000 < now
    }
}
