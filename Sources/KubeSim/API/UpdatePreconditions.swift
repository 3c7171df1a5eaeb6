import KubeAPI

/// The registry's checks of a replace against the stored object, before admission (genericregistry
/// `Store.Update`): a uid in the body is a precondition the storage layer checks first, and a
/// resourceVersion in the body must be the stored one (optimistic concurrency). A body without a
/// resourceVersion is an unconditional update, which every kind kubelab stores allows.
enum UpdatePreconditions {
    static func check(_ object: JSONValue, against stored: JSONValue, as resource: ResourceType) throws(APIError) {
        let prefix = "Operation cannot be fulfilled on \(resource.qualifiedPlural) \(GoFormat.quoted(object.name)): "
        if let uid = object["metadata"]["uid"].string, !uid.isEmpty, uid != stored.uid {
            // storage.Preconditions.Check's message inside etcd3's InvalidObjError, as a Conflict.
            throw APIError(.conflict, prefix + "StorageError: invalid object, Code: 4, Key: \(storageKey(of: stored, resource)), "
                + "ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: \(uid), UID in object meta: \(stored.uid)")
        }
        guard let version = object["metadata"]["resourceVersion"].scalarText, !version.isEmpty else { return }
        // APIObjectVersioner parses it with strconv.ParseUint; its error is no Status, so the
        // server answers 500 with no reason.
        guard UInt64(version) != nil else {
            throw APIError(.unknown, "strconv.ParseUint: parsing \(GoFormat.quoted(version)): "
                + (version.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } ? "value out of range" : "invalid syntax"))
        }
        if version != stored["metadata"]["resourceVersion"].string {
            throw APIError(.conflict, prefix + "the object has been modified; please apply your changes to the latest version and try again")
        }
    }

    /// The object's etcd key as the API server's storage names it: `/registry/<resource>/<namespace>/<name>`,
    /// with the two built-in types whose prefixes differ (services keep specs apart, nodes are minions).
    static func storageKey(of object: JSONValue, _ resource: ResourceType) -> String {
        let prefix: String
        switch resource.qualifiedPlural {
        case "services": prefix = "services/specs"
        case "nodes": prefix = "minions"
        // Built-in types are keyed by their plural alone, whatever their group.
        default: prefix = resource.plural
        }
        let ns = resource.namespaced ? (object.namespace ?? "default") + "/" : ""
        return "/registry/\(prefix)/\(ns)\(object.name)"
    }
}
