/// A pod's quality-of-service class, by the rule of upstream's `GetPodQOS`
/// (pkg/apis/core/helper/qos): the API server stores it in `status.qosClass` at creation, and
/// `kubectl describe` computes it the same way when the status has none. One rule for both.
public enum PodQOS {
    /// `BestEffort` when no container requests or limits cpu or memory; `Guaranteed` when every
    /// container limits both and the summed requests equal the summed limits; else `Burstable`.
    /// Only cpu and memory count, and only quantities above zero.
    public static func podClass(of spec: JSONValue) -> String {
        var requests: [String: Int64] = [:]
        var limits: [String: Int64] = [:]
        var guaranteed = true
        for c in spec["containers"].items + spec["initContainers"].items {
            var limited = 0
            for name in ["cpu", "memory"] {
                if let q = ResourceQuantity.milliValue(of: name, in: c["resources"]["requests"]), q > 0 {
                    requests[name] = (requests[name] ?? 0).adding(saturating: q)
                }
                if let q = ResourceQuantity.milliValue(of: name, in: c["resources"]["limits"]), q > 0 {
                    limits[name] = (limits[name] ?? 0).adding(saturating: q)
                    limited += 1
                }
            }
            if limited < 2 { guaranteed = false }
        }
        if requests.isEmpty && limits.isEmpty { return "BestEffort" }
        if guaranteed {
            for (name, request) in requests where limits[name] != request { guaranteed = false }
        }
        return guaranteed && requests.count == limits.count ? "Guaranteed" : "Burstable"
    }
}
