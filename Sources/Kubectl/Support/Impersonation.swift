import KubeAPI
import KubeSim

/// Who a kubectl command acts as: the kubeconfig's user, or whom `--as` / `--as-group` name. The
/// API server's impersonation filter (k8s.io/apiserver pkg/endpoints/filters/impersonation.go) first
/// asks whether the real user may impersonate them, then treats the request as theirs:
/// `system:serviceaccount:NS:NAME` is a service account with its fixed groups, any other name
/// (a malformed service-account name included) an ordinary user, and `system:authenticated` is added.
enum Impersonation {
    /// client-go refuses groups without a user before any request is made.
    static let groupsWithoutUserText = "requesting uid, groups or user-extra for  without impersonating a user"

    static func requestedUser(_ flags: ParsedFlags) -> String { flags.string("as") }
    static func requestedGroups(_ flags: ParsedFlags) -> [String] { flags.values["as-group"] ?? [] }

    /// The identity the API server authorizes this command's requests as.
    static func effectiveUser(_ flags: ParsedFlags, base: UserInfo) -> UserInfo {
        let name = requestedUser(flags)
        guard !name.isEmpty else { return base }
        let groups = requestedGroups(flags)
        if groups.isEmpty, let sa = UserInfo.splitServiceAccount(name) {
            return .serviceAccount(namespace: sa.namespace, name: sa.name)
        }
        var all = groups
        if name != "system:anonymous", !groups.contains(UserInfo.allAuthenticated), !groups.contains("system:unauthenticated") {
            all.append(UserInfo.allAuthenticated)
        }
        return UserInfo(name: name, groups: all)
    }

    /// Fails as the client or the API server would before a command's first request.
    static func check(_ flags: ParsedFlags, base: UserInfo, authorizer: RBACAuthorizer) throws {
        let name = requestedUser(flags)
        let groups = requestedGroups(flags)
        if name.isEmpty {
            if !groups.isEmpty { throw KubectlFailure.error(groupsWithoutUserText) }
            return
        }
        var requests: [AccessRequest] = []
        if let sa = UserInfo.splitServiceAccount(name) {
            requests.append(AccessRequest(user: base, verb: "impersonate", namespace: sa.namespace, resource: "serviceaccounts", name: sa.name))
        } else {
            requests.append(AccessRequest(user: base, verb: "impersonate", resource: "users", name: name))
        }
        for g in groups { requests.append(AccessRequest(user: base, verb: "impersonate", resource: "groups", name: g)) }
        for r in requests { try authorizer.check(r) }
    }
}

extension Invocation {
    /// The user this command's requests are authorized as.
    var user: UserInfo { Impersonation.effectiveUser(flags, base: kubectl.user) }

    var authorizer: RBACAuthorizer { RBACAuthorizer(store: store) }

    /// Throws the API server's Forbidden error unless this command's user may `verb` objects of `type`.
    func authorize(_ verb: String, _ type: ResourceType, namespace: String?, name: String = "", subresource: String = "") throws(APIError) {
        try authorizer.check(AccessRequest(user: user, verb: verb, type: type, namespace: namespace, name: name, subresource: subresource))
    }

    /// The API server's write path, each request authorized as this command's user.
    var api: AuthorizedAPI { AuthorizedAPI(call: self) }
}

/// kubectl's writes: the verb the request uses is authorized before the API server admits it.
struct AuthorizedAPI {
    let call: Invocation

    @discardableResult
    func create(_ object: JSONValue, as resource: ResourceType, dryRun: Bool = false) throws(APIError) -> JSONValue {
        try call.authorize("create", resource, namespace: object.namespace ?? call.namespace, name: "")
        try RequestSizeLimits.checkBody(of: object)
        return try call.cluster.api.create(object, as: resource, dryRun: dryRun)
    }

    /// `verb` is `patch` for apply, scale and cordon (kubectl patches), `update` for replace.
    @discardableResult
    func update(_ object: JSONValue, as resource: ResourceType, dryRun: Bool = false, verb: String = "patch",
                subresource: String = "") throws(APIError) -> JSONValue {
        try call.authorize(verb, resource, namespace: object.namespace ?? call.namespace, name: object.name, subresource: subresource)
        try RequestSizeLimits.checkBody(of: object)
        return try call.cluster.api.update(object, as: resource, dryRun: dryRun)
    }

    func patch(_ ref: ObjectRef, type: PatchType, body: String, subresource: String = "",
               dryRun: Bool = false) throws(APIError) -> APIServer.PatchOutcome {
        try call.authorize("patch", ref.resource, namespace: ref.namespace, name: ref.name, subresource: subresource)
        try RequestSizeLimits.checkBody(bytes: body.utf8.count)
        return try call.cluster.api.patch(ref, type: type, body: body, subresource: subresource, dryRun: dryRun)
    }

    @discardableResult
    func delete(_ ref: ObjectRef, propagation: APIServer.Propagation = .background, gracePeriodSeconds: Int? = nil) throws(APIError) -> JSONValue {
        try call.authorize("delete", ref.resource, namespace: ref.namespace, name: ref.name)
        return try call.cluster.api.delete(ref, propagation: propagation, gracePeriodSeconds: gracePeriodSeconds)
    }
}
