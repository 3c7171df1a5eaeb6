/// What one API request asks to do, in the authorizer's terms (k8s.io/apiserver authorizer.Attributes):
/// a verb on a resource (with subresource and name) in a namespace or at the cluster scope, or a
/// verb on a non-resource path such as `/healthz`.
public struct AccessRequest: Equatable, Sendable {
    public var user: UserInfo
    public var verb: String
    public var namespace: String
    public var apiGroup: String
    public var resource: String
    public var subresource: String
    public var name: String
    /// Set for non-resource requests (`/api`, `/version`); empty for resource requests.
    public var path: String

    public init(user: UserInfo, verb: String, namespace: String = "", apiGroup: String = "", resource: String,
                subresource: String = "", name: String = "") {
        self.user = user
        self.verb = verb
        self.namespace = namespace
        self.apiGroup = apiGroup
        self.resource = resource
        self.subresource = subresource
        self.name = name
        path = ""
    }

    /// A request for a path outside the resource API (`kubectl auth can-i get /healthz`).
    public init(user: UserInfo, verb: String, path: String) {
        self.init(user: user, verb: verb, resource: "")
        self.path = path
    }

    /// A request about objects of `type`; the namespace is dropped for cluster-scoped types.
    public init(user: UserInfo, verb: String, type: ResourceType, namespace: String?, name: String = "",
                subresource: String = "") {
        self.init(user: user, verb: verb, namespace: type.namespaced ? (namespace ?? "") : "", apiGroup: type.group,
                  resource: type.plural, subresource: subresource, name: name)
    }

    public var isResourceRequest: Bool { path.isEmpty }

    /// The denial as the API server words it (endpoints/handlers/responsewriters.forbiddenMessage),
    /// followed by the authorizer's reason when it gave one.
    public func forbiddenMessage(reason: String) -> String {
        let user = GoFormat.quoted(self.user.name)
        var text: String
        if !isResourceRequest {
            text = "User \(user) cannot \(verb) path \(GoFormat.quoted(path))"
        } else {
            let full = subresource.isEmpty ? resource : resource + "/" + subresource
            text = "User \(user) cannot \(verb) resource \(GoFormat.quoted(full)) in API group \(GoFormat.quoted(apiGroup))"
            text += namespace.isEmpty ? " at the cluster scope" : " in the namespace \(GoFormat.quoted(namespace))"
        }
        return reason.isEmpty ? text : text + ": " + reason
    }

    /// The 403 Status a denied request gets (apierrors.NewForbidden on the group and resource):
    /// `pods is forbidden: ...`, `pods "web-0" is forbidden: ...` when the request named an object,
    /// and `forbidden: ...` for a path.
    public func forbidden(reason: String) -> APIError {
        let message = forbiddenMessage(reason: reason)
        guard isResourceRequest, !resource.isEmpty else { return APIError(.forbidden, "forbidden: " + message) }
        let qualified = apiGroup.isEmpty ? resource : resource + "." + apiGroup
        let subject = name.isEmpty ? qualified : "\(qualified) \(GoFormat.quoted(name))"
        return APIError(.forbidden, "\(subject) is forbidden: \(message)")
    }
}
