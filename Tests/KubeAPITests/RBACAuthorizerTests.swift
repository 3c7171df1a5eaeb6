import Testing
@testable import KubeAPI

/// The RBAC authorizer's rule matching and binding walk, and the API server's Forbidden words.
@Suite struct RBACAuthorizerTests {
    static func type(_ kind: String) -> ResourceType { ResourceRegistry.forKind(kind)! }

    static func store(_ objects: [(String, JSONValue)]) throws -> ObjectStore {
        var n = 0
        let store = ObjectStore(now: { 1_748_854_800_000 }, makeUID: { n += 1; return "uid-\(n)" })
        for (kind, o) in objects { try store.create(type(kind), o) }
        return store
    }

    static func rule(_ verbs: [String], _ groups: [String], _ resources: [String], names: [String] = []) -> JSONValue {
        PolicyRule(verbs: verbs, apiGroups: groups, resources: resources, resourceNames: names).json
    }

    static func clusterRole(_ name: String, _ rules: [JSONValue]) -> (String, JSONValue) {
        ("ClusterRole", ["metadata": ["name": .string(name)], "rules": .array(rules)])
    }

    static func clusterBinding(_ name: String, role: String, subjects: [JSONValue]) -> (String, JSONValue) {
        ("ClusterRoleBinding", ["metadata": ["name": .string(name)], "subjects": .array(subjects),
                                "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(role)]])
    }

    static let sa = UserInfo.serviceAccount(namespace: "tkr-system", name: "high-availability")
    static let saSubject: JSONValue = ["kind": "ServiceAccount", "name": "high-availability", "namespace": "tkr-system"]

    @Test func seed003sClusterRoleGrantsExactlyListAndDeleteOnNodes() throws {
        let store = try Self.store([Self.clusterRole("nodes", [Self.rule(["list", "delete"], [""], ["nodes"])]),
                                    Self.clusterBinding("nodes", role: "nodes", subjects: [Self.saSubject])])
        let authz = RBACAuthorizer(store: store)
        func can(_ verb: String, _ resource: String, group: String = "", ns: String = "", sub: String = "", user: UserInfo = RBACAuthorizerTests.sa) -> Bool {
            authz.authorize(AccessRequest(user: user, verb: verb, namespace: ns, apiGroup: group, resource: resource, subresource: sub)).allowed
        }
        #expect(can("list", "nodes"))
        #expect(can("delete", "nodes"))
        #expect(can("list", "nodes", ns: "default"), "cluster bindings apply in every namespace")
        #expect(!can("get", "nodes"))
        #expect(!can("watch", "nodes"))
        #expect(!can("patch", "nodes", sub: "status"), "a rule for nodes does not grant a subresource")
        #expect(!can("list", "nodes", group: "apps"))
        #expect(!can("list", "pods", ns: "tkr-system"))
        #expect(!can("list", "nodes", user: .serviceAccount(namespace: "default", name: "high-availability")),
                "the subject names the service account's namespace")
    }

    @Test func wildcardsSubresourcesNamesAndPathsMatchAsUpstream() {
        let u = UserInfo(name: "u", groups: [])
        func req(_ verb: String, _ resource: String, sub: String = "", name: String = "", group: String = "") -> AccessRequest {
            AccessRequest(user: u, verb: verb, namespace: "default", apiGroup: group, resource: resource, subresource: sub, name: name)
        }
        let exec = PolicyRule(verbs: ["create"], apiGroups: [""], resources: ["pods/exec"])
        #expect(exec.allows(req("create", "pods", sub: "exec")))
        #expect(!exec.allows(req("create", "pods")))
        let scale = PolicyRule(verbs: ["get"], apiGroups: ["*"], resources: ["*/scale"])
        #expect(scale.allows(req("get", "statefulsets", sub: "scale", group: "apps")))
        #expect(!scale.allows(req("get", "statefulsets", group: "apps")))
        let named = PolicyRule(verbs: ["get", "update"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["kube-scheduler"])
        #expect(named.allows(req("get", "configmaps", name: "kube-scheduler")))
        #expect(!named.allows(req("get", "configmaps", name: "other")))
        #expect(!named.allows(req("list", "configmaps")), "a list names no object, so a named rule cannot grant it")
        let all = PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"])
        #expect(all.allows(req("escalate", "clusterroles", group: "rbac.authorization.k8s.io")))
        #expect(!all.allows(AccessRequest(user: u, verb: "get", path: "/healthz")), "resource rules grant no paths")
        let health = PolicyRule(verbs: ["get"], nonResourceURLs: ["/healthz", "/readyz/*"])
        #expect(health.allows(AccessRequest(user: u, verb: "get", path: "/healthz")))
        #expect(health.allows(AccessRequest(user: u, verb: "get", path: "/readyz/etcd")))
        #expect(!health.allows(AccessRequest(user: u, verb: "get", path: "/healthz/etcd")))
        #expect(!health.allows(AccessRequest(user: u, verb: "post", path: "/healthz")))
    }

    @Test func aBindingToAMissingRoleGrantsNothingAndSaysWhy() throws {
        let store = try Self.store([Self.clusterBinding("nodes", role: "nodes", subjects: [Self.saSubject])])
        let decision = RBACAuthorizer(store: store).authorize(AccessRequest(user: Self.sa, verb: "list", resource: "nodes"))
        #expect(decision == .init(allowed: false, reason: "RBAC: clusterrole.rbac.authorization.k8s.io \"nodes\" not found"))
    }

    @Test func roleBindingsGrantInTheirNamespaceAndNameTheirServiceAccountsNamespace() throws {
        let store = try Self.store([
            ("Namespace", ["metadata": ["name": "tkr-system"]]),
            ("Role", ["metadata": ["name": "reader", "namespace": "tkr-system"], "rules": [Self.rule(["get", "list"], [""], ["pods"])]]),
            ("RoleBinding", ["metadata": ["name": "read", "namespace": "tkr-system"],
                             "subjects": [["kind": "ServiceAccount", "name": "high-availability"]],
                             "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reader"]]),
        ])
        let authz = RBACAuthorizer(store: store)
        let inNamespace = authz.authorize(AccessRequest(user: Self.sa, verb: "list", namespace: "tkr-system", resource: "pods"))
        #expect(inNamespace == .init(allowed: true, reason: "RBAC: allowed by RoleBinding \"read/tkr-system\" of Role \"reader\" to ServiceAccount \"high-availability/tkr-system\""))
        #expect(!authz.authorize(AccessRequest(user: Self.sa, verb: "list", namespace: "default", resource: "pods")).allowed)
        #expect(!authz.authorize(AccessRequest(user: Self.sa, verb: "list", resource: "pods")).allowed, "not across all namespaces")
    }

    @Test func systemMastersIsAllowedWithoutAnyBinding() throws {
        let store = try Self.store([])
        let admin = UserInfo(name: "kubernetes-super-admin", groups: ["system:masters", "system:authenticated"])
        #expect(RBACAuthorizer(store: store).authorize(AccessRequest(user: admin, verb: "delete", resource: "nodes")).allowed)
    }

    @Test func forbiddenErrorsAreWordedAsTheAPIServerWordsThem() {
        let sa = UserInfo.serviceAccount(namespace: "default", name: "default")
        let pods = Self.type("Pod"), nodes = Self.type("Node"), sts = Self.type("StatefulSet")
        #expect(AccessRequest(user: sa, verb: "list", type: pods, namespace: "default").forbidden(reason: "").kubectlText
            == #"Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default""#)
        #expect(AccessRequest(user: sa, verb: "list", type: nodes, namespace: "default").forbidden(reason: "").message
            == #"nodes is forbidden: User "system:serviceaccount:default:default" cannot list resource "nodes" in API group "" at the cluster scope"#)
        #expect(AccessRequest(user: sa, verb: "create", type: pods, namespace: "default", name: "mysql-0", subresource: "exec").forbidden(reason: "").message
            == #"pods "mysql-0" is forbidden: User "system:serviceaccount:default:default" cannot create resource "pods/exec" in API group "" in the namespace "default""#)
        #expect(AccessRequest(user: sa, verb: "get", type: sts, namespace: "default", name: "web").forbidden(reason: "RBAC: x").message
            == #"statefulsets.apps "web" is forbidden: User "system:serviceaccount:default:default" cannot get resource "statefulsets" in API group "apps" in the namespace "default": RBAC: x"#)
        #expect(AccessRequest(user: sa, verb: "get", path: "/metrics").forbidden(reason: "").message
            == #"forbidden: User "system:serviceaccount:default:default" cannot get path "/metrics""#)
    }

    @Test func serviceAccountUserNamesSplitOnlyWhenWellFormed() {
        #expect(UserInfo.splitServiceAccount("system:serviceaccount:tkr-system:high-availability")! == ("tkr-system", "high-availability"))
        #expect(UserInfo.splitServiceAccount("system:serviceaccount:default") == nil)
        #expect(UserInfo.splitServiceAccount("system:serviceaccount:Bad_NS:x") == nil)
        #expect(UserInfo.splitServiceAccount("system:serviceaccount:a:b:c") == nil)
        #expect(UserInfo.splitServiceAccount("jane") == nil)
    }
}
