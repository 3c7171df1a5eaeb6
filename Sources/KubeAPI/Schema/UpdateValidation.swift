/// Update-only rules: which fields may change once an object exists.
enum UpdateValidation {
    static let statefulSetMutable: Set<String> = ["replicas", "ordinals", "template", "updateStrategy",
                                                  "persistentVolumeClaimRetentionPolicy", "minReadySeconds"]
    static let statefulSetMessage = "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
    static let podMessage = "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
    static let claimMessage = "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"

    static func run(_ new: JSONValue, old: JSONValue, kind: String) -> [FieldError] {
        var errors: [FieldError] = []
        let newSpec = new["spec"], oldSpec = old["spec"]
        switch kind {
        case "StatefulSet":
            if !equalIgnoring(newSpec, oldSpec, statefulSetMutable) {
                errors.append(FieldError("spec", .forbidden, statefulSetMessage))
            }
        case "Deployment", "ReplicaSet", "DaemonSet":
            if newSpec["selector"] != oldSpec["selector"], !oldSpec["selector"].isNull {
                errors.append(FieldError("spec.selector", .invalid(value: selectorText(newSpec["selector"])), "field is immutable"))
            }
        case "Job":
            if newSpec["selector"] != oldSpec["selector"], !oldSpec["selector"].isNull, !newSpec["selector"].isNull {
                errors.append(FieldError("spec.selector", .invalid(value: selectorText(newSpec["selector"])), "field is immutable"))
            }
            if newSpec["completions"] != oldSpec["completions"] {
                errors.append(FieldError("spec.completions", .invalid(value: GoFormat.value(newSpec["completions"])), "field is immutable"))
            }
            var newTemplate = newSpec["template"], oldTemplate = oldSpec["template"]
            newTemplate["metadata"]["labels"] = .null; oldTemplate["metadata"]["labels"] = .null
            if newTemplate != oldTemplate, oldSpec["suspend"].bool != true {
                errors.append(FieldError("spec.template", .invalid(value: "core.PodTemplateSpec{...}"), "field is immutable"))
            }
        case "Pod":
            if !podSpecUpdateAllowed(newSpec, oldSpec) {
                errors.append(FieldError("spec", .forbidden, podMessage))
            }
        case "PersistentVolumeClaim":
            var a = newSpec, b = oldSpec
            a["resources"]["requests"] = .null; b["resources"]["requests"] = .null
            a["volumeAttributesClassName"] = .null; b["volumeAttributesClassName"] = .null
            // A claim that was bound keeps the volume name the binder wrote.
            if a["volumeName"].isNull { a["volumeName"] = b["volumeName"] }
            if a["storageClassName"].isNull { a["storageClassName"] = b["storageClassName"] }
            if a.normalisedEmpty != b.normalisedEmpty { errors.append(FieldError("spec", .forbidden, claimMessage)) }
        case "Service":
            let oldIPs = oldSpec["clusterIPs"].items.compactMap(\.string)
            let newIPs = newSpec["clusterIPs"].items.compactMap(\.string)
            let oldType = oldSpec["type"].string ?? "ClusterIP", newType = newSpec["type"].string ?? "ClusterIP"
            if oldType != "ExternalName", newType != "ExternalName", let first = oldIPs.first, !first.isEmpty,
               newIPs.first != first
            {
                errors.append(FieldError("spec.clusterIPs[0]", .invalid(value: GoFormat.stringSlice(newIPs)), "may not change once set"))
            }
        case "RoleBinding", "ClusterRoleBinding":
            if new["roleRef"] != old["roleRef"] {
                let r = new["roleRef"]
                let text = "rbac.RoleRef{APIGroup:\(GoFormat.quoted(r["apiGroup"].string ?? "")), Kind:\(GoFormat.quoted(r["kind"].string ?? "")), Name:\(GoFormat.quoted(r["name"].string ?? ""))}"
                errors.append(FieldError("roleRef", .invalid(value: text), "cannot change roleRef"))
            }
        case "Secret", "ConfigMap":
            if old["immutable"].bool == true {
                if new["data"] != old["data"] { errors.append(FieldError("data", .forbidden, "field is immutable when `immutable` is set")) }
                if new["immutable"].bool != true { errors.append(FieldError("immutable", .forbidden, "field is immutable when `immutable` is set")) }
            }
        default: break
        }
        return errors
    }

    static func selectorText(_ s: JSONValue) -> String {
        "v1.LabelSelector{MatchLabels:\(GoFormat.stringMap(s["matchLabels"].stringMap)), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}"
    }

    static func equalIgnoring(_ a: JSONValue, _ b: JSONValue, _ keys: Set<String>) -> Bool {
        var a = a, b = b
        for k in keys { a[k] = .null; b[k] = .null }
        return a.normalisedEmpty == b.normalisedEmpty
    }

    static func podSpecUpdateAllowed(_ new: JSONValue, _ old: JSONValue) -> Bool {
        var a = new, b = old
        for key in ["containers", "initContainers"] {
            let count = min(a[key].items.count, b[key].items.count)
            for i in 0..<count { a[key][i]["image"] = .null; b[key][i]["image"] = .null }
        }
        a["activeDeadlineSeconds"] = .null; b["activeDeadlineSeconds"] = .null
        // Tolerations may only grow.
        let oldTolerations = b["tolerations"].items
        let newTolerations = a["tolerations"].items
        if !oldTolerations.allSatisfy({ t in newTolerations.contains(t) }) { return false }
        a["tolerations"] = .null; b["tolerations"] = .null
        if let grace = b["terminationGracePeriodSeconds"].int, grace < 0, a["terminationGracePeriodSeconds"] == 1 {
            a["terminationGracePeriodSeconds"] = b["terminationGracePeriodSeconds"]
        }
        // Fields the scheduler and server fill in do not count as changes when omitted.
        for key in ["nodeName", "serviceAccountName", "serviceAccount", "priority", "preemptionPolicy", "enableServiceLinks"]
            where a[key].isNull { a[key] = b[key] }
        return a.normalisedEmpty == b.normalisedEmpty
    }
}

extension JSONValue {
    /// The value with keys sorted, so key order does not count as a difference.
    var normalisedEmpty: JSONValue {
        switch self {
        case .object(let o):
            var sorted = o
            sorted.sort { $0.key < $1.key }
            for (k, v) in sorted { sorted[k] = v.normalisedEmpty }
            return .object(sorted)
        case .array(let a): return .array(a.map(\.normalisedEmpty))
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: return .int(Int(d))
        default: return self
        }
    }
}
