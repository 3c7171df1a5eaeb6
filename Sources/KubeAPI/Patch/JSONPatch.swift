/// RFC 6902 JSON patch, as the API server applies `application/json-patch+json` bodies
/// (evanphx/json-patch): operations in order, each on the result of the one before; the first
/// that does not apply fails the whole patch.
public struct JSONPatch: Sendable {
    public struct Failure: Error, Equatable, Sendable {
        public let message: String
    }

    public let operations: [JSONValue]

    /// Decodes the body: it must be a JSON array of objects (`DecodePatch`).
    public static func decode(_ body: JSONValue) throws(Failure) -> JSONPatch {
        guard case .array(let ops) = body else {
            throw Failure(message: "json: cannot unmarshal \(goKind(body)) into Go value of type jsonpatch.Patch")
        }
        for op in ops where op.object == nil {
            throw Failure(message: "json: cannot unmarshal \(goKind(op)) into Go value of type jsonpatch.Operation")
        }
        return JSONPatch(operations: ops)
    }

    public static func goKind(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public func apply(to document: JSONValue) throws(Failure) -> JSONValue {
        var doc = document
        for op in operations {
            let path = op["path"].string
            switch op["op"].string ?? "" {
            case "add":
                doc = try Self.add(op["value"], at: try Self.require(path, "add"), in: doc, op: "add")
            case "remove":
                doc = try Self.remove(at: try Self.require(path, "remove"), in: doc, op: "remove").document
            case "replace":
                let p = try Self.require(path, "replace")
                _ = try Self.value(at: p, in: doc, op: "replace")
                doc = try Self.add(op["value"], at: p, in: Self.remove(at: p, in: doc, op: "replace").document, op: "replace", replacing: true)
            case "move":
                let from = try Self.require(op["from"].string, "move", field: "from")
                let removed = try Self.remove(at: from, in: doc, op: "move")
                doc = try Self.add(removed.value, at: try Self.require(path, "move"), in: removed.document, op: "move")
            case "copy":
                let from = try Self.require(op["from"].string, "copy", field: "from")
                doc = try Self.add(try Self.value(at: from, in: doc, op: "copy"), at: try Self.require(path, "copy"), in: doc, op: "copy")
            case "test":
                let p = try Self.require(path, "test")
                let found = (try? Self.value(at: p, in: doc, op: "test")) ?? .null
                guard found == op["value"] else { throw Failure(message: "testing value \(p) failed: test failed") }
            case let other:
                throw Failure(message: "Unexpected kind: \(other)")
            }
        }
        return doc
    }

    private static func require(_ path: String?, _ op: String, field: String = "path") throws(Failure) -> String {
        guard let path else { throw Failure(message: "\(op) operation failed to decode \(field)") }
        return path
    }

    /// `/a/b~1c` as its reference tokens (`~1` is `/`, `~0` is `~`).
    static func tokens(_ pointer: String, op: String) throws(Failure) -> [String] {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { throw Failure(message: "\(op) operation does not apply: doc is missing path: \(pointer)") }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func missing(_ op: String, _ pointer: String) -> Failure {
        Failure(message: "\(op) operation does not apply: doc is missing path: \(pointer): missing value")
    }

    static func value(at pointer: String, in doc: JSONValue, op: String) throws(Failure) -> JSONValue {
        var current = doc
        for token in try tokens(pointer, op: op) {
            switch current {
            case .object(let o):
                guard let next = o[token] else { throw missing(op, pointer) }
                current = next
            case .array(let a):
                guard let i = Int(token), i >= 0, i < a.count else { throw missing(op, pointer) }
                current = a[i]
            default:
                throw missing(op, pointer)
            }
        }
        return current
    }

    /// The document with `value` put at `pointer` (into an object's key, or before an array index;
    /// `-` appends). The parent must exist.
    static func add(_ value: JSONValue, at pointer: String, in doc: JSONValue, op: String, replacing: Bool = false) throws(Failure) -> JSONValue {
        let path = try tokens(pointer, op: op)
        guard let last = path.last else { return value }
        return try change(doc, along: path.dropLast()[...], pointer: pointer, op: op) { parent throws(Failure) in
            switch parent {
            case .object(var o):
                o[last] = value
                return .object(o)
            case .array(var a):
                if last == "-" && !replacing { a.append(value); return .array(a) }
                guard let i = Int(last), i >= 0, i <= a.count else {
                    throw Failure(message: "\(op) operation does not apply: doc is missing path: \(pointer): invalid index")
                }
                a.insert(value, at: i)
                return .array(a)
            default:
                throw missing(op, pointer)
            }
        }
    }

    static func remove(at pointer: String, in doc: JSONValue, op: String) throws(Failure) -> (document: JSONValue, value: JSONValue) {
        let path = try tokens(pointer, op: op)
        guard let last = path.last else { return (.null, doc) }
        var removed: JSONValue = .null
        let result = try change(doc, along: path.dropLast()[...], pointer: pointer, op: op) { parent throws(Failure) in
            switch parent {
            case .object(var o):
                guard let v = o[last] else { throw missing(op, pointer) }
                removed = v
                o[last] = nil
                return .object(o)
            case .array(var a):
                guard let i = Int(last), i >= 0, i < a.count else { throw missing(op, pointer) }
                removed = a.remove(at: i)
                return .array(a)
            default:
                throw missing(op, pointer)
            }
        }
        return (result, removed)
    }

    /// Rebuilds `doc` with the container at `path` replaced by `edit` of it.
    private static func change(_ doc: JSONValue, along path: ArraySlice<String>, pointer: String, op: String,
                               _ edit: (JSONValue) throws(Failure) -> JSONValue) throws(Failure) -> JSONValue
    {
        guard let token = path.first else { return try edit(doc) }
        switch doc {
        case .object(var o):
            guard let child = o[token] else { throw missing(op, pointer) }
            o[token] = try change(child, along: path.dropFirst(), pointer: pointer, op: op, edit)
            return .object(o)
        case .array(var a):
            guard let i = Int(token), i >= 0, i < a.count else { throw missing(op, pointer) }
            a[i] = try change(a[i], along: path.dropFirst(), pointer: pointer, op: op, edit)
            return .array(a)
        default:
            throw missing(op, pointer)
        }
    }
}
