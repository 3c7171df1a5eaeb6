/// Deployment (apps/v1): its generation also counts annotation changes; the selector is immutable.
extension KindDescriptor {
    static let deployment = KindDescriptor(
        ResourceType(kind: "Deployment", plural: "deployments", shortNames: ["deploy"], group: "apps", categories: ["all"], generation: .specAndAnnotations),
        schema: WorkloadSchemas.deployment, defaults: { obj, _, _ in Defaulting.deployment(&obj) },
        validate: { v, obj in v.replicated(obj["spec"], requireTemplate: true) }, validateUpdate: UpdateValidation.immutableSelector,
        initialStatus: .emptyObject, scalable: true)
}

extension Defaulting {
    static func deployment(_ obj: inout JSONValue) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "replicas", 1)
            child(&spec, "strategy", create: true) { s in
                setDefault(&s, "type", "RollingUpdate")
                if s["type"].string == "RollingUpdate" {
                    child(&s, "rollingUpdate", create: true) { r in
                        setDefault(&r, "maxUnavailable", "25%")
                        setDefault(&r, "maxSurge", "25%")
                    }
                }
            }
            setDefault(&spec, "revisionHistoryLimit", 10)
            setDefault(&spec, "progressDeadlineSeconds", 600)
            child(&spec, "template", create: true, podTemplate)
        }
    }
}

extension UpdateValidation {
    /// apps/v1 workloads keep the selector they were created with.
    static func immutableSelector(_ new: JSONValue, old: JSONValue) -> [FieldError] {
        let newSelector = new["spec"]["selector"], oldSelector = old["spec"]["selector"]
        guard newSelector != oldSelector, !oldSelector.isNull else { return [] }
        return [FieldError("spec.selector", .invalid(value: selectorText(newSelector)), "field is immutable")]
    }
}
