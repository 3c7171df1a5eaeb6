/// DaemonSet (apps/v1): one pod per eligible node; its selector is immutable.
extension KindDescriptor {
    static let daemonSet = KindDescriptor(
        ResourceType(kind: "DaemonSet", plural: "daemonsets", shortNames: ["ds"], group: "apps", categories: ["all"], generation: .spec),
        schema: WorkloadSchemas.daemonSet, defaults: { obj, _, old in Defaulting.daemonSet(&obj); Defaulting.daemonSetTemplateGeneration(&obj, old: old) },
        validate: { v, obj in v.replicated(obj["spec"], requireTemplate: true, hasReplicas: false, emptySelector: "empty selector is invalid for daemonset") },
        validateUpdate: UpdateValidation.immutableSelector,
        initialStatus: ["currentNumberScheduled": 0, "desiredNumberScheduled": 0, "numberMisscheduled": 0, "numberReady": 0])
}

extension Defaulting {
    static func daemonSet(_ obj: inout JSONValue) {
        child(&obj, "spec", create: true) { spec in
            child(&spec, "updateStrategy", create: true) { s in
                setDefault(&s, "type", "RollingUpdate")
                if s["type"].string == "RollingUpdate" {
                    child(&s, "rollingUpdate", create: true) { r in
                        setDefault(&r, "maxUnavailable", 1)
                        setDefault(&r, "maxSurge", 0)
                    }
                }
            }
            setDefault(&spec, "revisionHistoryLimit", 10)
            child(&spec, "template", create: true, podTemplate)
        }
    }
}

extension KindDescriptor {
    /// The annotation apps/v1 shows the DaemonSet's template generation in.
    public static let daemonSetTemplateGenerationAnnotation = "deprecated.daemonset.template.generation"
}

extension Defaulting {
    /// The DaemonSet registry strategy (pkg/registry/apps/daemonset): the template generation starts
    /// at 1 and grows by one whenever the pod template changes; the controller labels pods with it
    /// (`pod-template-generation`). A client cannot set it: the server keeps its own.
    static func daemonSetTemplateGeneration(_ ds: inout JSONValue, old: JSONValue?) {
        let key = KindDescriptor.daemonSetTemplateGenerationAnnotation
        var generation = 1
        if let old {
            generation = old.annotations[key].flatMap { Int($0) } ?? 0
            if ds["spec"]["template"] != old["spec"]["template"] { generation += 1 }
        }
        ds["metadata"]["annotations"][key] = .string(String(generation))
    }
}
