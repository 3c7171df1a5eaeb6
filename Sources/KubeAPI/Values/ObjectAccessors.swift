/// Shorthands for the metadata every API object carries.
extension JSONValue {
    public var apiVersion: String { self["apiVersion"].string ?? "" }
    public var kind: String { self["kind"].string ?? "" }
    public var metadata: JSONValue { self["metadata"] }
    public var name: String { self["metadata"]["name"].string ?? "" }
    public var namespace: String? { self["metadata"]["namespace"].string }
    public var uid: String { self["metadata"]["uid"].string ?? "" }
    public var labels: [String: String] { self["metadata"]["labels"].stringMap }
    /// One label, without building the whole map (hot in controllers that scan many pods).
    public func label(_ key: String) -> String? {
        guard case .object(let top) = self, case .object(let md)? = top["metadata"], case .object(let l)? = md["labels"] else { return nil }
        return l[key]?.scalarText
    }
    public var annotations: [String: String] { self["metadata"]["annotations"].stringMap }
    public var spec: JSONValue { self["spec"] }
    public var status: JSONValue { self["status"] }
    public var creationTimestamp: String? { self["metadata"]["creationTimestamp"].string }
    public var deletionTimestamp: String? { self["metadata"]["deletionTimestamp"].string }
    public var isDeleting: Bool { deletionTimestamp != nil }
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
