import KubeAPI

/// Roles and bindings as `kubectl describe` lays them out: rules broken down to one verb each,
/// merged back per (group, resource, resource name), and sorted by their Go `String()` form.
enum RBACDescriber {
    struct Rule: Equatable {
        var verbs: [String]
        var apiGroups: [String]
        var resources: [String]
        var resourceNames: [String]
        var nonResourceURLs: [String]

        /// The generated protobuf `String()` kubectl sorts by.
        var goString: String {
            func list(_ a: [String]) -> String { "[" + a.joined(separator: " ") + "]" }
            return "&PolicyRule{Verbs:\(list(verbs)),APIGroups:\(list(apiGroups)),Resources:\(list(resources)),"
                + "ResourceNames:\(list(resourceNames)),NonResourceURLs:\(list(nonResourceURLs)),}"
        }
    }

    static func rules(_ role: JSONValue) -> [Rule] {
        var broken: [Rule] = []
        for r in role["rules"].items {
            let strings = { (key: String) in r[key].items.compactMap(\.string) }
            let verbs = strings("verbs")
            for group in strings("apiGroups") {
                for resource in strings("resources") {
                    for verb in verbs {
                        let names = strings("resourceNames")
                        if names.isEmpty {
                            broken.append(Rule(verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [], nonResourceURLs: []))
                        } else {
                            for n in names {
                                broken.append(Rule(verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [n], nonResourceURLs: []))
                            }
                        }
                    }
                }
            }
            for url in strings("nonResourceURLs") {
                for verb in verbs {
                    broken.append(Rule(verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url]))
                }
            }
        }
        var compacted: [Rule] = []
        var simple: [String: Int] = [:]
        var simpleRules: [Rule] = []
        for rule in broken {
            guard rule.nonResourceURLs.isEmpty, rule.apiGroups.count == 1, rule.resources.count == 1 else {
                compacted.append(rule)
                continue
            }
            let key = "\(rule.apiGroups[0])\u{0}\(rule.resources[0])\u{0}\(rule.resourceNames.first ?? "\u{1}")"
            if let i = simple[key] {
                for v in rule.verbs where !simpleRules[i].verbs.contains(v) { simpleRules[i].verbs.append(v) }
            } else {
                simple[key] = simpleRules.count
                simpleRules.append(rule)
            }
        }
        compacted += simpleRules
        return compacted.enumerated().sorted { a, b in
            let l = Array(a.element.goString.utf8)
            let r = Array(b.element.goString.utf8)
            return l != r ? l.lexicographicallyPrecedes(r) : a.offset < b.offset
        }.map(\.element)
    }

    /// `pods`, `deployments.apps`, `pods.metrics.k8s.io/log`.
    static func combine(_ resources: [String], _ groups: [String]) -> String {
        guard let first = resources.first else { return "" }
        let parts = first.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        var s = String(parts[0])
        if let g = groups.first, !g.isEmpty { s += "." + g }
        if parts.count == 2 { s += "/" + parts[1] }
        return s
    }

    static func role(_ w: inout DescribeWriter, _ role: JSONValue) {
        w.write(0, "Name:\t\(role.name)\n")
        DescribeSections.labels(&w, "Labels", role.labels)
        DescribeSections.annotations(&w, "Annotations", role.annotations)
        w.write(0, "PolicyRule:\n")
        w.write(1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n")
        w.write(1, "---------\t-----------------\t--------------\t-----\n")
        func list(_ a: [String]) -> String { "[" + a.joined(separator: " ") + "]" }
        for r in rules(role) {
            w.write(1, "\(combine(r.resources, r.apiGroups))\t\(list(r.nonResourceURLs))\t\(list(r.resourceNames))\t\(list(r.verbs))\n")
        }
    }

    static func binding(_ w: inout DescribeWriter, _ binding: JSONValue) {
        w.write(0, "Name:\t\(binding.name)\n")
        DescribeSections.labels(&w, "Labels", binding.labels)
        DescribeSections.annotations(&w, "Annotations", binding.annotations)
        w.write(0, "Role:\n")
        w.write(1, "Kind:\t\(binding["roleRef"]["kind"].string ?? "")\n")
        w.write(1, "Name:\t\(binding["roleRef"]["name"].string ?? "")\n")
        w.write(0, "Subjects:\n")
        w.write(1, "Kind\tName\tNamespace\n")
        w.write(1, "----\t----\t---------\n")
        for s in binding["subjects"].items {
            w.write(1, "\(s["kind"].string ?? "")\t\(s["name"].string ?? "")\t\(s["namespace"].string ?? "")\n")
        }
    }
}
