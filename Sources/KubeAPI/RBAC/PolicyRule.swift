/// One rule of a Role or ClusterRole, matched as upstream's rbac authorizer does
/// (plugin/pkg/auth/authorizer/rbac/rbac.go RuleAllows and pkg/apis/rbac/v1 evaluation helpers).
public struct PolicyRule: Equatable, Sendable {
    public var verbs: [String]
    public var apiGroups: [String]
    public var resources: [String]
    public var resourceNames: [String]
    public var nonResourceURLs: [String]

    public init(verbs: [String], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [],
                nonResourceURLs: [String] = []) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }

    /// A rule as stored in a role's `rules` list.
    public init(_ json: JSONValue) {
        func strings(_ key: String) -> [String] { json[key].items.compactMap(\.string) }
        self.init(verbs: strings("verbs"), apiGroups: strings("apiGroups"), resources: strings("resources"),
                  resourceNames: strings("resourceNames"), nonResourceURLs: strings("nonResourceURLs"))
    }

    public var json: JSONValue {
        var o: [(String, JSONValue)] = []
        func add(_ key: String, _ values: [String]) { if !values.isEmpty { o.append((key, .array(values.map { .string($0) }))) } }
        add("apiGroups", apiGroups)
        add("nonResourceURLs", nonResourceURLs)
        add("resourceNames", resourceNames)
        add("resources", resources)
        o.append(("verbs", .array(verbs.map { .string($0) })))
        return .object(JSONObject(o))
    }

    /// Whether this rule grants `request`.
    public func allows(_ request: AccessRequest) -> Bool {
        guard verbs.contains("*") || verbs.contains(request.verb) else { return false }
        if !request.isResourceRequest { return nonResourceURLMatches(request.path) }
        guard apiGroups.contains("*") || apiGroups.contains(request.apiGroup),
            resourceMatches(request.resource, request.subresource)
        else { return false }
        return resourceNames.isEmpty || resourceNames.contains(request.name)
    }

    /// `*` matches everything, `pods/exec` only the subresource (a rule for `pods` does not grant
    /// `pods/exec`), and `*/scale` that subresource of any resource.
    func resourceMatches(_ resource: String, _ subresource: String) -> Bool {
        let combined = subresource.isEmpty ? resource : resource + "/" + subresource
        for r in resources {
            if r == "*" || r == combined { return true }
            if !subresource.isEmpty, r.hasPrefix("*/"), r.dropFirst(2) == subresource { return true }
        }
        return false
    }

    /// `*`, the exact path, or a prefix ending in `*` (`/healthz/*`).
    func nonResourceURLMatches(_ path: String) -> Bool {
        for url in nonResourceURLs {
            if url == "*" || url == path { return true }
            if url.hasSuffix("*"), path.hasPrefix(String(url.dropLast())) { return true }
        }
        return false
    }
}
