
/// Checks an object against its kind's schema the way the API server's strict JSON decoding does:
/// every unknown field is collected, and the first type mismatch is reported in Go's json wording.
///
/// Paths are kept as a stack of components and only turned into strings when something is wrong,
/// so a valid object costs one walk and no string building.
public struct StrictDecoder {
    enum Component { case key(String), index(Int) }

    /// Failures that stop decoding right away (custom unmarshalers such as Quantity's).
    struct Abort: Error { let message: String }

    private var path: [Component] = []
    private var lenientDepth = 0
    private(set) var unknownFields: [String] = []
    /// The same fields as paths, for dropping them.
    private(set) var unknownFieldPaths: [[Component]] = []
    private(set) var firstTypeError: String?

    /// The decode error text (after the `Kind in version ... cannot be handled as a Kind: ` prefix), or nil.
    static func check(_ object: JSONValue, against schema: ObjectSchema) -> String? {
        var decoder = StrictDecoder()
        do {
            try decoder.walkObject(object.object ?? [:], schema)
        } catch {
            return error.message
        }
        if let typeError = decoder.firstTypeError { return typeError }
        if decoder.unknownFields.isEmpty { return nil }
        return "strict decoding error: " + decoder.unknownFields.map { "unknown field \"\($0)\"" }.joined(separator: ", ")
    }

    /// The API server's `fieldValidation=Warn` (the default for requests that do not ask for
    /// another): unknown fields are dropped from the object and each gets a warning,
    /// `unknown field "spec.foo"`. Type errors are left for `check` to report.
    public static func droppingUnknownFields(_ object: JSONValue, schema: ObjectSchema) -> (object: JSONValue, warnings: [String]) {
        var decoder = StrictDecoder()
        do { try decoder.walkObject(object.object ?? [:], schema) } catch { return (object, []) }
        var out = object
        for path in decoder.unknownFieldPaths.reversed() { out = removing(path[...], from: out) }
        return (out, decoder.unknownFields.map { "unknown field \"\($0)\"" })
    }

    private static func removing(_ path: ArraySlice<Component>, from value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        switch (first, value) {
        case (.key(let k), .object(var o)):
            if path.count == 1 { o[k] = nil } else if let child = o[k] { o[k] = removing(path.dropFirst(), from: child) }
            return .object(o)
        case (.index(let i), .array(var a)) where i < a.count:
            a[i] = removing(path.dropFirst(), from: a[i])
            return .array(a)
        default:
            return value
        }
    }

    private mutating func walkObject(_ object: JSONObject, _ schema: ObjectSchema) throws(Abort) {
        for (key, value) in object {
            path.append(.key(key))
            defer { path.removeLast() }
            guard let field = schema.field(key) else {
                if lenientDepth == 0 {
                    unknownFields.append(renderedPath())
                    unknownFieldPaths.append(path)
                }
                continue
            }
            // Status is written by controllers and may carry fields this catalogue does not model;
            // unknown keys there are tolerated so exported objects can be applied back.
            let lenient = path.count == 1 && key == "status"
            if lenient { lenientDepth += 1 }
            defer { if lenient { lenientDepth -= 1 } }
            try check(value, field.type, structName: schema.name)
        }
    }

    private mutating func check(_ value: JSONValue, _ type: FieldType, structName: String) throws(Abort) {
        if case .null = value { return }
        switch type {
        case .string, .time:
            if case .string = value { return }
            if case .time = type, !isComposite(value) {
                throw Abort(message: "json: cannot unmarshal \(valueKind(value)) into Go value of type string")
            }
            mismatch(value, type, structName)
        case .int32, .int64:
            switch value {
            case .int(let i):
                if case .int32 = type, i < Int(Int32.min) || i > Int(Int32.max) { mismatch(value, type, structName, literal: true) }
            case .double(let d):
                if d != d.rounded() || abs(d) > 9.2e18 { mismatch(value, type, structName, literal: true) }
                else if case .int32 = type, d < Double(Int32.min) || d > Double(Int32.max) { mismatch(value, type, structName, literal: true) }
            default: mismatch(value, type, structName)
            }
        case .boolean:
            if case .bool = value { return }
            mismatch(value, type, structName)
        case .number:
            switch value {
            case .int, .double: return
            default: mismatch(value, type, structName)
            }
        case .quantity:
            switch value {
            case .int, .double: return
            case .string(let s) where ResourceQuantity.isValid(s): return
            default:
                throw Abort(message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
            }
        case .intOrString:
            switch value {
            case .string, .int: return
            case .double(let d) where d == d.rounded() && abs(d) <= Double(Int32.max): return
            case .double: throw Abort(message: "json: cannot unmarshal \(literalKind(value)) into Go value of type int32")
            default: throw Abort(message: "json: cannot unmarshal \(valueKind(value)) into Go value of type int32")
            }
        case .freeForm:
            return
        case .opaque:
            guard case .object = value else { return mismatch(value, type, structName) }
        case .object(let schema):
            guard case .object(let o) = value else { return mismatch(value, type, structName) }
            try walkObject(o, schema)
        case .array(let element):
            guard case .array(let items) = value else { return mismatch(value, type, structName) }
            for (i, item) in items.enumerated() {
                path.append(.index(i))
                defer { path.removeLast() }
                try check(item, element, structName: structName)
            }
        case .map(let element):
            guard case .object(let o) = value else { return mismatch(value, type, structName) }
            for (key, item) in o {
                path.append(.key(key))
                defer { path.removeLast() }
                try checkMapValue(item, element, structName: structName)
            }
        }
    }

    /// Map values do not add to Go's field path, only to the unknown-field path.
    private mutating func checkMapValue(_ value: JSONValue, _ type: FieldType, structName: String) throws(Abort) {
        let saved = mapDepth
        mapDepth += 1
        defer { mapDepth = saved }
        try check(value, type, structName: structName)
    }
    private var mapDepth = 0

    private mutating func mismatch(_ value: JSONValue, _ type: FieldType, _ structName: String, literal: Bool = false) {
        guard firstTypeError == nil else { return }
        let kind = literal ? literalKind(value) : valueKind(value)
        firstTypeError = "json: cannot unmarshal \(kind) into Go struct field \(structName).\(goFieldPath()) of type \(type.goName)"
    }

    private func isComposite(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return true
        default: return false
        }
    }

    private func valueKind(_ value: JSONValue) -> String {
        switch value {
        case .string: return "string"
        case .int, .double: return "number"
        case .bool: return "bool"
        case .array: return "array"
        case .object: return "object"
        case .null: return "null"
        }
    }

    private func literalKind(_ value: JSONValue) -> String {
        guard let text = value.scalarText else { return valueKind(value) }
        return "number " + text
    }

    /// `spec.template.spec.containers[0].foo`: what sigs.k8s.io/json reports for unknown fields.
    private func renderedPath() -> String {
        var s = ""
        for c in path {
            switch c {
            case .key(let k): s += s.isEmpty ? k : "." + k
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }

    /// `spec.template.spec.containers.image`: Go's field stack, struct field names only. Map keys
    /// are dropped because Go does not push them.
    private func goFieldPath() -> String {
        var parts: [String] = []
        for c in path { if case .key(let k) = c { parts.append(k) } }
        // Keys below a map are map keys, not struct fields; drop as many trailing ones as map levels.
        if mapDepth > 0 { parts.removeLast(min(mapDepth, parts.count)) }
        return parts.joined(separator: ".")
    }
}
