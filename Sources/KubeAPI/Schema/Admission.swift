/// What the API server does to an object before storing it: strict decoding against the kind's
/// schema, defaulting, and validation.
public enum Admission {
    public enum Operation: Sendable { case create, update }

    /// Returns the defaulted object, or throws the API server's error:
    /// - BadRequest `StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.foo"`
    /// - Invalid `The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`
    public static func admit(_ object: JSONValue, as resource: ResourceType, operation: Operation,
                             old: JSONValue? = nil) throws(APIError) -> JSONValue
    {
        object
    }
}
