/// The parse tree of a kubectl JSONPath template (client-go `util/jsonpath` node kinds).
indirect enum JSONPathNode: Equatable, Sendable {
    case list([JSONPathNode])
    case text(String)
    case field(String)
    case array(JSONPathSlice)
    case filter(left: [JSONPathNode], right: [JSONPathNode], op: String)
    case int(Int)
    case float(Double)
    case bool(Bool)
    case wildcard
    case recursive
    case union([[JSONPathNode]])
    case identifier(String)
}

/// `[start:end:step]`, with which parts were written (client-go `ParamsEntry`).
struct JSONPathSlice: Equatable, Sendable {
    struct Param: Equatable, Sendable {
        var value = 0
        var known = false
        var derived = false
    }
    var start = Param()
    var end = Param()
    var step = Param()
}

/// A JSONPath parse or execution failure; `message` is client-go's wording.
public struct JSONPathError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    /// What the printer still wrote to stdout before failing (go-template's debugging text).
    public var printed = ""
    /// A kubelab limit stopped the printer; `message` is the limit's text.
    public var isLimit = false
    /// kubectl ends with klog.Exitf at this source location: the message is a fatal log line.
    public var klogLocation: String?
    public init(_ message: String) { self.message = message }
    public init(_ message: String, printed: String, isLimit: Bool) {
        self.message = message
        self.printed = printed
        self.isLimit = isLimit
    }
    public var description: String { message }
}
