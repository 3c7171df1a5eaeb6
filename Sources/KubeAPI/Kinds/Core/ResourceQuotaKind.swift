/// ResourceQuota (v1): aggregate limits in a namespace.
extension KindDescriptor {
    static let resourceQuota = KindDescriptor(
        ResourceType(kind: "ResourceQuota", plural: "resourcequotas", shortNames: ["quota"]),
        schema: PolicySchemas.resourceQuota)
}
