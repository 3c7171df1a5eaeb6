/// Everything the API server knows about one kind, in one place: the REST resource it is served as,
/// the schema a request is decoded against, the registry strategy's defaulting and validation (on
/// create and on update), the status a new object starts with, and the fields a client's replace may
/// leave out because the server or a controller filled them in.
///
/// Each kind's descriptor lives in its own file under `Kinds/` together with the rules that only that
/// kind has; `KindRegistry` lists them. Admission, the store and kubectl read the descriptor instead of
/// switching on the kind's name, so adding a kind is adding one file and one line in the registry.
public struct KindDescriptor: Sendable {
    /// SetDefaults_* plus the pure parts of the strategy's PrepareForCreate/PrepareForUpdate; `old` is
    /// the stored object on update.
    typealias Defaults = @Sendable (_ object: inout JSONValue, _ operation: Admission.Operation, _ old: JSONValue?) -> Void
    /// The strategy's Validate: adds field errors for `object`.
    typealias Validate = @Sendable (_ validation: inout Validation, _ object: JSONValue) -> Void
    /// The strategy's ValidateUpdate beyond Validate: what may not change once the object exists.
    typealias ValidateUpdate = @Sendable (_ new: JSONValue, _ old: JSONValue) -> [FieldError]

    /// The REST resource (plural, short names, group, scope, categories, generation policy).
    public let resource: ResourceType
    /// The schema strict decoding and `kubectl explain` use; nil for kinds stored as given.
    public let schema: ObjectSchema?
    /// Which name rule `metadata.name` must satisfy.
    let nameRule: Validation.NameRule
    let defaults: Defaults?
    let validate: Validate?
    let validateUpdate: ValidateUpdate?
    /// The status a new object has whatever the client sent (non-omitempty counters serialize as zero).
    let initialStatus: JSONValue?
    /// Spec fields the scheduler, admission or a controller fill in: a replace that leaves them out
    /// keeps the stored values (a pod's nodeName, a claim's volumeName).
    let serverFilledSpecFields: [String]
    /// Whether `metadata.finalizers` that a replace leaves out are kept (protection finalizers the
    /// server adds on create).
    let keepsFinalizers: Bool
    /// A top-level map of `[]byte` values that must hold base64 (Secret `data`, ConfigMap `binaryData`).
    let byteField: String?
    /// Whether the kind has the `scale` subresource (`kubectl scale` works on it).
    public let scalable: Bool
    /// Objects the registry computes on every read instead of storing them (componentstatus's REST
    /// probes the control plane): such a kind serves only get and list.
    public let computedObjects: [JSONValue]?
    /// The warning the API server sends with every request for a deprecated kind, which kubectl prints.
    public let deprecationWarning: String?
    /// What a registry with a Get of its own answers for a name it lacks, instead of the generic
    /// NotFound (componentstatus's REST returns a plain error).
    let missingObjectError: (@Sendable (_ name: String) -> APIError)?

    /// Whether the kind refuses create, update, patch and delete (its objects are computed).
    public var readOnly: Bool { computedObjects != nil }

    init(_ resource: ResourceType, schema: ObjectSchema? = nil, nameRule: Validation.NameRule = .subdomain,
         defaults: Defaults? = nil, validate: Validate? = nil, validateUpdate: ValidateUpdate? = nil,
         initialStatus: JSONValue? = nil, serverFilledSpecFields: [String] = [], keepsFinalizers: Bool = false,
         byteField: String? = nil, scalable: Bool = false, computedObjects: [JSONValue]? = nil, deprecationWarning: String? = nil,
         missingObjectError: (@Sendable (_ name: String) -> APIError)? = nil)
    {
        self.resource = resource
        self.schema = schema
        self.nameRule = nameRule
        self.defaults = defaults
        self.validate = validate
        self.validateUpdate = validateUpdate
        self.initialStatus = initialStatus
        self.serverFilledSpecFields = serverFilledSpecFields
        self.keepsFinalizers = keepsFinalizers
        self.byteField = byteField
        self.scalable = scalable
        self.computedObjects = computedObjects
        self.deprecationWarning = deprecationWarning
        self.missingObjectError = missingObjectError
    }

    /// Metadata only the server writes: rest.BeforeUpdate puts the stored values back whatever the
    /// client sent (a manifest's own creationTimestamp or generation counts for nothing).
    static let serverOwnedMetadata = ["creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds"]

    /// What a replace keeps from the stored object whatever the client sent or omitted: server-owned
    /// metadata, the uid when the client sent none (one it sent is a precondition, checked before),
    /// the status (the status subresource owns it), and the fields the server filled in.
    func carryOver(into object: inout JSONValue, from old: JSONValue) {
        for key in Self.serverOwnedMetadata where object["metadata"][key] != old["metadata"][key] {
            object["metadata"][key] = old["metadata"][key]
        }
        if object["metadata"]["uid"].isNull && !old["metadata"]["uid"].isNull {
            object["metadata"]["uid"] = old["metadata"]["uid"]
        }
        if keepsFinalizers, object["metadata"]["finalizers"].isNull, !old["metadata"]["finalizers"].isNull {
            object["metadata"]["finalizers"] = old["metadata"]["finalizers"]
        }
        if !serverFilledSpecFields.isEmpty {
            Defaulting.child(&object, "spec", create: true) { spec in
                for key in serverFilledSpecFields where spec[key].isNull && !old["spec"][key].isNull {
                    spec[key] = old["spec"][key]
                }
            }
        }
        object["status"] = old["status"]
    }
}
