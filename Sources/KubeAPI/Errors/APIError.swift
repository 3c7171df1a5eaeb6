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
        case unsupportedMediaType = "UnsupportedMediaType"
        case requestEntityTooLarge = "RequestEntityTooLarge"
        /// A Status with no reason (`StatusReasonUnknown`): kubectl prints `Error from server: ...`,
        /// as for a kubelet the API server cannot reach.
        case unknown = ""
    }

    public var reason: Reason
    public var message: String
    /// For Invalid errors: the kind and name of the object and the field causes, which kubectl
    /// prints instead of the message.
    public var invalidKind: String?
    public var invalidName: String?
    public var causes: [FieldError] = []
    /// An Invalid (422) answer that names no object (`NewGenericServerResponse`), which kubectl
    /// prints as `The request is invalid: <message>`.
    public var namesNoObject = false

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// `pods "x" not found`, or the kind's registry's own answer (`KindDescriptor.missingObjectError`).
    public static func notFound(_ type: ResourceType, _ name: String) -> APIError {
        if let own = KindRegistry.descriptor(forKind: type.kind)?.missingObjectError { return own(name) }
        return APIError(.notFound, "\(type.qualifiedPlural) \(GoFormat.quoted(name)) not found")
    }

    /// `pods "x" already exists`
    public static func alreadyExists(_ type: ResourceType, _ name: String) -> APIError {
        APIError(.alreadyExists, "\(type.qualifiedPlural) \(GoFormat.quoted(name)) already exists")
    }

    /// `The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`
    public static func invalid(kind: String, name: String, causes: [FieldError]) -> APIError {
        let text = causes.map(\.description)
        let joined = text.count == 1 ? text[0] : "[" + text.joined(separator: ", ") + "]"
        var e = APIError(.invalid, "The \(kind) \(GoFormat.quoted(name)) is invalid: \(joined)")
        e.invalidKind = kind
        e.invalidName = name
        e.causes = causes
        return e
    }

    /// The 422 a request body gets when it cannot be applied at all, such as a JSON patch whose
    /// path is missing from the object.
    public static func requestRejected() -> APIError {
        var e = APIError(.invalid, "the server rejected our request due to an error in our request")
        e.namesNoObject = true
        return e
    }

    /// The Status message as the server sends it, which is what a Go client's `err.Error()` gives
    /// (controllers put it in events): Invalid errors read `StatefulSet.apps "web" is invalid: ...`,
    /// the group-qualified kind without kubectl's leading "The ".
    public var statusMessage: String {
        guard reason == .invalid, let kind = invalidKind else { return message }
        let apiGroup = KindRegistry.descriptor(forKind: kind)?.resource.group ?? ""
        let qualified = apiGroup.isEmpty ? kind : kind + "." + apiGroup
        return message.replacingOccurrences(of: "The \(kind) \"", with: "\(qualified) \"")
    }

    /// How kubectl prints it (cmdutil.CheckErr): Invalid errors list their causes after
    /// `The Kind "name" is invalid: `, one per `* ` line when there are several; the rest get
    /// the "Error from server (Reason): " prefix.
    public var kubectlText: String {
        if reason == .invalid, let kind = invalidKind, let name = invalidName {
            // The API server formats these with %q (apierrors.NewInvalid, NewNotFound).
            let prefix = "The \(kind) \(GoFormat.quoted(name)) is invalid: "
            if causes.count == 1 { return prefix + causes[0].description }
            if causes.isEmpty { return "The \(kind) \(GoFormat.quoted(name)) is invalid" }
            return prefix + "\n" + causes.map { "* \($0.description)" }.joined(separator: "\n")
        }
        if reason == .invalid && namesNoObject { return "The request is invalid: \(message)" }
        if reason == .unknown { return "Error from server: \(message)" }
        return "Error from server (\(reason.rawValue)): \(message)"
    }

    /// Two errors are the same when they say the same thing (the details only shape kubectl's text).
    public static func == (a: APIError, b: APIError) -> Bool { a.reason == b.reason && a.message == b.message }

    /// The same error with `error when creating "file": ` put before its message, as kubectl does
    /// for objects read from files (Invalid errors still print their causes).
    public func fromSource(_ verb: String, _ source: String) -> APIError {
        guard !source.isEmpty else { return self }
        var e = self
        e.message = "error when \(verb) \"\(source)\": \(message)"
        return e
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
