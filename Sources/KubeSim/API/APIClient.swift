import KubeAPI

/// A client of the API server acting as one user, as a program inside a pod is with its service
/// account's token: every request is authorized by RBAC first and fails with the API server's
/// Forbidden error when denied. Reads come from the store, writes go through `APIServer`.
public struct APIClient {
    public let cluster: Cluster
    public let user: UserInfo

    public init(cluster: Cluster, user: UserInfo) {
        self.cluster = cluster
        self.user = user
    }

    /// The identity a pod's processes have: its service account (`default` when none is named).
    public static func identity(of pod: JSONValue) -> UserInfo {
        let account = pod["spec"]["serviceAccountName"].string.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        return .serviceAccount(namespace: pod.namespace ?? "default", name: account)
    }

    var authorizer: RBACAuthorizer { RBACAuthorizer(store: cluster.store) }

    func authorize(_ verb: String, _ type: ResourceType, namespace: String?, name: String = "") throws(APIError) {
        try authorizer.check(AccessRequest(user: user, verb: verb, type: type, namespace: namespace, name: name))
    }

    /// Objects of `type` in `namespace` (all namespaces when nil).
    public func list(_ type: ResourceType, namespace: String? = nil) throws(APIError) -> [JSONValue] {
        try authorize("list", type, namespace: namespace)
        return cluster.store.list(type, namespace: type.namespaced ? namespace : nil)
    }

    public func get(_ type: ResourceType, namespace: String? = nil, name: String) throws(APIError) -> JSONValue {
        try authorize("get", type, namespace: namespace, name: name)
        guard let object = cluster.store.get(type, namespace: namespace, name: name) else { throw .notFound(type, name) }
        return object
    }

    @discardableResult
    public func create(_ object: JSONValue, as type: ResourceType) throws(APIError) -> JSONValue {
        try authorize("create", type, namespace: object.namespace ?? "default")
        try RequestSizeLimits.checkBody(of: object)
        return try cluster.api.create(object, as: type)
    }

    @discardableResult
    public func update(_ object: JSONValue, as type: ResourceType) throws(APIError) -> JSONValue {
        try authorize("update", type, namespace: object.namespace ?? "default", name: object.name)
        try RequestSizeLimits.checkBody(of: object)
        return try cluster.api.update(object, as: type)
    }

    @discardableResult
    public func delete(_ ref: ObjectRef) throws(APIError) -> JSONValue {
        try authorize("delete", ref.resource, namespace: ref.namespace, name: ref.name)
        return try cluster.api.delete(ref)
    }
}
