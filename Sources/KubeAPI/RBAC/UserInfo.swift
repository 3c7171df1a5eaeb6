/// Who a request comes from, as the API server's authenticators report it (k8s.io/apiserver
/// pkg/authentication/user.Info): a name and the groups the authorizer matches bindings against.
public struct UserInfo: Equatable, Hashable, Sendable {
    public var name: String
    public var groups: [String]

    public init(name: String, groups: [String]) {
        self.name = name
        self.groups = groups
    }

    /// Every authenticated request carries this group.
    public static let allAuthenticated = "system:authenticated"
    /// The group whose members every authorizer chain allows everything (kube-apiserver's
    /// privileged-groups authorizer runs before RBAC).
    public static let systemMasters = "system:masters"
    static let serviceAccountPrefix = "system:serviceaccount:"

    /// The user in kubeadm's admin.conf: since v1.29 `kubernetes-admin` is bound to cluster-admin
    /// through the `kubeadm:cluster-admins` group (no longer `system:masters`).
    public static let kubernetesAdmin = UserInfo(name: "kubernetes-admin", groups: ["kubeadm:cluster-admins", allAuthenticated])

    /// A pod's service account as its projected token authenticates it.
    public static func serviceAccount(namespace: String, name: String) -> UserInfo {
        UserInfo(name: serviceAccountPrefix + namespace + ":" + name, groups: serviceAccountGroups(namespace))
    }

    /// `system:serviceaccounts`, `system:serviceaccounts:NS` and `system:authenticated`.
    static func serviceAccountGroups(_ namespace: String) -> [String] {
        ["system:serviceaccounts", "system:serviceaccounts:" + namespace, allAuthenticated]
    }

    /// The namespace and name in `system:serviceaccount:NS:NAME` when both are valid names
    /// (serviceaccount.SplitUsername); anything else is an ordinary user name.
    public static func splitServiceAccount(_ username: String) -> (namespace: String, name: String)? {
        guard username.hasPrefix(serviceAccountPrefix) else { return nil }
        let parts = username.dropFirst(serviceAccountPrefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let namespace = String(parts[0]), name = String(parts[1])
        guard NameRules.isDNS1123Label(namespace), NameRules.isDNS1123Subdomain(name) else { return nil }
        return (namespace, name)
    }
}
