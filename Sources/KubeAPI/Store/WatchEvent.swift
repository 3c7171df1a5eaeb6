/// A change in the store, as a watch delivers it.
public struct WatchEvent: Sendable {
    public enum Kind: String, Sendable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
    }

    public let kind: Kind
    public let resource: ResourceType
    /// The object after the change (its last state for `deleted`).
    public let object: JSONValue
    /// The object before the change, for `modified` and `deleted`.
    public let old: JSONValue?
    /// The object's `namespace/name` (see `JSONValue.namespacedKey`), joined once here: a pod's
    /// change reaches a dozen controllers, and most of them queue or index it by this key.
    public let namespacedKey: String
    /// For a pod, the controller ownerReference of `object` and of `old` (nil for other kinds, and
    /// when there is none), read once here: every pod-watching controller first asks whose pod
    /// changed, and most pass over another controller's pod at once.
    public let podControllerRef: JSONValue?
    public let oldPodControllerRef: JSONValue?

    public init(kind: Kind, resource: ResourceType, object: JSONValue, old: JSONValue?) {
        self.kind = kind
        self.resource = resource
        self.object = object
        self.old = old
        namespacedKey = object.namespacedKey
        let isPod = resource.kind == "Pod"
        podControllerRef = isPod ? object.controllerRef : nil
        oldPodControllerRef = isPod ? old?.controllerRef : nil
    }
}

/// Identifies one stored object.
public struct ObjectRef: Hashable, Sendable, Comparable {
    public let resource: ResourceType
    public let namespace: String
    public let name: String

    public init(_ resource: ResourceType, namespace: String, name: String) {
        self.resource = resource
        self.namespace = resource.namespaced ? namespace : ""
        self.name = name
    }

    public static func < (a: ObjectRef, b: ObjectRef) -> Bool {
        (a.resource.plural, a.namespace, a.name) < (b.resource.plural, b.namespace, b.name)
    }
}
