/// ConfigMap (v1): configuration as string data and base64 binaryData.
extension KindDescriptor {
    static let configMap = KindDescriptor(
        ResourceType(kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"]),
        schema: CoreSchemas.configMap, validateUpdate: UpdateValidation.immutableData, byteField: "binaryData")
}
