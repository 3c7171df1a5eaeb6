import KubeAPI

/// `kubectl create rolebinding|clusterrolebinding NAME --role|--clusterrole=R [--user] [--group]
/// [--serviceaccount=NS:NAME]`: one binding, subjects in the order users, groups, service accounts.
enum CreateRoleBinding {
    /// A ClusterRoleBinding can only refer to a ClusterRole, so it has no `--role`.
    static func flags(clusterWide: Bool) -> [FlagSet.Spec] {
        (clusterWide ? [] : [.init("role")]) + [
            .init("clusterrole"), .init("user", nil, .stringArray), .init("group", nil, .stringArray),
            .init("serviceaccount", nil, .stringArray),
        ]
    }

    static let rbacGroup = "rbac.authorization.k8s.io"

    static func run(_ call: Invocation, clusterWide: Bool) throws -> Int32 {
        let command = clusterWide ? "clusterrolebinding" : "rolebinding"
        if clusterWide { try GeneratedObject.requireFlags("clusterrole", call: call) }
        let name = try GeneratedObject.name(call, words: 1, command: command)
        let role = call.flags.string("role")
        let clusterRole = call.flags.string("clusterrole")
        if !clusterWide && (role.isEmpty == clusterRole.isEmpty) {
            throw KubectlFailure.error("exactly one of clusterrole or role must be specified")
        }
        var subjects: [JSONValue] = []
        for user in call.flags.values["user"] ?? [] {
            subjects.append(["kind": "User", "apiGroup": .string(rbacGroup), "name": .string(user)])
        }
        for group in call.flags.values["group"] ?? [] {
            subjects.append(["kind": "Group", "apiGroup": .string(rbacGroup), "name": .string(group)])
        }
        for sa in call.flags.values["serviceaccount"] ?? [] {
            let parts = sa.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw KubectlFailure.error("serviceaccount must be <namespace>:<name>")
            }
            subjects.append(["kind": "ServiceAccount", "name": .string(parts[1]), "namespace": .string(parts[0])])
        }
        let kind = clusterWide ? "ClusterRoleBinding" : "RoleBinding"
        var object: JSONValue = [
            "kind": .string(kind), "apiVersion": .string(rbacGroup + "/v1"),
            "metadata": GeneratedObject.metadata(name, call: call, namespaced: !clusterWide),
        ]
        if !subjects.isEmpty { object["subjects"] = .array(subjects) }
        object["roleRef"] = ["apiGroup": .string(rbacGroup), "kind": role.isEmpty ? "ClusterRole" : "Role",
                             "name": .string(role.isEmpty ? clusterRole : role)]
        return try GeneratedObject.finish(object, as: ResourceRegistry.forKind(kind)!, call: call,
                                          failurePrefix: "failed to create \(command): ")
    }
}
