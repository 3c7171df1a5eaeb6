/// Shorthands for the metadata every API object carries.
extension JSONValue {
    @inlinable public var apiVersion: String { self["apiVersion"].string ?? "" }
    @inlinable public var kind: String { self["kind"].string ?? "" }
    @inlinable public var metadata: JSONValue { self["metadata"] }

    /// One field of `metadata`, the most read part of every object (its name, namespace, uid,
    /// owners and deletion are asked hundreds of times per pod's life). Stored objects keep
    /// `metadata` third, after apiVersion and kind, so that place is looked at first; any other
    /// shape takes the ordinary lookup.
    @inlinable
    public func metadataField(_ key: String) -> JSONValue {
        guard case .object(let top) = self else { return .null }
        let entries = top.entries
        let at: Int
        if entries.count > 2 && StringBits(entries[2].key) == StringBits("metadata") {
            at = 2
        } else if let found = top.index(forKey: "metadata") {
            at = found
        } else {
            return .null
        }
        guard case .object(let metadata) = entries[at].value, let i = metadata.index(forKey: key) else { return .null }
        return metadata.entries[i].value
    }

    @inlinable public var name: String { metadataField("name").string ?? "" }
    @inlinable public var namespace: String? { metadataField("namespace").string }
    @inlinable public var uid: String { metadataField("uid").string ?? "" }
    /// `namespace/name`, the key controllers queue and index a namespaced object under (an object
    /// naming no namespace counts as in `default`).
    @inlinable public var namespacedKey: String { (namespace ?? "default") + "/" + name }
    public var labels: [String: String] { metadataField("labels").stringMap }
    /// One label, without building the whole map (hot in controllers that scan many pods).
    @inlinable public func label(_ key: String) -> String? {
        metadataField("labels")[key].scalarText
    }
    public var annotations: [String: String] { metadataField("annotations").stringMap }
    @inlinable public var spec: JSONValue { self["spec"] }
    @inlinable public var status: JSONValue { self["status"] }
    @inlinable public var creationTimestamp: String? { metadataField("creationTimestamp").string }
    @inlinable public var deletionTimestamp: String? { metadataField("deletionTimestamp").string }
    @inlinable public var isDeleting: Bool { deletionTimestamp != nil }
    public var ownerReferences: [JSONValue] { metadataField("ownerReferences").items }

    /// The ownerReference with `controller: true`, if any.
    public var controllerRef: JSONValue? {
        ownerReferences.first { $0["controller"].bool == true }
    }

    /// Builds an ownerReference pointing at this object.
    public func ownerReference(controller: Bool = true, blockOwnerDeletion: Bool = true) -> JSONValue {
        [
            "apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name),
            "uid": .string(uid), "controller": .bool(controller), "blockOwnerDeletion": .bool(blockOwnerDeletion),
        ]
    }
}
