/// ComponentStatus (v1, deprecated): the control plane components' health, read-only.
extension KindDescriptor {
    static let componentStatus = KindDescriptor(
        ResourceType(kind: "ComponentStatus", plural: "componentstatuses", shortNames: ["cs"], namespaced: false))
}
