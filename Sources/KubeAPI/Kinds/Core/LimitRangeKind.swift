/// LimitRange (v1): default and bounding resource amounts in a namespace.
extension KindDescriptor {
    static let limitRange = KindDescriptor(
        ResourceType(kind: "LimitRange", plural: "limitranges", shortNames: ["limits"]),
        schema: PolicySchemas.limitRange)
}
