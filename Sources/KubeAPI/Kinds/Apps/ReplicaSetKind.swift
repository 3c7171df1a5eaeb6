/// ReplicaSet (apps/v1): keeps a number of identical pods; the selector is immutable.
extension KindDescriptor {
    static let replicaSet = KindDescriptor(
        ResourceType(kind: "ReplicaSet", plural: "replicasets", shortNames: ["rs"], group: "apps", categories: ["all"], generation: .spec),
        schema: WorkloadSchemas.replicaSet, defaults: { obj, _, _ in Defaulting.replicaSet(&obj) },
        validate: { v, obj in v.replicated(obj["spec"], requireTemplate: false) }, validateUpdate: UpdateValidation.immutableSelector,
        initialStatus: ["replicas": 0], scalable: true)
}

extension Defaulting {
    static func replicaSet(_ obj: inout JSONValue) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "replicas", 1)
            child(&spec, "template", podTemplate)
        }
    }
}
