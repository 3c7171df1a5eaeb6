/// Secret (v1): stringData is folded into base64 data on write.
extension KindDescriptor {
    static let secret = KindDescriptor(
        ResourceType(kind: "Secret", plural: "secrets"),
        schema: CoreSchemas.secret, defaults: { obj, _, _ in Defaulting.secret(&obj) },
        validate: { v, obj in v.secretSize(obj) }, validateUpdate: UpdateValidation.immutableData,
        byteField: "data")
}

extension Defaulting {
    static func secret(_ obj: inout JSONValue) {
        setDefault(&obj, "type", "Opaque")
        guard let plain = obj["stringData"].object else { return }
        var data = obj["data"].object ?? [:]
        for (key, value) in plain {
            data[key] = .string(Base64.encode(Array((value.scalarText ?? "").utf8)))
        }
        obj["stringData"] = .null
        obj["data"] = .object(data)
    }
}

extension UpdateValidation {
    /// ValidateSecretUpdate / ValidateConfigMapUpdate: an `immutable` object keeps its data.
    static func immutableData(_ new: JSONValue, old: JSONValue) -> [FieldError] {
        guard old["immutable"].bool == true else { return [] }
        var errors: [FieldError] = []
        if new["data"] != old["data"] { errors.append(FieldError("data", .forbidden, "field is immutable when `immutable` is set")) }
        if new["immutable"].bool != true { errors.append(FieldError("immutable", .forbidden, "field is immutable when `immutable` is set")) }
        return errors
    }
}

extension Validation {
    /// `ValidateSecret`: the decoded data holds at most 1 MiB.
    mutating func secretSize(_ obj: JSONValue) {
        var total = 0
        for (_, value) in obj["data"].object ?? [:] { total += value.string.flatMap(Base64.decode)?.count ?? 0 }
        if total > Self.maxDataBytes { add("data", .tooLong(value: "", max: Self.maxDataBytes)) }
    }
}
