import KubeAPI

/// `kubectl create role|clusterrole NAME --verb=... --resource=...`: one rule per API group of the
/// resources named (resolved as discovery resolves short names: `rs.apps`, `pods/log`), groups sorted.
enum CreateRole {
    /// Only a ClusterRole has non-resource URLs and aggregation rules.
    static func flags(clusterWide: Bool) -> [FlagSet.Spec] {
        [.init("verb", nil, .stringArray), .init("resource", nil, .stringArray), .init("resource-name", nil, .stringArray)]
            + (clusterWide ? [.init("non-resource-url", nil, .stringArray), .init("aggregation-rule", nil, .stringArray)] : [])
    }

    static let validResourceVerbs: Set<String> = [
        "*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy", "deletecollection", "use", "bind", "escalate",
        "impersonate",
    ]
    static let validNonResourceVerbs: Set<String> = ["*", "get", "post", "put", "delete", "patch", "head", "options"]

    struct Resource { var resource: String, group: String, subresource: String }

    static func run(_ call: Invocation, clusterWide: Bool) throws -> Int32 {
        let command = clusterWide ? "clusterrole" : "role"
        let name = try GeneratedObject.name(call, words: 1, command: command)
        var verbs: [String] = []
        for v in call.flags.strings("verb") {
            if v == "*" { verbs = ["*"]; break }
            if !verbs.contains(v) { verbs.append(v) }
        }
        var resources: [Resource] = []
        for r in call.flags.strings("resource") {
            let sections = r.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let parts = sections[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let res = Resource(resource: parts[0], group: parts.count == 2 ? parts[1] : "", subresource: sections.count == 2 ? sections[1] : "")
            if res.resource == "*" && parts.count == 1 && sections.count == 1 { resources = [res]; break }
            resources.append(res)
        }
        var resourceNames: [String] = []
        for n in call.flags.values["resource-name"] ?? [] where !resourceNames.contains(n) { resourceNames.append(n) }
        var nonResourceURLs: [String] = []
        for u in call.flags.strings("non-resource-url") where !nonResourceURLs.contains(u) { nonResourceURLs.append(u) }
        var aggregation: [String: String] = [:]
        for pair in call.flags.strings("aggregation-rule") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { aggregation[kv[0]] = kv[1] }
        }

        if !aggregation.isEmpty {
            if !verbs.isEmpty || !resources.isEmpty || !resourceNames.isEmpty || !nonResourceURLs.isEmpty {
                throw KubectlFailure.error("aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames")
            }
        } else {
            if verbs.isEmpty { throw KubectlFailure.error("at least one verb must be specified") }
            if clusterWide {
                if resources.isEmpty && nonResourceURLs.isEmpty { throw KubectlFailure.error("one of resource or nonResourceURL must be specified") }
            } else if resources.isEmpty {
                throw KubectlFailure.error("at least one resource must be specified")
            }
            for v in verbs where !validResourceVerbs.contains(v) && !resources.isEmpty {
                call.err("Warning: '\(v)' is not a standard resource verb\n")
            }
            for v in verbs where !nonResourceURLs.isEmpty && !validNonResourceVerbs.contains(v) {
                throw KubectlFailure.error("invalid verb: '\(v)' for nonResourceURL")
            }
            for u in nonResourceURLs {
                if u == "*" { continue }
                if !u.hasPrefix("/") { throw KubectlFailure.error("nonResourceURL should start with /") }
                if let star = u.firstIndex(of: "*"), star != u.index(before: u.endIndex) {
                    throw KubectlFailure.error("nonResourceURL only supports wildcard matches when '*' is at the end")
                }
            }
        }

        var byGroup: [String: [String]] = [:]
        for r in resources {
            if r.resource.isEmpty { throw KubectlFailure.error("resource must be specified if apiGroup/subresource specified") }
            var (plural, group) = (r.resource, r.group)
            if r.resource != "*" {
                let lookup = r.group.isEmpty ? r.resource : r.resource + "." + r.group
                guard let type = ResourceRegistry.lookup(lookup) else {
                    throw KubectlFailure("error: the server doesn't have a resource type \"\(r.resource)\"")
                }
                (plural, group) = (type.plural, type.group)
            }
            if !r.subresource.isEmpty { plural += "/" + r.subresource }
            if !(byGroup[group] ?? []).contains(plural) { byGroup[group, default: []].append(plural) }
        }
        var rules: [JSONValue] = []
        for g in byGroup.keys.sorted() {
            var rule: JSONValue = ["verbs": .array(verbs.map { .string($0) }), "apiGroups": [.string(g)],
                                   "resources": .array((byGroup[g] ?? []).map { .string($0) })]
            if !resourceNames.isEmpty { rule["resourceNames"] = .array(resourceNames.map { .string($0) }) }
            rules.append(rule)
        }
        if !nonResourceURLs.isEmpty {
            rules.append(["verbs": .array(verbs.map { .string($0) }), "nonResourceURLs": .array(nonResourceURLs.map { .string($0) })])
        }
        let kind = clusterWide ? "ClusterRole" : "Role"
        var object: JSONValue = [
            "kind": .string(kind), "apiVersion": .string(CreateRoleBinding.rbacGroup + "/v1"),
            "metadata": GeneratedObject.metadata(name, call: call, namespaced: !clusterWide),
        ]
        if aggregation.isEmpty {
            object["rules"] = .array(rules)
        } else {
            object["aggregationRule"] = ["clusterRoleSelectors": [["matchLabels": .stringMap(aggregation)]]]
        }
        return try GeneratedObject.finish(object, as: ResourceRegistry.forKind(kind)!, call: call, failurePrefix: nil)
    }
}
