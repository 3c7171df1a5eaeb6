import KubeAPI

/// Edits of `metadata.ownerReferences` shared by the workload controllers.
enum OwnerReferences {
    /// Adds `owner` unless a reference with its uid is already there; returns whether it changed.
    @discardableResult
    static func add(_ owner: JSONValue, to object: inout JSONValue) -> Bool {
        var refs = object.ownerReferences
        if refs.contains(where: { $0["uid"] == owner["uid"] }) { return false }
        refs.append(owner)
        object["metadata"]["ownerReferences"] = .array(refs)
        return true
    }

    /// Removes references matching `predicate`; returns whether any was removed.
    @discardableResult
    static func remove(from object: inout JSONValue, where predicate: (JSONValue) -> Bool) -> Bool {
        let refs = object.ownerReferences
        let kept = refs.filter { !predicate($0) }
        if kept.count == refs.count { return false }
        object["metadata"]["ownerReferences"] = kept.isEmpty ? .null : .array(kept)
        return true
    }

    static func has(_ object: JSONValue, uid: String) -> Bool {
        object.ownerReferences.contains { $0["uid"].string == uid }
    }

    /// A reference to `owner` (a Pod or StatefulSet) with controller and blockOwnerDeletion set,
    /// as `metav1.NewControllerRef` builds it.
    static func controllerReference(apiVersion: String, kind: String, name: String, uid: String) -> JSONValue {
        [
            "apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name), "uid": .string(uid),
            "controller": true, "blockOwnerDeletion": true,
        ]
    }
}
