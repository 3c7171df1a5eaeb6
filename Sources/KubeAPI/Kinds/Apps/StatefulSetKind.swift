/// StatefulSet (apps/v1): a DNS-1123 label name (pods and their hostnames derive from it); only replicas,
/// ordinals, template, update strategy, claim retention and minReadySeconds may change.
extension KindDescriptor {
    static let statefulSet = KindDescriptor(
        ResourceType(kind: "StatefulSet", plural: "statefulsets", shortNames: ["sts"], group: "apps", categories: ["all"], generation: .spec),
        schema: WorkloadSchemas.statefulSet, nameRule: .label, defaults: { obj, _, _ in Defaulting.statefulSet(&obj) },
        validate: { v, obj in v.statefulSet(obj["spec"]) }, validateUpdate: UpdateValidation.statefulSet,
        initialStatus: ["availableReplicas": 0, "replicas": 0], scalable: true)
}

extension Defaulting {
    static func statefulSet(_ obj: inout JSONValue) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "podManagementPolicy", "OrderedReady")
            child(&spec, "updateStrategy", create: true) { s in
                // Only a defaulted type brings an empty rollingUpdate (SetDefaults_StatefulSet): an
                // explicit `type: RollingUpdate` stays bare, so a later switch to OnDelete applies.
                if (s["type"].string ?? "").isEmpty {
                    s["type"] = "RollingUpdate"
                    child(&s, "rollingUpdate", create: true) { _ in }
                }
                if s["type"].string == "RollingUpdate" {
                    child(&s, "rollingUpdate") { setDefault(&$0, "partition", 0) }
                }
            }
            setDefault(&spec, "replicas", 1)
            setDefault(&spec, "revisionHistoryLimit", 10)
            child(&spec, "persistentVolumeClaimRetentionPolicy", create: true) { p in
                setDefault(&p, "whenDeleted", "Retain")
                setDefault(&p, "whenScaled", "Retain")
            }
            child(&spec, "template", create: true, podTemplate)
            eachElement(&spec, "volumeClaimTemplates") { t in
                // Templates are stored as full claims.
                var o: JSONObject = ["apiVersion": "v1", "kind": "PersistentVolumeClaim"]
                for (k, v) in t.object ?? [:] where k != "apiVersion" && k != "kind" { o[k] = v }
                t = .object(o)
                templateMetadata(&t)
                child(&t, "spec", create: true) { setDefault(&$0, "volumeMode", "Filesystem") }
                child(&t, "status", create: true) { setDefault(&$0, "phase", "Pending") }
            }
        }
    }
}

extension Validation {
    mutating func statefulSet(_ spec: JSONValue) {
        if let policy = spec["podManagementPolicy"].string, policy != "OrderedReady", policy != "Parallel" {
            add("spec.podManagementPolicy", .invalid(value: GoFormat.quoted(policy)), "must be 'OrderedReady' or 'Parallel'")
        }
        let strategy = spec["updateStrategy"]
        switch strategy["type"].string ?? "" {
        case "RollingUpdate":
            let ru = strategy["rollingUpdate"]
            nonNegative(ru, "partition", path: "spec.updateStrategy.rollingUpdate")
            if let n = ru["maxUnavailable"].int, n < 1 {
                add("spec.updateStrategy.rollingUpdate.maxUnavailable", .invalid(value: String(n)), "must be greater than 0")
            }
        case "OnDelete":
            if !strategy["rollingUpdate"].isNull {
                // The field error prints the internal struct with Go's %#v; a set maxUnavailable is a
                // pointer there, whose address no cluster prints the same twice.
                let ru = strategy["rollingUpdate"]
                let maxUnavailable = ru["maxUnavailable"].isNull ? "(*intstr.IntOrString)(nil)" : "(*intstr.IntOrString)(0xc000b2e1a8)"
                let value = "apps.RollingUpdateStatefulSetStrategy{Partition:\(ru["partition"].int ?? 0), MaxUnavailable:\(maxUnavailable)}"
                add("spec.updateStrategy.rollingUpdate", .invalid(value: value), "only allowed for updateStrategy 'RollingUpdate'")
            }
        case let other:
            add("spec.updateStrategy", .invalid(value: GoFormat.quoted(other)), "must be 'RollingUpdate' or 'OnDelete'")
        }
        for key in ["whenDeleted", "whenScaled"] {
            if let v = spec["persistentVolumeClaimRetentionPolicy"][key].string, v != "Retain", v != "Delete" {
                add("spec.persistentVolumeClaimRetentionPolicy.\(key)", .unsupported(value: GoFormat.quoted(v), allowed: ["Retain", "Delete"]))
            }
        }
        nonNegative(spec, "replicas", path: "spec")
        nonNegative(spec, "minReadySeconds", path: "spec")
        nonNegative(spec, "revisionHistoryLimit", path: "spec")
        nonNegative(spec["ordinals"], "start", path: "spec.ordinals")
        // serviceName is marked required in the 1.32 OpenAPI (explain shows it) but the server never
        // enforced it; kubernetes/kubernetes#130233 (1.33) made that explicit.
        selector(spec, templateLabelsPath: "spec.template.metadata.labels", emptyMessage: "empty selector is invalid for statefulset")
        // Upstream validates only the template's metadata and restart policy, not its pod spec.
        labels(spec["template"]["metadata"]["labels"], path: "spec.template.labels")
        let restart = spec["template"]["spec"]["restartPolicy"].string ?? "Always"
        if restart != "Always" {
            add("spec.template.spec.restartPolicy", .unsupported(value: GoFormat.quoted(restart), allowed: ["Always"]))
        }
        if !spec["template"]["spec"]["activeDeadlineSeconds"].isNull {
            add("spec.template.spec.activeDeadlineSeconds", .forbidden, "activeDeadlineSeconds in StatefulSet is not Supported")
        }
    }
}

extension UpdateValidation {
    static let statefulSetMutable: Set<String> = ["replicas", "ordinals", "template", "updateStrategy",
                                                  "persistentVolumeClaimRetentionPolicy", "minReadySeconds"]
    static let statefulSetMessage = "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

    static func statefulSet(_ new: JSONValue, old: JSONValue) -> [FieldError] {
        equalIgnoring(new["spec"], old["spec"], statefulSetMutable) ? [] : [FieldError("spec", .forbidden, statefulSetMessage)]
    }
}
