/// The RBAC authorizer (plugin/pkg/auth/authorizer/rbac): a request is allowed when a rule of a role
/// bound to its user, or to one of the user's groups, grants it. ClusterRoleBindings are visited
/// first, then the RoleBindings of the request's namespace. A binding whose role does not exist
/// grants nothing; the missing role becomes the denial's reason (`RBAC: clusterrole... not found`).
/// Members of `system:masters` are allowed before RBAC is asked, as kube-apiserver's privileged-group
/// authorizer does.
public struct RBACAuthorizer {
    public let store: ObjectStore

    public init(store: ObjectStore) { self.store = store }

    static let clusterRoleBindings = ResourceRegistry.forKind("ClusterRoleBinding")!
    static let clusterRoles = ResourceRegistry.forKind("ClusterRole")!
    static let roleBindings = ResourceRegistry.forKind("RoleBinding")!
    static let roles = ResourceRegistry.forKind("Role")!

    public struct Decision: Equatable, Sendable {
        public var allowed: Bool
        /// Why: the binding that allowed it, or the errors met while looking (empty when simply denied).
        public var reason: String
    }

    public func authorize(_ request: AccessRequest) -> Decision {
        if request.user.groups.contains(UserInfo.systemMasters) { return Decision(allowed: true, reason: "") }
        var errors: [String] = []
        var allowedBy: String?
        visitRules(for: request.user, namespace: request.namespace) { source, rule, error in
            if let error { errors.append(error); return true }
            if let rule, rule.allows(request) {
                allowedBy = source
                return false
            }
            return true
        }
        if let allowedBy { return Decision(allowed: true, reason: "RBAC: allowed by " + allowedBy) }
        // utilerrors.NewAggregate: one error prints alone, several as a bracketed list.
        let reason = errors.isEmpty ? "" : "RBAC: " + (errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]")
        return Decision(allowed: false, reason: reason)
    }

    /// Throws the API server's Forbidden error when `request` is denied.
    public func check(_ request: AccessRequest) throws(APIError) {
        let decision = authorize(request)
        if !decision.allowed { throw request.forbidden(reason: decision.reason) }
    }

    /// Every rule that applies to `user` in `namespace` (all namespaces' bindings are not visited:
    /// an empty namespace means cluster bindings only), with the errors met: a SelfSubjectRulesReview.
    public func rules(for user: UserInfo, namespace: String) -> (rules: [PolicyRule], errors: [String]) {
        var rules: [PolicyRule] = []
        var errors: [String] = []
        if user.groups.contains(UserInfo.systemMasters) {
            rules = [PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), PolicyRule(verbs: ["*"], nonResourceURLs: ["*"])]
        }
        visitRules(for: user, namespace: namespace) { _, rule, error in
            if let rule { rules.append(rule) }
            if let error { errors.append(error) }
            return true
        }
        return (rules, errors)
    }

    /// Calls `visit` with each rule bound to `user` (and where it came from), or with an error for a
    /// binding whose role is missing, until `visit` returns false.
    func visitRules(for user: UserInfo, namespace: String, _ visit: (String, PolicyRule?, String?) -> Bool) {
        for binding in store.cachedList(Self.clusterRoleBindings) {
            guard let subject = Self.matchingSubject(binding, user: user, bindingNamespace: "") else { continue }
            let ref = binding["roleRef"]
            let roleName = ref["name"].string ?? ""
            guard ref["kind"].string == "ClusterRole", let role = store.get(Self.clusterRoles, namespace: nil, name: roleName) else {
                if !visit("", nil, "clusterrole.rbac.authorization.k8s.io \(GoFormat.quoted(roleName)) not found") { return }
                continue
            }
            let source = "ClusterRoleBinding \(GoFormat.quoted(binding.name)) of ClusterRole \(GoFormat.quoted(roleName)) to \(subject)"
            for rule in role["rules"].items where !visit(source, PolicyRule(rule), nil) { return }
        }
        guard !namespace.isEmpty else { return }
        for binding in store.cachedList(Self.roleBindings) where binding.namespace == namespace {
            guard let subject = Self.matchingSubject(binding, user: user, bindingNamespace: namespace) else { continue }
            let ref = binding["roleRef"]
            let roleName = ref["name"].string ?? ""
            let isCluster = ref["kind"].string == "ClusterRole"
            let role = isCluster ? store.get(Self.clusterRoles, namespace: nil, name: roleName)
                : store.get(Self.roles, namespace: namespace, name: roleName)
            guard let role else {
                let kind = isCluster ? "clusterrole" : "role"
                if !visit("", nil, "\(kind).rbac.authorization.k8s.io \(GoFormat.quoted(roleName)) not found") { return }
                continue
            }
            let source = "RoleBinding \(GoFormat.quoted(binding.name + "/" + namespace)) of \(isCluster ? "ClusterRole" : "Role") "
                + "\(GoFormat.quoted(roleName)) to \(subject)"
            for rule in role["rules"].items where !visit(source, PolicyRule(rule), nil) { return }
        }
    }

    /// The first subject of `binding` that names `user` or one of its groups, described as the
    /// authorizer's reasons describe it (`Group "system:authenticated"`, `ServiceAccount "name/ns"`).
    static func matchingSubject(_ binding: JSONValue, user: UserInfo, bindingNamespace: String) -> String? {
        for s in binding["subjects"].items {
            let name = s["name"].string ?? ""
            switch s["kind"].string {
            case "User":
                if name == user.name { return "User \(GoFormat.quoted(name))" }
            case "Group":
                if user.groups.contains(name) { return "Group \(GoFormat.quoted(name))" }
            case "ServiceAccount":
                let ns = s["namespace"].string.flatMap { $0.isEmpty ? nil : $0 } ?? bindingNamespace
                if !ns.isEmpty, user.name == UserInfo.serviceAccountPrefix + ns + ":" + name {
                    return "ServiceAccount \(GoFormat.quoted(name + "/" + ns))"
                }
            default:
                continue
            }
        }
        return nil
    }
}
