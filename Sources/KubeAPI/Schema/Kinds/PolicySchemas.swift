/// PodTemplate, ReplicationController, LimitRange and ResourceQuota: served kinds the lessons rarely touch.
enum PolicySchemas {
    typealias M = MetaSchemas

    static let podTemplate = M.resource("PodTemplate", "A PodTemplate stores a pod blueprint as an object of its own.", [
        F("template", .object(PodSchemas.podTemplateSpec), "The stored blueprint."),
    ])

    static let replicationControllerSpec = ObjectSchema("ReplicationControllerSpec", "Desired state of a ReplicationController.", [
        F("minReadySeconds", .int32, "Seconds a new pod must be ready to count as available."),
        F("replicas", .int32, "How many pods to run; defaults to 1."),
        F("selector", .map(.string), "Labels of the pods it manages; defaults to the template's labels."),
        F("template", .object(PodSchemas.podTemplateSpec), "The pod blueprint."),
    ])
    static let replicationControllerStatus = ObjectSchema("ReplicationControllerStatus", "Observed state of a ReplicationController.", [
        F("availableReplicas", .int32, "Available pods."),
        F("conditions", .array(.object(WorkloadSchemas.condition("ReplicationControllerCondition", "ReplicationController"))), "Current conditions."),
        F("fullyLabeledReplicas", .int32, "Pods whose labels match the template."),
        F("observedGeneration", .int64, "Generation last acted on."),
        F("readyReplicas", .int32, "Ready pods."),
        F("replicas", .int32, "Pods observed.", required: true),
    ])
    static let replicationController = M.resource("ReplicationController",
        "A ReplicationController is the older form of a ReplicaSet, selecting its pods by exact labels.", [
        F("spec", .object(replicationControllerSpec), "Desired state."),
        F("status", .object(replicationControllerStatus), "Observed state. Read-only."),
    ])

    static let limitRangeItem = ObjectSchema("LimitRangeItem", "Bounds for one kind of object in the namespace.", [
        F("default", .map(.quantity), "Limits given to containers that set none."),
        F("defaultRequest", .map(.quantity), "Requests given to containers that set none."),
        F("max", .map(.quantity), "Largest allowed amount per resource."),
        F("maxLimitRequestRatio", .map(.quantity), "Largest allowed limit-to-request ratio."),
        F("min", .map(.quantity), "Smallest allowed amount per resource."),
        F("type", .string, "Container, Pod or PersistentVolumeClaim.", required: true),
    ])
    static let limitRange = M.resource("LimitRange", "A LimitRange sets default and allowed resource amounts in a namespace.", [
        F("spec", .object(ObjectSchema("LimitRangeSpec", "The limits of a LimitRange.", [
            F("limits", .array(.object(limitRangeItem)), "The bounds, one entry per kind.", required: true),
        ])), "The limits."),
    ])

    static let resourceQuota = M.resource("ResourceQuota", "A ResourceQuota caps the total resources and object counts of a namespace.", [
        F("spec", .object(ObjectSchema("ResourceQuotaSpec", "What a quota limits.", [
            F("hard", .map(.quantity), "The cap per resource name, such as pods or requests.cpu."),
            F("scopeSelector", .freeForm, "Restricts the quota to matching scopes."),
            F("scopes", .array(.string), "Scopes the quota applies to, such as BestEffort."),
        ])), "Desired quota."),
        F("status", .object(ObjectSchema("ResourceQuotaStatus", "Observed usage of a quota.", [
            F("hard", .map(.quantity), "The enforced caps."),
            F("used", .map(.quantity), "Current usage."),
        ])), "Observed usage. Read-only."),
    ])
}
