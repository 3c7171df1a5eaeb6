/// DaemonSet (apps/v1): one pod per eligible node; its selector is immutable.
extension KindDescriptor {
    static let daemonSet = KindDescriptor(
        ResourceType(kind: "DaemonSet", plural: "daemonsets", shortNames: ["ds"], group: "apps", categories: ["all"], generation: .spec),
        schema: WorkloadSchemas.daemonSet, defaults: { obj, _, _ in Defaulting.daemonSet(&obj) },
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
