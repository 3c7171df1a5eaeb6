/// Shorthands for the metadata every API object carries.
extension JSONValue {
    @inlinable public var apiVersion: String { self["apiVersion"].string ?? "" }
    @inlinable public var kind: String { self["kind"].string ?? "" }
    @inlinable public var metadata: JSONValue { self["metadata"] }
    @inlinable public var name: String { self["metadata"]["name"].string ?? "" }
    @inlinable public var namespace: String? { self["metadata"]["namespace"].string }
    @inlinable public var uid: String { self["metadata"]["uid"].string ?? "" }
    /// `namespace/name`, the key controllers queue and index a namespaced object under (an object
    /// naming no namespace counts as in `default`).
    @inlinable public var namespacedKey: String { (namespace ?? "default") + "/" + name }
    public var labels: [String: String] { self["metadata"]["labels"].stringMap }
    /// One label, without building the whole map (hot in controllers that scan many pods).
    @inlinable public func label(_ key: String) -> String? {
        self["metadata"]["labels"][key].scalarText
    }
    public var annotations: [String: String] { self["metadata"]["annotations"].stringMap }
    @inlinable public var spec: JSONValue { self["spec"] }
    @inlinable public var status: JSONValue { self["status"] }
    @inlinable public var creationTimestamp: String? { self["metadata"]["creationTimestamp"].string }
    @inlinable public var deletionTimestamp: String? { self["metadata"]["deletionTimestamp"].string }
    @inlinable public var isDeleting: Bool { deletionTimestamp != nil }
    public var ownerReferences: [JSONValue] { self["metadata"]["ownerReferences"].items }

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
