import KubeAPI

/// The tolerations the DaemonSet controller gives every daemon pod (`AddOrUpdateDaemonPodTolerations`
/// in daemon/util): node problems never evict a daemon pod, and cordoned or pressured nodes still
/// run one. `hostNetwork` pods also tolerate a node whose network is not set up yet.
enum DaemonPodTolerations {
    static func exists(_ key: String, _ effect: String) -> JSONValue {
        ["effect": .string(effect), "key": .string(key), "operator": "Exists"]
    }

    /// In the order the controller adds them (and `kubectl get pod -o yaml` lists them).
    static let always: [JSONValue] = [
        exists("node.kubernetes.io/not-ready", "NoExecute"),
        exists("node.kubernetes.io/unreachable", "NoExecute"),
        exists("node.kubernetes.io/disk-pressure", "NoSchedule"),
        exists("node.kubernetes.io/memory-pressure", "NoSchedule"),
        exists("node.kubernetes.io/pid-pressure", "NoSchedule"),
        exists("node.kubernetes.io/unschedulable", "NoSchedule"),
    ]
    static let hostNetwork = exists("node.kubernetes.io/network-unavailable", "NoSchedule")

    /// `spec`'s tolerations with the daemon ones added or put in place of those they match.
    static func applied(to spec: JSONValue) -> [JSONValue] {
        var tolerations = spec["tolerations"].items
        var added = always
        if spec["hostNetwork"].bool == true { added.append(hostNetwork) }
        for toleration in added { addOrUpdate(toleration, in: &tolerations) }
        return tolerations
    }

    /// `AddOrUpdateTolerationInPodSpec`: a toleration with the same key, operator, value and effect
    /// is replaced (so a `tolerationSeconds` on it goes), otherwise the new one is appended.
    static func addOrUpdate(_ toleration: JSONValue, in tolerations: inout [JSONValue]) {
        var replaced = false
        for i in tolerations.indices where matches(toleration, tolerations[i]) {
            tolerations[i] = toleration
            replaced = true
        }
        if !replaced { tolerations.append(toleration) }
    }

    /// `Toleration.MatchToleration`: everything but tolerationSeconds is equal.
    static func matches(_ a: JSONValue, _ b: JSONValue) -> Bool {
        func text(_ t: JSONValue, _ field: String) -> String { t[field].string ?? "" }
        return text(a, "key") == text(b, "key") && text(a, "value") == text(b, "value")
            && (a["operator"].string ?? "Equal") == (b["operator"].string ?? "Equal") && text(a, "effect") == text(b, "effect")
    }
}
