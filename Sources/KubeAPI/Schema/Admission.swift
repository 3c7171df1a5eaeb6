/// What the API server does to an object before storing it: strict decoding against the kind's
/// schema, defaulting, and validation.
public enum Admission {
    public enum Operation: Sendable { case create, update }

    /// Returns the defaulted object, or throws the API server's error:
    /// - BadRequest `StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.foo"`
    /// - Invalid `The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`
    ///
    /// On update, `old` is the stored object: server-owned metadata, the status and the fields the
    /// server filled in are carried over (see `KindDescriptor.carryOver`), and immutable fields are
    /// enforced. Kinds without a schema are stored as given. Assigning uid, resourceVersion,
    /// generation and timestamps is the store's job.
    public static func admit(_ object: JSONValue, as resource: ResourceType, operation: Operation,
                             old: JSONValue? = nil, fieldValidation: FieldValidation = .strict) throws(APIError) -> JSONValue
    {
        guard let descriptor = KindRegistry.descriptor(forKind: resource.kind) else { return object }
        var admitted = object
        if operation == .update, let old { descriptor.carryOver(into: &admitted, from: old) }
        guard let schema = descriptor.schema else { return admitted }
        let kind = resource.kind
        let unknownField = fieldValidation == .strict ? StrictDecoder.check(object, against: schema) : nil
        if let message = unknownField ?? byteFieldError(object, descriptor) {
            throw APIError(.badRequest, "\(kind) in version \"\(resource.version)\" cannot be handled as a \(kind): \(message)")
        }
        Defaulting.apply(&admitted, descriptor, operation: operation, old: operation == .update ? old : nil)
        var causes = Validation.run(admitted, descriptor)
        if operation == .update, let old {
            causes += UpdateValidation.run(admitted, old: old, descriptor)
        }
        if !causes.isEmpty {
            throw APIError.invalid(kind: kind, name: admitted.name, causes: causes)
        }
        return admitted
    }

    /// `[]byte` fields (Secret data, ConfigMap binaryData) must hold base64, as Go's decoder insists.
    static func byteFieldError(_ object: JSONValue, _ descriptor: KindDescriptor) -> String? {
        guard let key = descriptor.byteField, let o = object[key].object else { return nil }
        for (_, value) in o {
            guard let text = value.string, Base64.decode(text) == nil else { continue }
            return "illegal base64 data at input byte \(Base64.firstBadOffset(text))"
        }
        return nil
    }
}

extension Base64 {
    /// Where Go's decoder would stop: the first byte outside the alphabet, or the start of a short last block.
    static func firstBadOffset(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        var sawPadding = false
        for (i, c) in bytes.enumerated() {
            let inAlphabet = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 43 || c == 47
            if c == UInt8(ascii: "=") { sawPadding = true; continue }
            if !inAlphabet || sawPadding { return i }
        }
        return max(0, bytes.count - bytes.count % 4)
    }
}
