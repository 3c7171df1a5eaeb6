/// Types shared by every kind: object metadata, label selectors and the top-level envelope.
enum MetaSchemas {
    static let ownerReference = ObjectSchema("OwnerReference",
        "Points at the object that owns this one. When every owner is gone, the garbage collector deletes the dependent.", [
        F("apiVersion", .string, "API version of the owner.", required: true),
        F("blockOwnerDeletion", .boolean, "When true, foreground deletion of the owner waits until this dependent is gone."),
        F("controller", .boolean, "Marks the owner that manages this object; at most one owner may set it."),
        F("kind", .string, "Kind of the owner, for example StatefulSet.", required: true),
        F("name", .string, "Name of the owner.", required: true),
        F("uid", .string, "UID of the owner; a re-created owner with the same name has a different UID.", required: true),
    ])

    static let managedFieldsEntry = ObjectSchema("ManagedFieldsEntry",
        "Records which manager last set which fields, for server-side apply.", [
        F("apiVersion", .string, "Version of the object the field set refers to."),
        F("fieldsType", .string, "Format of fieldsV1; only FieldsV1 exists today."),
        F("fieldsV1", .freeForm, "The set of fields this manager owns."),
        F("manager", .string, "Name of the client that wrote the fields."),
        F("operation", .string, "Apply or Update: how the fields were written."),
        F("subresource", .string, "Subresource the write went through, such as status."),
        F("time", .time, "When the manager last changed these fields."),
    ])

    static let objectMeta = ObjectSchema("ObjectMeta",
        "Metadata every persisted object carries: identity, labels, annotations and lifecycle markers.", [
        F("annotations", .map(.string), "Free-form key/value notes for tools and people; not used for selection."),
        F("creationTimestamp", .time, "When the server stored the object. Set by the server and read-only."),
        F("deletionGracePeriodSeconds", .int64, "Seconds the object has left to terminate after deletion was requested. Read-only."),
        F("deletionTimestamp", .time, "Set by the server when deletion was requested; the object goes away once its finalizers are cleared. Read-only."),
        F("finalizers", .array(.string), "Names of cleanups that must finish before the object is removed from storage."),
        F("generateName", .string, "Prefix for a server-generated name, used when name is empty. The server appends a random suffix."),
        F("generation", .int64, "Counter of changes to the desired state. Set by the server and read-only."),
        F("labels", .map(.string), "Key/value pairs used to organize objects and to select them, for example by Services and controllers."),
        F("managedFields", .array(.object(managedFieldsEntry)), "Bookkeeping for server-side apply. Normally not edited by hand."),
        F("name", .string, "Unique name within the namespace. Required when creating, unless generateName is used. Cannot be changed."),
        F("namespace", .string, "The namespace the object lives in. Empty for cluster-scoped kinds; defaults to \"default\"."),
        F("ownerReferences", .array(.object(ownerReference)), "Objects this one depends on. Controllers set these on what they create."),
        F("resourceVersion", .string, "Opaque version string that changes on every write; used for optimistic concurrency and watches. Read-only."),
        F("selfLink", .string, "Deprecated and never set."),
        F("uid", .string, "Unique identifier the server assigns at creation; never reused. Read-only."),
    ])

    static let labelSelectorRequirement = ObjectSchema("LabelSelectorRequirement",
        "One condition on a label: a key, an operator and possibly values.", [
        F("key", .string, "The label key the condition tests.", required: true),
        F("operator", .string, "How the key relates to the values: In, NotIn, Exists or DoesNotExist.", required: true),
        F("values", .array(.string), "Values for In and NotIn; must be empty for Exists and DoesNotExist."),
    ])

    static let labelSelector = ObjectSchema("LabelSelector",
        "Selects objects by their labels. All conditions must hold; an empty selector matches everything, a missing one matches nothing.", [
        F("matchExpressions", .array(.object(labelSelectorRequirement)), "Conditions on labels; all of them must hold."),
        F("matchLabels", .map(.string), "Exact key/value pairs; each is the same as an In expression with one value."),
    ])

    static let apiVersionField = F("apiVersion", .string,
        "The API group and version this object is written in, such as v1 or apps/v1. The server converts between versions it serves.")
    static let kindField = F("kind", .string,
        "The type of object this document describes, in CamelCase. It selects the schema the server decodes with.")
    static let metadataField = F("metadata", .object(objectMeta),
        "Standard object metadata: name, namespace, labels, annotations and server-set bookkeeping.")

    /// A top-level kind: apiVersion, kind, metadata, plus its own fields.
    static func resource(_ name: String, _ description: String, _ fields: [FieldSchema]) -> ObjectSchema {
        ObjectSchema(name, description, [apiVersionField, kindField, metadataField] + fields)
    }

    /// The metadata shape of an object embedded in a template (pod or claim templates).
    static let templateMetadata = F("metadata", .object(objectMeta),
        "Metadata for the objects created from this template; labels here are what selectors match.")
}
