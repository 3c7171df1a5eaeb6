import KubeAPI

/// The node lifecycle controller's pure rules (pkg/controller/nodelifecycle): when a node whose
/// kubelet went quiet counts as lost, what its conditions become, and which taints its Ready
/// condition calls for.
enum NodeHealth {
    /// `--node-monitor-period`: how often the controller looks at every node's lease.
    static let monitorPeriod: Millis = 5_000
    /// `--node-monitor-grace-period`: 50 s since v1.32 (40 s before, kubernetes PR #126287).
    static let gracePeriod: Millis = 50_000

    static let unreachableKey = "node.kubernetes.io/unreachable"
    static let notReadyKey = "node.kubernetes.io/not-ready"
    static let stoppedPostingMessage = "Kubelet stopped posting node status."

    /// The instant the controller notices a renewal: its first monitor pass at or after it.
    static func observed(_ renew: Millis) -> Millis { (renew + monitorPeriod - 1) / monitorPeriod * monitorPeriod }

    /// Every condition set to Unknown as `tryUpdateNodeHealth` does once the grace period is over;
    /// heartbeats stay where the kubelet left them.
    static func unknownConditions(_ conditions: [JSONValue], now: Millis) -> [JSONValue] {
        let stamp = JSONValue.string(Timestamp.rfc3339(now))
        return conditions.map { c in
            if c["status"].string == "Unknown" { return c }
            var c = c
            c["status"] = "Unknown"
            c["reason"] = "NodeStatusUnknown"
            c["message"] = .string(stoppedPostingMessage)
            c["lastTransitionTime"] = stamp
            return c
        }
    }

    static func readyStatus(_ node: JSONValue) -> String? {
        node["status"]["conditions"].items.first { $0["type"].string == "Ready" }?["status"].string
    }

    /// The node's taints with the not-ready/unreachable ones made to match its Ready condition
    /// (NoExecute first, as `kubectl describe node` lists them); existing taints keep their place.
    static func taints(for node: JSONValue, now: Millis) -> [JSONValue] {
        let current = node["spec"]["taints"].items
        let key: String?
        switch readyStatus(node) {
        case "False": key = notReadyKey
        case "Unknown": key = unreachableKey
        default: key = nil
        }
        var kept = current.filter { t in
            let k = t["key"].string ?? ""
            return (k != unreachableKey && k != notReadyKey) || k == key
        }
        guard let key else { return kept }
        if !kept.contains(where: { $0["key"].string == key && $0["effect"].string == "NoExecute" }) {
            kept.append(["effect": "NoExecute", "key": .string(key), "timeAdded": .string(Timestamp.rfc3339(now))])
        }
        if !kept.contains(where: { $0["key"].string == key && $0["effect"].string == "NoSchedule" }) {
            kept.append(["effect": "NoSchedule", "key": .string(key)])
        }
        return kept
    }
}
