/// ReplicationController (v1): the ReplicaSet's predecessor; its selector defaults to the template's labels.
extension KindDescriptor {
    static let replicationController = KindDescriptor(
        ResourceType(kind: "ReplicationController", plural: "replicationcontrollers", shortNames: ["rc"], categories: ["all"], generation: .spec),
        schema: PolicySchemas.replicationController, defaults: { obj, _, _ in Defaulting.replicationController(&obj) },
        scalable: true)
}

extension Defaulting {
    static func replicationController(_ obj: inout JSONValue) {
        let templateLabels = obj["spec"]["template"]["metadata"]["labels"]
        let labels = obj["metadata"]["labels"]
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "replicas", 1)
            if spec["selector"].object?.isEmpty ?? true, !templateLabels.isNull { spec["selector"] = templateLabels }
            child(&spec, "template", podTemplate)
        }
        if labels.object?.isEmpty ?? true, !templateLabels.isNull {
            child(&obj, "metadata", create: true) { $0["labels"] = templateLabels }
        }
    }
}
