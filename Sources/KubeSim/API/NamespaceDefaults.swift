import KubeAPI

/// What the namespace registry adds on create: the `kubernetes` spec finalizer that holds a
/// namespace until its contents are gone, the Active phase, and the name label.
enum NamespaceDefaults {
    static func prepare(_ object: JSONValue) -> JSONValue {
        var obj = object
        var labels = obj.labels
        labels["kubernetes.io/metadata.name"] = obj.name
        obj["metadata"]["labels"] = .stringMap(labels)
        if obj["spec"]["finalizers"].isNull { obj["spec"]["finalizers"] = ["kubernetes"] }
        obj["status"] = ["phase": "Active"]
        return obj
    }
}
