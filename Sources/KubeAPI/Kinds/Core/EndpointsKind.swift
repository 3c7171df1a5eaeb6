/// Endpoints (v1): the addresses behind a Service, written by the endpoints controller.
extension KindDescriptor {
    static let endpoints = KindDescriptor(
        ResourceType(kind: "Endpoints", plural: "endpoints", shortNames: ["ep"]),
        schema: CoreSchemas.endpoints, defaults: { obj, _, _ in Defaulting.endpoints(&obj) })
}

extension Defaulting {
    static func endpoints(_ obj: inout JSONValue) {
        eachElement(&obj, "subsets") { s in eachElement(&s, "ports") { setDefault(&$0, "protocol", "TCP") } }
    }
}
