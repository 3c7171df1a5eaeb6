import KubeAPI

/// `spec.podFailurePolicy`: the first rule matching a failed pod decides whether the failure
/// counts against `backoffLimit`, is ignored, or fails the whole Job (upstream's
/// `matchPodFailurePolicy` in pod_failure_policy.go).
enum JobPodFailurePolicy {
    /// What a failed pod means for its Job.
    enum Verdict: Equatable {
        /// Counted as a failure (no rule matched, or a Count rule).
        case count
        /// Counted, and the pod's index fails at once (a FailIndex rule; needs backoffLimitPerIndex).
        case failIndex
        /// Not counted at all (an Ignore rule, e.g. a disruption).
        case ignore
        /// The Job fails at once with this message (a FailJob rule).
        case failJob(message: String)
    }

    static func verdict(for pod: JSONValue, policy: JSONValue) -> Verdict {
        for (index, rule) in policy["rules"].items.enumerated() {
            let action = rule["action"].string ?? ""
            var message: String?
            if !rule["onExitCodes"].isNull {
                guard let (container, code) = matchingExitCode(pod, rule["onExitCodes"]) else { continue }
                message = "Container \(container) for pod \(pod.namespace ?? "default")/\(pod.name) failed with exit code \(code) "
                    + "matching \(action) rule at index \(index)"
            } else if !rule["onPodConditions"].isNull {
                guard let type = matchingCondition(pod, rule["onPodConditions"]) else { continue }
                message = "Pod \(pod.namespace ?? "default")/\(pod.name) has condition \(type) matching \(action) rule at index \(index)"
            } else {
                continue
            }
            switch action {
            case "Ignore": return .ignore
            case "FailJob": return .failJob(message: message ?? "")
            case "FailIndex": return .failIndex
            default: return .count
            }
        }
        return .count
    }

    /// The first container (main ones, then init ones) that exited non-zero with a code the
    /// requirement selects.
    static func matchingExitCode(_ pod: JSONValue, _ requirement: JSONValue) -> (String, Int)? {
        let wanted = Set(requirement["values"].items.compactMap(\.int))
        let inSet = requirement["operator"].string != "NotIn"
        let only = requirement["containerName"].string
        for status in pod["status"]["containerStatuses"].items + pod["status"]["initContainerStatuses"].items {
            guard let code = status["state"]["terminated"]["exitCode"].int, code != 0 else { continue }
            let name = status["name"].string ?? ""
            if let only, only != name { continue }
            if wanted.contains(code) == inSet { return (name, code) }
        }
        return nil
    }

    /// The type of the first pod condition a pattern selects (status defaults to True).
    static func matchingCondition(_ pod: JSONValue, _ patterns: JSONValue) -> String? {
        for pattern in patterns.items {
            let type = pattern["type"].string ?? ""
            let status = pattern["status"].string ?? "True"
            if pod["status"]["conditions"].items.contains(where: { $0["type"].string == type && $0["status"].string == status }) {
                return type
            }
        }
        return nil
    }
}
