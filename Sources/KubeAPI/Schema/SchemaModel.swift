/// The shape of a field's value, as far as decoding, defaulting and `kubectl explain` care.
public indirect enum FieldType: Sendable {
    case string
    case int32
    case int64
    case boolean
    case number
    /// A resource amount such as `500m` or `1Gi`; JSON string or number.
    case quantity
    /// A port name or number; JSON string or integer.
    case intOrString
    /// An RFC 3339 timestamp carried as a string.
    case time
    /// Arbitrary JSON (free-form objects such as a ControllerRevision's `data`).
    case freeForm
    /// A named object type whose fields are not modelled (legacy volume plugins): any object is accepted.
    case opaque(String)
    case object(ObjectSchema)
    case array(FieldType)
    case map(FieldType)

    /// The type label `kubectl explain` prints between angle brackets.
    public var explainName: String {
        switch self {
        case .string, .time: return "string"
        case .int32, .int64: return "integer"
        case .boolean: return "boolean"
        case .number: return "number"
        case .quantity: return "Quantity"
        case .intOrString: return "IntOrString"
        case .freeForm: return "Object"
        case .opaque(let name): return name
        case .object(let o): return o.name
        case .array(let t): return "[]" + t.explainName
        case .map(let t): return "map[string]" + t.explainName
        }
    }

    /// The Go type the API server decodes into, used in `json: cannot unmarshal` messages.
    var goName: String {
        switch self {
        case .string: return "string"
        case .time: return "v1.Time"
        case .int32: return "int32"
        case .int64: return "int64"
        case .boolean: return "bool"
        case .number: return "float64"
        case .quantity: return "resource.Quantity"
        case .intOrString: return "intstr.IntOrString"
        case .freeForm: return "runtime.RawExtension"
        case .opaque(let name): return "v1." + name
        case .object(let o): return "v1." + o.name
        case .array(let t): return "[]" + t.goName
        case .map(let t): return "map[string]" + t.goName
        }
    }

    /// The schema of the object this type holds, looking through arrays and maps (for explain paths).
    var innerObject: ObjectSchema? {
        switch self {
        case .object(let o): return o
        case .array(let t), .map(let t): return t.innerObject
        default: return nil
        }
    }

    /// Text the referenced type contributes to a field's explain description.
    var typeDescription: String? {
        switch self {
        case .object(let o): return o.description
        case .array(let t), .map(let t): return t.typeDescription
        case .quantity:
            return "A Quantity is a fixed-point amount written as a number with an optional suffix: decimal SI "
                + "(m, k, M, G, T, P, E), binary (Ki, Mi, Gi, Ti, Pi, Ei) or an exponent (1e3). The server keeps "
                + "the form you wrote when it can represent it exactly."
        case .intOrString:
            return "IntOrString holds either a whole number or a string. It is used where a port may be given by "
                + "number or by name, or an amount by count or by percentage."
        case .time:
            return "A point in time, serialized as an RFC 3339 string with second precision in UTC."
        default: return nil
        }
    }
}

/// One field of an object schema.
public struct FieldSchema: Sendable {
    public let name: String
    public let type: FieldType
    /// A short explanation written for kubelab (never upstream text).
    public let description: String
    public let required: Bool
    /// Allowed values for string enums, in the order explain lists them.
    public let enumValues: [String]
    /// One sentence per enum value, shown under "Possible enum values:" when present.
    public let enumDocs: [String]

    public init(_ name: String, _ type: FieldType, _ description: String, required: Bool = false,
                enumValues: [String] = [], enumDocs: [String] = [])
    {
        self.name = name
        self.type = type
        self.description = description
        self.required = required
        self.enumValues = enumValues
        self.enumDocs = enumDocs
    }

    /// The description as explain shows it, with the enum notes appended.
    var fullDescription: String {
        guard !enumValues.isEmpty, enumDocs.count == enumValues.count else { return description }
        var text = description + "\n\nPossible enum values:"
        for (value, doc) in zip(enumValues, enumDocs) { text += "\n - `\"\(value)\"` \(doc)" }
        return text
    }
}

/// A named object type (a Go struct upstream): its fields in declaration order plus a name index.
public final class ObjectSchema: Sendable {
    /// The type name explain prints, e.g. `StatefulSetSpec`.
    public let name: String
    public let description: String
    public let fields: [FieldSchema]
    private let index: [String: Int]

    public init(_ name: String, _ description: String, _ fields: [FieldSchema]) {
        self.name = name
        self.description = description
        self.fields = fields
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() { index[f.name] = i }
        self.index = index
    }

    public func field(_ name: String) -> FieldSchema? {
        guard let i = index[name] else { return nil }
        return fields[i]
    }
}

/// Shorthand used by the kind catalogues to keep field tables readable.
func F(_ name: String, _ type: FieldType, _ description: String, required: Bool = false,
       enum values: [String] = [], docs: [String] = []) -> FieldSchema
{
    FieldSchema(name, type, description, required: required, enumValues: values, enumDocs: docs)
}
