import KubeAPI

/// `kubectl apply`'s merge: fields the previous apply set but the new file no longer has are
/// removed, fields in the new file are set, and everything else on the live object (defaults,
/// status, allocated cluster IPs) is kept. It goes through `ObjectMerge`, the one merge that
/// `kubectl patch` uses too, as a JSON merge patch: lists are replaced whole; the API server
/// re-applies defaults inside them, so an unchanged file leaves the object unchanged.
enum ThreeWayMerge {
    static let lastAppliedKey = "kubectl.kubernetes.io/last-applied-configuration"

    static func merge(live: JSONValue, lastApplied: JSONValue, applied: JSONValue) -> JSONValue {
        guard live.object != nil, applied.object != nil else { return applied }
        return ObjectMerge.mergePatch(patch(lastApplied: lastApplied, applied: applied), into: live)
    }

    /// The merge patch apply sends: the applied object, with a null for every key the previous
    /// apply set that the file no longer has (looking into maps both have).
    static func patch(lastApplied: JSONValue, applied: JSONValue) -> JSONValue {
        guard var result = applied.object else { return applied }
        guard let last = lastApplied.object else { return applied }
        for (key, old) in last {
            guard let new = result[key] else {
                result[key] = .null
                continue
            }
            if new.object != nil && old.object != nil { result[key] = patch(lastApplied: old, applied: new) }
        }
        return .object(result)
    }

    /// The annotation value: the applied object as compact JSON, sorted keys, without the annotation itself.
    static func annotationValue(for applied: JSONValue) -> String {
        var copy = applied
        copy["metadata"]["annotations"][lastAppliedKey] = .null
        if copy["metadata"]["annotations"].object?.isEmpty == true { copy["metadata"]["annotations"] = .null }
        return JSONText.compact(copy) + "\n"
    }
}
