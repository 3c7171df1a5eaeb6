/// An API object as the API server holds it: an ordered tree of JSON values.
///
/// Objects keep the key order they were written in, so round-trips stay recognisable; printers
/// sort keys where kubectl does.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static var emptyObject: JSONValue { .object([:]) }

    /// An empty object with room for `capacity` keys, for objects built key by key that stay
    /// stored: growth by doubling would leave up to half of each one unused.
    public static func object(capacity: Int) -> JSONValue {
        .object(JSONObject(minimumCapacity: capacity))
    }

    // MARK: Reading

    @inlinable public var isNull: Bool { if case .null = self { return true } else { return false } }
    @inlinable public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    @inlinable public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var int: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }
    public var double: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
    @inlinable public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    @inlinable public var object: JSONObject? {
        if case .object(let o) = self { return o } else { return nil }
    }
    /// Array elements, or none when this is not an array.
    @inlinable public var items: [JSONValue] { array ?? [] }

    /// The string form kubectl would show for a scalar (used by printers and selectors).
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return JSONValue.formatDouble(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    static func formatDouble(_ d: Double) -> String {
        if d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    // MARK: Subscripts

    /// Member access; reading a missing key (or a non-object) gives `.null`, writing creates objects.
    ///
    /// Inlinable so chains such as `obj["metadata"]["name"]` in other modules can be optimized
    /// as a whole, dropping the retain/release of each intermediate object. (A `_read` accessor
    /// here crashes the 6.3 optimizer's ownership verifier.)
    @inlinable
    public subscript(key: String) -> JSONValue {
        get {
            if case .object(let o) = self, let i = o.index(forKey: key) { return o.entries[i].value }
            return .null
        }
        set {
            var o: JSONObject
            if case .object(let existing) = self { o = existing } else { o = [:] }
            self = .null  // release our reference so `o` is uniquely owned
            // Spelled out: JSONValue is itself nil-literal-convertible, so a `? nil :` would store `.null`.
            if newValue.isNull { o.removeValue(forKey: key) } else { o.updateValue(newValue, forKey: key) }
            self = .object(o)
        }
        // Nested writes (`obj["metadata"]["name"] = ...`) change the child in place instead of
        // copying it through get/set; the outcome is the same as the setter's.
        _modify {
            var o: JSONObject
            if case .object(let existing) = self { o = existing } else { o = [:] }
            self = .null
            let index = o.index(forKey: key)
            var child: JSONValue = .null
            if let index { swap(&child, &o.entries[index].value) }
            defer {
                if let index {
                    if child.isNull { o.remove(at: index) } else { o.entries[index].value = child }
                } else if !child.isNull {
                    o.append(key, child)
                }
                self = .object(o)
            }
            yield &child
        }
    }

    /// Element access; out-of-range reads give `.null`.
    public subscript(index: Int) -> JSONValue {
        get {
            if case .array(let a) = self, index >= 0, index < a.count { return a[index] }
            return .null
        }
        set {
            guard case .array(var a) = self, index >= 0, index < a.count else { return }
            self = .null
            a[index] = newValue
            self = .array(a)
        }
        _modify {
            guard case .array(var a) = self, index >= 0, index < a.count else {
                var scratch: JSONValue = .null
                yield &scratch
                return
            }
            self = .null
            var child: JSONValue = .null
            swap(&child, &a[index])
            defer {
                a[index] = child
                self = .array(a)
            }
            yield &child
        }
    }

    /// Reads a dotted path such as `["spec", "template", "metadata"]`.
    public func value(at path: [String]) -> JSONValue {
        var current = self
        for key in path { current = current[key] }
        return current
    }

    /// Writes a value at a path, creating intermediate objects.
    public mutating func set(_ path: [String], _ value: JSONValue) {
        guard let first = path.first else { self = value; return }
        var child = self[first]
        child.set(Array(path.dropFirst()), value)
        self[first] = child
    }

    /// Appends to the array at `key`, creating it when missing.
    public mutating func append(_ value: JSONValue, to key: String) {
        var a = self[key].array ?? []
        self[key] = .null
        a.append(value)
        self[key] = .array(a)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o = JSONObject(minimumCapacity: elements.count)
        // Sized up front: stored objects keep their capacity, and doubling would waste up to half.
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// A string map such as labels or a selector's matchLabels; non-string values are skipped.
    public var stringMap: [String: String] {
        guard let o = object else { return [:] }
        var m: [String: String] = [:]
        for (k, v) in o { if let s = v.scalarText { m[k] = s } }
        return m
    }

    /// Builds an object from a string map, keys sorted for determinism.
    public static func stringMap(_ m: [String: String]) -> JSONValue {
        var o = JSONObject(minimumCapacity: m.count)
        for k in m.keys.sorted() { o[k] = .string(m[k]!) }
        return .object(o)
    }
}
