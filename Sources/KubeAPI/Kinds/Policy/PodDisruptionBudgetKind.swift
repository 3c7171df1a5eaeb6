/// PodDisruptionBudget (policy/v1): how many of a set of pods voluntary evictions must leave running.
extension KindDescriptor {
    static let podDisruptionBudget = KindDescriptor(
        ResourceType(kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", shortNames: ["pdb"], group: "policy", generation: .spec),
        schema: WorkloadSchemas.pdb,
        initialStatus: ["currentHealthy": 0, "desiredHealthy": 0, "disruptionsAllowed": 0, "expectedPods": 0])
}
