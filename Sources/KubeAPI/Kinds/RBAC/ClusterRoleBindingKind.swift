/// ClusterRoleBinding (rbac/v1): grants a ClusterRole cluster-wide; its roleRef cannot change.
extension KindDescriptor {
    static let clusterRoleBinding = KindDescriptor(
        ResourceType(kind: "ClusterRoleBinding", plural: "clusterrolebindings", group: "rbac.authorization.k8s.io", namespaced: false),
        schema: CoreSchemas.clusterRoleBinding, nameRule: .pathSegment, validate: { v, obj in v.binding(obj, cluster: true) },
        validateUpdate: UpdateValidation.roleRef)
}
