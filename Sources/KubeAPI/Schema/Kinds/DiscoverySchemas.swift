/// EndpointSlice (discovery.k8s.io/v1): the scalable successor of Endpoints.
enum DiscoverySchemas {
    typealias M = MetaSchemas
    typealias S = StorageSchemas

    static let endpointConditions = ObjectSchema("EndpointConditions", "The current state of one endpoint.", [
        F("ready", .boolean, "Whether the endpoint takes new traffic; false while its pod is terminating."),
        F("serving", .boolean, "Whether the pod is ready, terminating or not."),
        F("terminating", .boolean, "Whether the pod is being deleted."),
    ])
    static let endpoint = ObjectSchema("Endpoint", "One backend of the Service, usually one pod.", [
        F("addresses", .array(.string), "The endpoint's addresses, of the slice's addressType.", required: true),
        F("conditions", .object(endpointConditions), "Ready, serving and terminating."),
        F("deprecatedTopology", .map(.string), "Deprecated topology labels."),
        F("hints", .freeForm, "Topology-aware routing hints."),
        F("hostname", .string, "Host name of the endpoint (a pod's spec.hostname under the Service's subdomain)."),
        F("nodeName", .string, "Node that hosts the endpoint."),
        F("targetRef", .object(S.objectReference), "The pod behind the endpoint."),
        F("zone", .string, "Zone the endpoint is in."),
    ])
    static let endpointPort = ObjectSchema("EndpointPort", "One port every endpoint of the slice serves.", [
        F("appProtocol", .string, "Application protocol."),
        F("name", .string, "The Service port's name; empty for an unnamed port."),
        F("port", .int32, "Port number."),
        F("protocol", .string, "Protocol.", enum: ["SCTP", "TCP", "UDP"]),
    ])
    static let endpointSlice = M.resource("EndpointSlice",
        "An EndpointSlice lists some of the endpoints behind a Service; the endpointslice controller keeps them for Services with a selector.", [
        F("addressType", .string, "The kind of address every endpoint carries.", required: true, enum: ["FQDN", "IPv4", "IPv6"]),
        F("endpoints", .array(.object(endpoint)), "The endpoints in this slice (at most 1000).", required: true),
        F("ports", .array(.object(endpointPort)), "Ports every endpoint serves."),
    ])
}
