import KubeAPI

/// Taints against tolerations, and node selectors and affinity terms against a node's labels.
enum NodeMatching {
    /// Whether one toleration covers `taint` (same key or an empty key with Exists, same effect or
    /// none, and the value when the operator is Equal).
    static func tolerates(_ toleration: JSONValue, _ taint: JSONValue) -> Bool {
        let effect = toleration["effect"].string ?? ""
        if !effect.isEmpty && effect != (taint["effect"].string ?? "") { return false }
        let key = toleration["key"].string ?? ""
        let op = toleration["operator"].string ?? "Equal"
        if key.isEmpty { return op == "Exists" }
        if key != (taint["key"].string ?? "") { return false }
        if op == "Exists" { return true }
        return (toleration["value"].string ?? "") == (taint["value"].string ?? "")
    }

    /// The first NoSchedule/NoExecute taint none of the tolerations covers.
    static func untoleratedTaint(_ taints: [JSONValue], tolerations: [JSONValue]) -> JSONValue? {
        taints.first { taint in
            let effect = taint["effect"].string ?? ""
            guard effect == "NoSchedule" || effect == "NoExecute" else { return false }
            return !tolerations.contains { tolerates($0, taint) }
        }
    }

    /// `pod.spec.nodeSelector` and required node affinity both hold for the node.
    static func podMatchesNode(nodeSelector: [String: String], requiredTerms: [JSONValue]?, labels: [String: String],
                               nodeName: String) -> Bool
    {
        for (k, v) in nodeSelector where labels[k] != v { return false }
        if let terms = requiredTerms { return termsMatch(terms, labels: labels, nodeName: nodeName) }
        return true
    }

    /// NodeSelectorTerms are ORed; the expressions inside a term are ANDed. No terms match nothing.
    static func termsMatch(_ terms: [JSONValue], labels: [String: String], nodeName: String) -> Bool {
        terms.contains { term in
            let expressions = term["matchExpressions"].items
            let fields = term["matchFields"].items
            if expressions.isEmpty && fields.isEmpty { return false }
            return expressions.allSatisfy { expressionMatches($0, value: labels[$0["key"].string ?? ""]) }
                && fields.allSatisfy { f in
                    f["key"].string == "metadata.name" ? expressionMatches(f, value: nodeName) : false
                }
        }
    }

    private static func expressionMatches(_ e: JSONValue, value: String?) -> Bool {
        let values = e["values"].items.compactMap(\.scalarText)
        switch e["operator"].string ?? "" {
        case "In": return value.map { values.contains($0) } ?? false
        case "NotIn": return value.map { !values.contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        case "Gt", "Lt":
            guard let v = value.flatMap({ Int($0) }), let bound = values.first.flatMap({ Int($0) }) else { return false }
            return e["operator"].string == "Gt" ? v > bound : v < bound
        default: return false
        }
    }
}
