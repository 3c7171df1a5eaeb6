/// ConfigMap (v1): configuration as string data and base64 binaryData.
extension KindDescriptor {
    static let configMap = KindDescriptor(
        ResourceType(kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"]),
        schema: CoreSchemas.configMap, validate: { v, obj in v.configMapSize(obj) }, validateUpdate: UpdateValidation.immutableData, byteField: "binaryData")
}

extension Validation {
    /// `ValidateConfigMap`: data and binaryData together hold at most 1 MiB; the error names the
    /// whole object (the empty path, which Go prints as `[]`).
    mutating func configMapSize(_ obj: JSONValue) {
        var total = 0
        for (_, value) in obj["data"].object ?? [:] { total += value.string?.utf8.count ?? 0 }
        for (_, value) in obj["binaryData"].object ?? [:] { total += value.string.flatMap(Base64.decode)?.count ?? 0 }
        if total > Self.maxDataBytes { add("[]", .tooLong(value: "", max: Self.maxDataBytes)) }
    }
}
