/// Role (rbac/v1): a set of permissions in one namespace.
extension KindDescriptor {
    static let role = KindDescriptor(
        ResourceType(kind: "Role", plural: "roles", group: "rbac.authorization.k8s.io"),
        schema: CoreSchemas.role, nameRule: .pathSegment)
}
