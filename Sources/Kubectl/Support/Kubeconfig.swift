import KubeAPI

/// The kubeconfig kubectl reads: kubeadm's admin.conf (cluster `kubernetes`, user
/// `kubernetes-admin`, context `kubernetes-admin@kubernetes`), with the contexts `kubectl config`
/// adds, changes or switches to in this session.
public struct Kubeconfig: Sendable {
    public struct Context: Sendable, Equatable {
        public var cluster: String
        public var user: String
        public var namespace: String?
    }

    public static let clusterName = "kubernetes"
    public static let userName = "kubernetes-admin"
    public static let adminContext = "kubernetes-admin@kubernetes"

    /// By name (kubectl sorts them when it lists them).
    public var contexts: [String: Context] = [adminContext: Context(cluster: clusterName, user: userName)]
    public var currentContext = adminContext

    /// The current context's namespace, `default` when it sets none.
    public var namespace: String {
        get { contexts[currentContext]?.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default" }
        set { contexts[currentContext, default: Context(cluster: "", user: "")].namespace = newValue }
    }

    /// The file as `kubectl config view` shows it: secrets as DATA+OMITTED, keys sorted.
    func view(server: String, minify: Bool) -> JSONValue {
        let shown = minify ? contexts.filter { $0.key == currentContext } : contexts
        let contextItems: [JSONValue] = shown.keys.sorted().map { name in
            let c = shown[name]!
            var fields: JSONValue = ["cluster": .string(c.cluster)]
            if let ns = c.namespace, !ns.isEmpty { fields["namespace"] = .string(ns) }
            fields["user"] = .string(c.user)
            return ["context": fields, "name": .string(name)]
        }
        // The file has one cluster and one user; --minify keeps them only if the current context names them.
        let clusterNames = !minify || shown.values.contains { $0.cluster == Self.clusterName } ? [Self.clusterName] : []
        let userNames = !minify || shown.values.contains { $0.user == Self.userName } ? [Self.userName] : []
        return [
            "apiVersion": "v1",
            "clusters": .array(clusterNames.map { name in
                ["cluster": ["certificate-authority-data": "DATA+OMITTED", "server": .string(server)], "name": .string(name)]
            }),
            "contexts": .array(contextItems),
            "current-context": .string(currentContext),
            "kind": "Config",
            "preferences": .emptyObject,
            "users": .array(userNames.map { name in
                ["name": .string(name), "user": ["client-certificate-data": "DATA+OMITTED", "client-key-data": "DATA+OMITTED"]]
            }),
        ]
    }
}
