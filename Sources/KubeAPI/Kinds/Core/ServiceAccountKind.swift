/// ServiceAccount (v1): an identity for processes in pods.
extension KindDescriptor {
    static let serviceAccount = KindDescriptor(
        ResourceType(kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"]),
        schema: CoreSchemas.serviceAccount)
}
