import KubeAPI

/// What `kubectl get -o yaml|json|jsonpath|name` hands to the printer.
public enum OutputObject {
    /// The `v1 List` kubectl wraps results in.
    public static func list(_ items: [JSONValue]) -> JSONValue {
        ["apiVersion": "v1", "items": .array(items), "kind": "List", "metadata": ["resourceVersion": ""]]
    }

    /// A single named object (`get pod web-0`) prints bare; anything else (`get pods`, several names,
    /// several kinds, zero results) prints as a List.
    public static func forGet(_ items: [JSONValue], singleItemImplied: Bool) -> JSONValue {
        if singleItemImplied && items.count == 1 { return items[0] }
        return list(items)
    }
}
