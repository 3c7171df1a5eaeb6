/// Node (v1): registered by its kubelet; allocatable defaults to capacity.
extension KindDescriptor {
    static let node = KindDescriptor(
        ResourceType(kind: "Node", plural: "nodes", shortNames: ["no"], namespaced: false),
        schema: CoreSchemas.node, defaults: { obj, _, _ in Defaulting.node(&obj) })
}

extension Defaulting {
    static func node(_ obj: inout JSONValue) {
        child(&obj, "status") { status in
            if status["allocatable"].isNull, !status["capacity"].isNull { status["allocatable"] = status["capacity"] }
        }
    }
}
