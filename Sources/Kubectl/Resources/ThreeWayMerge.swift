import KubeAPI

/// `kubectl apply`'s merge: fields the previous apply set but the new file no longer has are
/// removed, fields in the new file are set, and everything else on the live object (defaults,
/// status, allocated cluster IPs) is kept. Lists are replaced whole; the API server re-applies
/// defaults inside them, so an unchanged file leaves the object unchanged.
enum ThreeWayMerge {
    static let lastAppliedKey = "kubectl.kubernetes.io/last-applied-configuration"

    static func merge(live: JSONValue, lastApplied: JSONValue, applied: JSONValue) -> JSONValue {
        guard let liveObj = live.object, let appliedObj = applied.object else { return applied }
        var result = JSONValue.object(liveObj)
        if let last = lastApplied.object {
            for key in last.keys where appliedObj[key] == nil { result[key] = .null }
        }
        for (key, value) in appliedObj {
            let current = liveObj[key] ?? .null
            if value.object != nil && current.object != nil {
                result[key] = merge(live: current, lastApplied: lastApplied[key], applied: value)
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// The annotation value: the applied object as compact JSON, sorted keys, without the annotation itself.
    static func annotationValue(for applied: JSONValue) -> String {
        var copy = applied
        copy["metadata"]["annotations"][lastAppliedKey] = .null
        if copy["metadata"]["annotations"].object?.isEmpty == true { copy["metadata"]["annotations"] = .null }
        return JSONText.compact(copy) + "\n"
    }
}
