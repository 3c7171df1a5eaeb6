/// Namespace (v1): held by its `kubernetes` spec finalizer until the namespace controller empties it.
extension KindDescriptor {
    static let namespace = KindDescriptor(
        ResourceType(kind: "Namespace", plural: "namespaces", shortNames: ["ns"], namespaced: false),
        schema: CoreSchemas.namespace, nameRule: .label, defaults: { obj, _, _ in Defaulting.namespace(&obj) },
        serverFilledSpecFields: ["finalizers"])
}

extension Defaulting {
    static func namespace(_ obj: inout JSONValue) {
        child(&obj, "metadata", create: true) { meta in
            if let name = meta["name"].string {
                child(&meta, "labels", create: true) { $0["kubernetes.io/metadata.name"] = .string(name) }
            }
        }
        child(&obj, "spec", create: true) { setDefault(&$0, "finalizers", ["kubernetes"]) }
        child(&obj, "status", create: true) { setDefault(&$0, "phase", "Active") }
    }
}
