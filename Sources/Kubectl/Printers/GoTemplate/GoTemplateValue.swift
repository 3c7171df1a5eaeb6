import KubeAPI

/// A value while a template runs, as Go's `reflect` sees the decoded JSON kubectl hands the engine
/// (`map[string]interface {}` from `json.Unmarshal`, with whole numbers as `int64`).
struct GoTemplateValue: Sendable {
    enum Kind: Sendable {
        /// The zero `reflect.Value` (a missing key): prints `<no value>`.
        case invalid
        /// `interface {}(nil)`: JSON null reached through a map or slice.
        case null
        case bool(Bool)
        case int(Int64, GoIntType)
        case float(Double)
        case string(String)
        case map(JSONObject)
        case slice([JSONValue])
    }

    var kind: Kind
    /// Held in an `interface {}` (map values and slice elements), which errors name as `interface {}`.
    var boxed: Bool

    init(_ kind: Kind, boxed: Bool = false) {
        self.kind = kind
        if case .null = kind { self.boxed = true } else { self.boxed = boxed }
    }

    static let invalid = GoTemplateValue(.invalid)
    static let null = GoTemplateValue(.null)

    /// A decoded JSON value; `boxed` when it was reached through a map or slice.
    init(json: JSONValue, boxed: Bool) {
        switch json {
        case .null: self.init(.null)
        case .bool(let b): self.init(.bool(b), boxed: boxed)
        case .int(let i): self.init(.int(Int64(i), .int64), boxed: boxed)
        case .double(let d): self.init(.float(d), boxed: boxed)
        case .string(let s): self.init(.string(s), boxed: boxed)
        case .array(let a): self.init(.slice(a), boxed: boxed)
        case .object(let o): self.init(.map(o), boxed: boxed)
        }
    }

    static func int(_ v: Int) -> GoTemplateValue { GoTemplateValue(.int(Int64(v), .int)) }
    static func bool(_ b: Bool) -> GoTemplateValue { GoTemplateValue(.bool(b)) }
    static func string(_ s: String) -> GoTemplateValue { GoTemplateValue(.string(s)) }

    var isValid: Bool { if case .invalid = kind { return false } else { return true } }
    var isNullInterface: Bool { if case .null = kind { return true } else { return false } }

    /// `reflect.Value.Type().String()`.
    var typeName: String { boxed ? "interface {}" : dynamicTypeName }

    /// The type of what is inside (`%T`, "len of type int64").
    var dynamicTypeName: String {
        switch kind {
        case .invalid: return "<invalid reflect.Value>"
        case .null: return "interface {}"
        case .bool: return "bool"
        case .int(_, let t): return t.rawValue
        case .float: return "float64"
        case .string: return "string"
        case .map: return "map[string]interface {}"
        case .slice: return "[]interface {}"
        }
    }

    /// Go's `indirectInterface`: the value inside an interface; a nil interface becomes invalid.
    var unboxed: GoTemplateValue {
        if isNullInterface { return .invalid }
        return GoTemplateValue(kind, boxed: false)
    }

    /// Go's `indirect`: through interfaces, saying whether a nil one stopped it.
    var indirect: (GoTemplateValue, isNil: Bool) {
        if isNullInterface { return (self, true) }
        return (GoTemplateValue(kind, boxed: false), false)
    }

    /// What `fmt` receives for this value as an `any` argument (a missing value becomes nil).
    var asAny: GoTemplateValue { isValid ? self : .null }

    /// Go's `isTrue`: non-zero numbers, non-empty strings, maps and slices, true, non-nil.
    var truth: Bool {
        switch kind {
        case .invalid, .null: return false
        case .bool(let b): return b
        case .int(let i, _): return i != 0
        case .float(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .map(let m): return !m.isEmpty
        case .slice(let a): return !a.isEmpty
        }
    }

    /// `len` of strings (bytes), maps and slices.
    var length: Int? {
        switch kind {
        case .string(let s): return s.utf8.count
        case .map(let m): return m.count
        case .slice(let a): return a.count
        default: return nil
        }
    }
}

/// The integer types a template meets: literals and `len` are `int`, JSON numbers `int64`,
/// a byte of a string (`index "abc" 0`) `uint8`.
enum GoIntType: String, Sendable {
    case int, int64, uint8

    var isUnsigned: Bool { self == .uint8 }
}

extension GoTemplateValue {
    /// Map keys in `fmtsort` order (byte order for strings).
    static func sortedKeys(_ m: JSONObject) -> [String] {
        m.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
