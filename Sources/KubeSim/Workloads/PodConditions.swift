import KubeAPI

/// The questions workload controllers ask about a pod's status, answered from the stored object
/// the way `k8s.io/kubernetes/pkg/api/v1/pod` answers them.
enum PodConditions {
    static func phase(_ pod: JSONValue) -> String { pod.status["phase"].string ?? "" }

    static func isTerminal(_ pod: JSONValue) -> Bool {
        let p = phase(pod)
        return p == "Failed" || p == "Succeeded"
    }

    /// The Ready condition with status True.
    static func isReady(_ pod: JSONValue) -> Bool { readyCondition(pod)?["status"].string == "True" }

    static func isRunningAndReady(_ pod: JSONValue) -> Bool { phase(pod) == "Running" && isReady(pod) }

    /// Ready for longer than `minReadySeconds` (`IsPodAvailable`).
    static func isAvailable(_ pod: JSONValue, minReadySeconds: Int, now: Millis) -> Bool {
        guard let ready = readyCondition(pod), ready["status"].string == "True" else { return false }
        if minReadySeconds == 0 { return true }
        guard let since = ready["lastTransitionTime"].string.flatMap(Timestamp.parse) else { return false }
        return since + Millis(minReadySeconds) * 1000 < now
    }

    /// When the Ready condition last turned True, if it is True.
    static func readySince(_ pod: JSONValue) -> Millis? {
        guard let ready = readyCondition(pod), ready["status"].string == "True" else { return nil }
        return ready["lastTransitionTime"].string.flatMap(Timestamp.parse)
    }

    static func readyCondition(_ pod: JSONValue) -> JSONValue? {
        pod.status["conditions"].items.first { $0["type"].string == "Ready" }
    }

    /// Claim names the pod mounts through `persistentVolumeClaim` volumes.
    static func claimNames(_ pod: JSONValue) -> [String] {
        pod.spec["volumes"].items.compactMap { $0["persistentVolumeClaim"]["claimName"].string }
    }
}
