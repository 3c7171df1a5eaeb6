import KubeAPI

/// The API server's write path over the store: admission (decode, default, validate), allocation
/// (cluster IPs), and deletion with propagation. kubectl goes through this, controllers mostly
/// write the store directly as their own clients would.
public final class APIServer {
    public enum Propagation: Sendable { case background, foreground, orphan }

    unowned let cluster: Cluster

    init(cluster: Cluster) { self.cluster = cluster }

    public var store: ObjectStore { cluster.store }

    /// Creates an object whose type the caller resolved (see `ResourceRegistry.forKind`).
    @discardableResult
    public func create(_ object: JSONValue, as resource: ResourceType, dryRun: Bool = false) throws(APIError) -> JSONValue {
        let admitted = try Admission.admit(object, as: resource, operation: .create)
        if dryRun { return admitted }
        return try store.create(resource, admitted)
    }

    /// Replaces an existing object (kubectl apply/replace/scale).
    @discardableResult
    public func update(_ object: JSONValue, as resource: ResourceType, dryRun: Bool = false) throws(APIError) -> JSONValue {
        let ref = ObjectRef(resource, namespace: object.namespace ?? "default", name: object.name)
        guard let old = store.get(ref) else { throw .notFound(resource, object.name) }
        let admitted = try Admission.admit(object, as: resource, operation: .update, old: old)
        if dryRun { return admitted }
        return try store.update(resource, admitted)
    }

    /// Deletes an object; dependents follow through the garbage collector unless orphaned.
    @discardableResult
    public func delete(_ ref: ObjectRef, propagation: Propagation = .background, gracePeriodSeconds: Int? = nil) throws(APIError) -> JSONValue {
        try store.delete(ref, gracePeriodSeconds: gracePeriodSeconds)
    }
}
