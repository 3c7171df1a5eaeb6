import KubeAPI

/// The API server's write path over the store: admission (decode, default, validate), allocation
/// (cluster IPs), and deletion with propagation. kubectl goes through this, controllers mostly
/// write the store directly as their own clients would.
public final class APIServer {
    public enum Propagation: Sendable { case background, foreground, orphan }

    unowned let cluster: Cluster

    init(cluster: Cluster) { self.cluster = cluster }

    public var store: ObjectStore { cluster.store }

    /// Namespaces the API server refuses to delete.
    static let immortalNamespaces: Set<String> = ["default", "kube-system", "kube-public"]

    /// Creates an object whose type the caller resolved (see `ResourceRegistry.forKind`).
    /// `fieldValidation` is `.typedClient` for the controllers' own writes (see `FieldValidation`).
    @discardableResult
    public func create(_ object: JSONValue, as resource: ResourceType, dryRun: Bool = false,
                       fieldValidation: FieldValidation = .strict) throws(APIError) -> JSONValue {
        try Self.requireWritable(resource)
        let (admitted, presetUID) = try admittedForCreate(object, as: resource, fieldValidation: fieldValidation)
        if dryRun { return try store.dryRunCreate(resource, admitted, uid: presetUID) }
        if fieldValidation == .strict { try RequestSizeLimits.checkStored(admitted) }
        let created = try store.create(resource, admitted, uid: presetUID)
        if resource.kind == "Event" { trackExpiry(of: created, renewal: false) }
        return created
    }

    /// The create path short of the registry (defaulting, validation, admission, limits, the
    /// namespace check and the strategy's PrepareForCreate), and the uid a Job's selector was
    /// given: for objects made ready-made (the sandbox's running pods) and server dry runs.
    public func admittedForCreate(_ object: JSONValue, as resource: ResourceType,
                                  fieldValidation: FieldValidation = .strict) throws(APIError) -> (object: JSONValue, uid: String?) {
        var object = object
        // A Job's generated selector names its uid, so the uid is drawn before defaulting (jobStrategy.PrepareForCreate).
        let presetUID = resource.kind == "Job" ? cluster.rng.uuid() : nil
        object["metadata"]["uid"] = presetUID.map(JSONValue.string) ?? .null
        var admitted = try Admission.admit(object, as: resource, operation: .create, fieldValidation: fieldValidation)
        try WorkloadLimits.check(admitted, as: resource)
        try WorkloadLimits.checkCapacity(of: store, creating: admitted, as: resource)
        if resource.namespaced {
            if admitted.namespace == nil { admitted["metadata"]["namespace"] = "default" }
            try requireLiveNamespace(for: admitted, as: resource)
        }
        return (try prepareForCreate(admitted, as: resource), presetUID)
    }

    /// Events written through the API expire like recorded ones (the event TTL applies to every write).
    private func trackExpiry(of event: JSONValue, renewal: Bool) {
        cluster.trackEventExpiry(namespace: event.namespace ?? "default", name: event.name,
                                 objectKey: event["involvedObject"]["uid"].string ?? "", renewal: renewal)
    }

    /// Replaces an existing object (kubectl apply/replace/scale).
    @discardableResult
    public func update(_ object: JSONValue, as resource: ResourceType, dryRun: Bool = false) throws(APIError) -> JSONValue {
        var object = object
        // The request path names the namespace; the body may leave it out.
        if resource.namespaced && object.namespace == nil { object["metadata"]["namespace"] = "default" }
        let ref = ObjectRef(resource, namespace: object.namespace ?? "default", name: object.name)
        try Self.requireWritable(resource)
        guard let old = store.get(ref) else { throw .notFound(resource, object.name) }
        try UpdatePreconditions.check(object, against: old, as: resource)
        var admitted = try Admission.admit(object, as: resource, operation: .update, old: old)
        try WorkloadLimits.check(admitted, as: resource)
        admitted = try prepareForUpdate(admitted, old: old, as: resource)
        if dryRun {
            ObjectStore.countGeneration(&admitted, old: old, resource)
            return admitted
        }
        try RequestSizeLimits.checkStored(admitted)
        let updated = try store.update(resource, admitted)
        if resource.kind == "Event" { trackExpiry(of: updated, renewal: true) }
        return updated
    }

    /// Deletes an object; dependents follow through the garbage collector unless orphaned.
    @discardableResult
    public func delete(_ ref: ObjectRef, propagation: Propagation = .background, gracePeriodSeconds: Int? = nil) throws(APIError) -> JSONValue {
        try Self.requireWritable(ref.resource)
        guard let current = store.get(ref) else { throw .notFound(ref.resource, ref.name) }
        if ref.resource.kind == "Namespace" && Self.immortalNamespaces.contains(ref.name) {
            throw APIError(.forbidden, "namespaces \"\(ref.name)\" is forbidden: this namespace may not be deleted")
        }
        switch propagation {
        case .background:
            break
        case .orphan:
            orphanDependents(of: current)
        case .foreground:
            if !current.isDeleting && !store.dependents(of: current.uid).isEmpty {
                try store.modify(ref) { obj in
                    var finalizers = obj["metadata"]["finalizers"].items
                    if !finalizers.contains("foregroundDeletion") { finalizers.append("foregroundDeletion") }
                    obj["metadata"]["finalizers"] = .array(finalizers)
                }
            }
        }
        let deleted = try store.delete(ref, gracePeriodSeconds: gracePeriodSeconds)
        if ref.resource.kind == "Namespace", store.get(ref) != nil {
            // The namespace stays (its spec finalizer holds it) until its controller empties it.
            return (try? store.modify(ref) { $0["status"]["phase"] = "Terminating" }) ?? deleted
        }
        return deleted
    }

    // MARK: Checks

    /// A kind whose REST serves only get and list (its objects are computed) answers every write
    /// with 405, whatever the object.
    static func requireWritable(_ resource: ResourceType) throws(APIError) {
        if KindRegistry.descriptor(forKind: resource.kind)?.readOnly == true {
            throw APIError(.methodNotAllowed, "the server does not allow this method on the requested resource")
        }
    }

    /// Namespaced objects need a namespace that exists and is not being torn down.
    private func requireLiveNamespace(for object: JSONValue, as resource: ResourceType) throws(APIError) {
        guard let nsType = ResourceRegistry.forKind("Namespace") else { return }
        let ns = object.namespace ?? "default"
        guard let namespace = store.get(nsType, namespace: nil, name: ns) else {
            throw APIError(.notFound, "namespaces \"\(ns)\" not found")
        }
        if namespace.isDeleting || namespace["status"]["phase"].string == "Terminating" {
            throw APIError(.forbidden, "\(resource.qualifiedPlural) \"\(object.name)\" is forbidden: "
                + "unable to create new content in namespace \(ns) because it is being terminated")
        }
    }

    /// What each kind's registry strategy and the default admission plugins add on create.
    private func prepareForCreate(_ object: JSONValue, as resource: ResourceType) throws(APIError) -> JSONValue {
        switch resource.kind {
        case "Namespace": return NamespaceDefaults.prepare(object)
        case "Service": return try ServiceAllocation.prepareForCreate(object, in: cluster)
        case "PersistentVolumeClaim": return StorageAdmission.prepareClaim(object, store: store)
        case "PersistentVolume": return StorageAdmission.prepareVolume(object)
        case "Pod": return try PodAdmission.prepareForCreate(object, in: cluster)
        default: return object
        }
    }

    /// What the cluster's admission adds on update, after the kind's own rules (`Admission.admit`
    /// already carried over what the server owns).
    private func prepareForUpdate(_ object: JSONValue, old: JSONValue, as resource: ResourceType) throws(APIError) -> JSONValue {
        switch resource.kind {
        case "Service": return try ServiceAllocation.prepareForUpdate(object, old: old, in: cluster)
        default: return object
        }
    }

    /// `--cascade=orphan`: dependents lose their reference to the owner and live on.
    private func orphanDependents(of owner: JSONValue) {
        let uid = owner.uid
        for dep in store.dependents(of: uid) {
            _ = try? store.modify(dep) { obj in
                let kept = obj.ownerReferences.filter { $0["uid"].string != uid }
                obj["metadata"]["ownerReferences"] = kept.isEmpty ? .null : .array(kept)
            }
        }
    }
}
