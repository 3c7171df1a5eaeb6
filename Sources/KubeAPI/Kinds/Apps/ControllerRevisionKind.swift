/// ControllerRevision (apps/v1): an immutable snapshot of a workload's template, for history and rollback.
extension KindDescriptor {
    static let controllerRevision = KindDescriptor(
        ResourceType(kind: "ControllerRevision", plural: "controllerrevisions", group: "apps"),
        schema: WorkloadSchemas.controllerRevision)
}
