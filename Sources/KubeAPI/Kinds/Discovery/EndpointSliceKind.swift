/// EndpointSlice (discovery.k8s.io/v1): a Service's endpoints in slices of at most 100, written by
/// the endpointslice controller for Services with a selector (and by the API server for `kubernetes`).
extension KindDescriptor {
    static let endpointSlice = KindDescriptor(
        ResourceType(kind: "EndpointSlice", plural: "endpointslices", group: "discovery.k8s.io", generation: .spec),
        schema: DiscoverySchemas.endpointSlice, defaults: { obj, _, _ in Defaulting.endpointSlice(&obj) })
}

extension Defaulting {
    static func endpointSlice(_ obj: inout JSONValue) {
        eachElement(&obj, "ports") { p in
            setDefault(&p, "protocol", "TCP")
            setDefault(&p, "name", "")
        }
    }
}
