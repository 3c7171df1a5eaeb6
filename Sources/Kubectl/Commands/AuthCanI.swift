import KubeAPI

/// `kubectl auth can-i VERB TYPE[/NAME] | NONRESOURCEURL` and `--list` (kubectl pkg/cmd/auth/cani.go):
/// `yes`/`no` on stdout and exit 0/1, kubectl's warnings on stderr, and the rules table for `--list`.
struct CanI {
    let call: Invocation
    let args: [String]

    static let resourceVerbs: Set<String> = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection",
                                             "use", "bind", "impersonate", "*", "approve", "sign", "escalate", "attest"]
    static let nonResourceVerbs: Set<String> = ["get", "put", "post", "head", "options", "delete", "patch", "*"]
    /// Resources the server knows that discovery does not list (the impersonate verb's targets).
    static let undiscoverable: Set<String> = ["users", "groups"]
    static let accessReviews = ResourceType(kind: "SelfSubjectAccessReview", plural: "selfsubjectaccessreviews",
                                            group: "authorization.k8s.io", namespaced: false)
    static let rulesReviews = ResourceType(kind: "SelfSubjectRulesReview", plural: "selfsubjectrulesreviews",
                                           group: "authorization.k8s.io", namespaced: false)

    var allNamespaces: Bool { call.flags.bool("all-namespaces") }
    var namespace: String { allNamespaces ? "" : call.namespace }

    func warn(_ text: String) { call.err("Warning: " + text + "\n") }

    func run() throws -> Int32 {
        if call.flags.bool("list") {
            guard args.isEmpty else { throw KubectlFailure.error("list option must be specified with no arguments") }
            if call.flags.bool("quiet") || allNamespaces || !call.flags.string("subresource").isEmpty {
                throw KubectlFailure.error("list option can't be specified with neither quiet, all-namespaces nor subresource options")
            }
            return try list()
        }
        guard args.count == 2 else {
            throw KubectlFailure.error("you must specify two arguments: verb resource or verb resource/resourceName.\n"
                + "See 'kubectl auth can-i -h' for help and examples.")
        }
        let verb = args[0]
        let subresource = call.flags.string("subresource")
        var request: AccessRequest
        if args[1].hasPrefix("/") {
            if !subresource.isEmpty { throw KubectlFailure.error("--subresource can not be used with NonResourceURL") }
            if !Self.nonResourceVerbs.contains(verb) { warn("verb '\(verb)' is not a known verb") }
            request = AccessRequest(user: call.user, verb: verb, path: args[1])
        } else {
            let parts = args[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let (group, resource, type) = resolve(parts[0])
            request = AccessRequest(user: call.user, verb: verb, namespace: namespace, apiGroup: group, resource: resource,
                                    subresource: subresource, name: parts.count > 1 ? parts[1] : "")
            if !allNamespaces, let type, !type.namespaced {
                warn(group.isEmpty ? "resource '\(resource)' is not namespace scoped"
                    : "resource '\(resource)' is not namespace scoped in group '\(group)'")
            }
            if !allNamespaces, type != nil || resource == "*", !Self.resourceVerbs.contains(verb) {
                warn("verb '\(verb)' is not a known verb")
            }
        }
        if call.flags.bool("no-headers") { throw KubectlFailure.error("--no-headers cannot be set without --list specified") }
        try call.authorize("create", Self.accessReviews, namespace: nil)
        let decision = call.authorizer.authorize(request)
        if !call.flags.bool("quiet") {
            // The server's reason is only shown for a denial (`no - RBAC: ...` when a bound role is missing).
            call.out(decision.allowed ? "yes\n" : (decision.reason.isEmpty ? "no\n" : "no - \(decision.reason)\n"))
        }
        return decision.allowed ? 0 : 1
    }

    /// What discovery makes of the TYPE word: the group and plural of a known type, `*`, or the
    /// word itself with kubectl's warning.
    func resolve(_ word: String) -> (group: String, resource: String, type: ResourceType?) {
        if word == "*" { return ("", "*", nil) }
        let lower = word.lowercased()
        if let type = ResourceRegistry.lookup(lower) { return (type.group, type.plural, type) }
        // `deployments.apps`: a resource with its group after the first dot.
        var group = "", resource = lower
        if let dot = lower.firstIndex(of: ".") {
            resource = String(lower[..<dot])
            group = String(lower[lower.index(after: dot)...])
            if let type = ResourceRegistry.lookup(resource), type.group == group { return (group, type.plural, type) }
        }
        if !Self.undiscoverable.contains(lower) {
            warn(group.isEmpty ? "the server doesn't have a resource type '\(resource)'"
                : "the server doesn't have a resource type '\(resource)' in group '\(group)'")
        }
        return ("", word, nil)
    }

    /// `--list`: the SelfSubjectRulesReview's rules, broken down, compacted and sorted as kubectl does.
    func list() throws -> Int32 {
        try call.authorize("create", Self.rulesReviews, namespace: nil)
        let (rules, errors) = call.authorizer.rules(for: call.user, namespace: namespace)
        if !errors.isEmpty {
            warn("the list may be incomplete: " + (errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"))
        }
        // The review answers resource rules first, then non-resource rules.
        var ordered: [JSONValue] = []
        for r in rules where !r.resources.isEmpty {
            ordered.append(PolicyRule(verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames).json)
        }
        for r in rules where !r.nonResourceURLs.isEmpty {
            ordered.append(PolicyRule(verbs: r.verbs, nonResourceURLs: r.nonResourceURLs).json)
        }
        var w = TabWriter(minWidth: 6, padding: 3)
        if !call.flags.bool("no-headers") { w.write("Resources\tNon-Resource URLs\tResource Names\tVerbs\n") }
        func show(_ a: [String]) -> String { "[" + a.joined(separator: " ") + "]" }
        for r in RBACDescriber.rules(["rules": .array(ordered)]) {
            w.write("\(RBACDescriber.combine(r.resources, r.apiGroups))\t\(show(r.nonResourceURLs))\t\(show(r.resourceNames))\t\(show(r.verbs))\n")
        }
        call.out(w.flush())
        return 0
    }
}
