/// RoleBinding (rbac/v1): grants a Role or ClusterRole in one namespace; its roleRef cannot change.
extension KindDescriptor {
    static let roleBinding = KindDescriptor(
        ResourceType(kind: "RoleBinding", plural: "rolebindings", group: "rbac.authorization.k8s.io"),
        schema: CoreSchemas.roleBinding, nameRule: .pathSegment, validate: { v, obj in v.binding(obj, cluster: false) },
        validateUpdate: UpdateValidation.roleRef)
}

extension Validation {
    mutating func binding(_ obj: JSONValue, cluster: Bool) {
        let ref = obj["roleRef"]
        let kinds = cluster ? ["ClusterRole"] : ["Role", "ClusterRole"]
        let kind = ref["kind"].string ?? ""
        if !kinds.contains(kind) { add("roleRef.kind", .unsupported(value: GoFormat.quoted(kind), allowed: kinds)) }
        if let group = ref["apiGroup"].string, group != "rbac.authorization.k8s.io" {
            add("roleRef.apiGroup", .unsupported(value: GoFormat.quoted(group), allowed: ["rbac.authorization.k8s.io"]))
        }
        if (ref["name"].string ?? "").isEmpty { add("roleRef.name", .required) }
        for (i, s) in obj["subjects"].items.enumerated() {
            let p = "subjects[\(i)]"
            let kind = s["kind"].string ?? ""
            if (s["name"].string ?? "").isEmpty { add(p + ".name", .required) }
            switch kind {
            case "ServiceAccount":
                if cluster, (s["namespace"].string ?? "").isEmpty { add(p + ".namespace", .required) }
            case "User", "Group": break
            default: add(p + ".kind", .unsupported(value: GoFormat.quoted(kind), allowed: ["ServiceAccount", "User", "Group"]))
            }
        }
    }
}

extension UpdateValidation {
    /// ValidateRoleBindingUpdate / ValidateClusterRoleBindingUpdate: a binding's roleRef is fixed.
    static func roleRef(_ new: JSONValue, old: JSONValue) -> [FieldError] {
        guard new["roleRef"] != old["roleRef"] else { return [] }
        let r = new["roleRef"]
        let text = "rbac.RoleRef{APIGroup:\(GoFormat.quoted(r["apiGroup"].string ?? "")), Kind:\(GoFormat.quoted(r["kind"].string ?? "")), Name:\(GoFormat.quoted(r["name"].string ?? ""))}"
        return [FieldError("roleRef", .invalid(value: text), "cannot change roleRef")]
    }
}
