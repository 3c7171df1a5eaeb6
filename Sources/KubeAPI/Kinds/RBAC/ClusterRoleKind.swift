/// ClusterRole (rbac/v1): a cluster-wide set of permissions, possibly aggregated from others.
extension KindDescriptor {
    static let clusterRole = KindDescriptor(
        ResourceType(kind: "ClusterRole", plural: "clusterroles", group: "rbac.authorization.k8s.io", namespaced: false),
        schema: CoreSchemas.clusterRole, nameRule: .pathSegment)
}
