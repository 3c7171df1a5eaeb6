/// A failure the API server reports as a `Status` (kubectl prints these as "Error from server").
public struct APIError: Error, Equatable, Sendable {
    public enum Reason: String, Sendable {
        case notFound = "NotFound"
        case alreadyExists = "AlreadyExists"
        case invalid = "Invalid"
        case badRequest = "BadRequest"
        case forbidden = "Forbidden"
        case conflict = "Conflict"
        case methodNotAllowed = "MethodNotAllowed"
        case internalError = "InternalError"
        case tooManyRequests = "TooManyRequests"
    }

    public var reason: Reason
    public var message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// `pods "x" not found`
    public static func notFound(_ type: ResourceType, _ name: String) -> APIError {
        APIError(.notFound, "\(type.qualifiedPlural) \"\(name)\" not found")
    }

    /// `pods "x" already exists`
    public static func alreadyExists(_ type: ResourceType, _ name: String) -> APIError {
        APIError(.alreadyExists, "\(type.qualifiedPlural) \"\(name)\" already exists")
    }

    /// `The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`
    public static func invalid(kind: String, name: String, causes: [FieldError]) -> APIError {
        let text = causes.map(\.description)
        let joined = text.count == 1 ? text[0] : "[" + text.joined(separator: ", ") + "]"
        return APIError(.invalid, "The \(kind) \"\(name)\" is invalid: \(joined)")
    }

    /// How kubectl prints it: Invalid errors stand alone, the rest get the "Error from server" prefix.
    public var kubectlText: String {
        reason == .invalid ? message : "Error from server (\(reason.rawValue)): \(message)"
    }
}

/// One field-level validation failure (apimachinery `field.Error`).
public struct FieldError: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case required
        case invalid(value: String)
        case unsupported(value: String, allowed: [String])
        case duplicate(value: String)
        case forbidden
        case notFound(value: String)
        case tooLong(value: String, max: Int)
    }

    public var path: String
    public var kind: Kind
    public var detail: String

    public init(_ path: String, _ kind: Kind, _ detail: String = "") {
        self.path = path
        self.kind = kind
        self.detail = detail
    }

    public var description: String {
        var s: String
        switch kind {
        case .required: s = "\(path): Required value"
        case .invalid(let v): s = "\(path): Invalid value: \(v)"
        case .unsupported(let v, let allowed):
            s = "\(path): Unsupported value: \(v)"
            if !allowed.isEmpty { s += ": supported values: " + allowed.map { "\"\($0)\"" }.joined(separator: ", ") }
            return s
        case .duplicate(let v): s = "\(path): Duplicate value: \(v)"
        case .forbidden: s = "\(path): Forbidden"
        case .notFound(let v): s = "\(path): Not found: \(v)"
        case .tooLong(let v, let max): s = "\(path): Too long: may not be more than \(max) bytes"; _ = v; return s
        }
        if !detail.isEmpty { s += ": \(detail)" }
        return s
    }
}
