import KubeAPI

/// The bootstrap policy as API objects, built once per process (every sandbox shares the trees;
/// a store keeps copies on write), and their creation in a booting cluster.
enum BootstrapPolicyObjects {
    static let rbacVersion = "rbac.authorization.k8s.io/v1"
    static let autoupdate: JSONValue = ["rbac.authorization.kubernetes.io/autoupdate": "true"]

    static func json(_ rule: BootstrapPolicy.Rule) -> JSONValue {
        PolicyRule(verbs: rule.verbs, apiGroups: rule.groups, resources: rule.resources, resourceNames: rule.names,
                   nonResourceURLs: rule.urls).json
    }

    static func metadata(name: String, namespace: String? = nil, apiServerDefault: Bool, aggregatesInto: String? = nil) -> JSONValue {
        var meta: JSONValue = ["name": .string(name)]
        if let namespace { meta["namespace"] = .string(namespace) }
        if apiServerDefault {
            meta["annotations"] = autoupdate
            var labels: JSONValue = ["kubernetes.io/bootstrapping": "rbac-defaults"]
            if let aggregatesInto { labels[aggregatesInto] = "true" }
            meta["labels"] = labels
        }
        return meta
    }

    static func role(_ r: BootstrapPolicy.Role, kind: String, namespace: String? = nil) -> JSONValue {
        var o: JSONValue = ["apiVersion": .string(rbacVersion), "kind": .string(kind),
                            "metadata": metadata(name: r.name, namespace: namespace, apiServerDefault: r.apiServerDefault,
                                                 aggregatesInto: r.aggregatesInto)]
        if let from = r.aggregatesFrom {
            o["aggregationRule"] = ["clusterRoleSelectors": [["matchLabels": [from: "true"]]]]
        }
        o["rules"] = .array(r.rules.map(json))
        return o
    }

    static func subject(_ s: BootstrapPolicy.Subject) -> JSONValue {
        switch s {
        case .user(let name): return ["apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": .string(name)]
        case .group(let name): return ["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string(name)]
        case .serviceAccount(let ns, let name): return ["kind": "ServiceAccount", "name": .string(name), "namespace": .string(ns)]
        }
    }

    static func binding(_ b: BootstrapPolicy.Binding, kind: String, namespace: String? = nil) -> JSONValue {
        var o: JSONValue = ["apiVersion": .string(rbacVersion), "kind": .string(kind),
                            "metadata": metadata(name: b.name, namespace: namespace, apiServerDefault: b.apiServerDefault),
                            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(b.roleKind), "name": .string(b.role)]]
        if !b.subjects.isEmpty { o["subjects"] = .array(b.subjects.map(subject)) }
        return o
    }

    /// Cluster roles with the aggregated ones already holding their aggregated rules, so the
    /// aggregation controller finds nothing to do at boot.
    static let clusterRoles: [JSONValue] = ClusterRoleAggregation.aggregateAll(BootstrapPolicy.clusterRoles.map { role($0, kind: "ClusterRole") })
    static let clusterRoleBindings: [JSONValue] = BootstrapPolicy.clusterRoleBindings.map { binding($0, kind: "ClusterRoleBinding") }
    static let roles: [JSONValue] = BootstrapPolicy.namespaceRoles.map { role($0.role, kind: "Role", namespace: $0.namespace) }
    static let roleBindings: [JSONValue] = BootstrapPolicy.namespaceRoleBindings.map {
        binding($0.binding, kind: "RoleBinding", namespace: $0.namespace)
    }

    /// Stores the policy in a booting cluster. Their uids come from a generator of their own, so the
    /// cluster's generator (pod names, IPs) draws the same numbers as before the policy existed.
    static func install(in cluster: Cluster) {
        let store = cluster.store
        let clusterUIDs = store.makeUID
        // A copy of the cluster's generator gives this one its seed without drawing from the original.
        var peek = cluster.rng
        var generator = SeededGenerator(seed: peek.next() ^ 0x5242_4143_706F_6C79)
        store.makeUID = { generator.uuid() }
        defer { store.makeUID = clusterUIDs }
        let sets: [(String, [JSONValue])] = [("ClusterRole", clusterRoles), ("ClusterRoleBinding", clusterRoleBindings),
                                             ("Role", roles), ("RoleBinding", roleBindings)]
        for (kind, objects) in sets {
            guard let type = ResourceRegistry.forKind(kind) else { continue }
            for o in objects { _ = try? store.create(type, o) }
        }
    }
}
