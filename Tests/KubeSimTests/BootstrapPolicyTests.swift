import KubeAPI
import Testing
@testable import KubeSim

/// The roles and bindings the sandbox boots with, and the clusterrole aggregation controller.
@Suite struct BootstrapPolicyTests {
    static func type(_ kind: String) -> ResourceType { ResourceRegistry.forKind(kind)! }
    static func rule(_ verbs: [String], _ resources: [String], group: String = "") -> JSONValue {
        PolicyRule(verbs: verbs, apiGroups: [group], resources: resources).json
    }

    @Test func theSandboxHasKubeadmsRolesAndBindings() {
        let cluster = Sandbox.make(seed: 5)
        let roles = cluster.store.list(Self.type("ClusterRole")).map(\.name)
        for name in ["cluster-admin", "admin", "edit", "view", "system:basic-user", "system:discovery", "system:public-info-viewer",
                     "system:node", "system:kube-scheduler", "system:kube-controller-manager", "system:controller:statefulset-controller",
                     "system:controller:node-controller", "system:coredns", "kubeadm:get-nodes"] {
            #expect(roles.contains(name), "\(name)")
        }
        #expect(roles.count == 66)
        let bindings = cluster.store.list(Self.type("ClusterRoleBinding"))
        #expect(bindings.count == 52)
        let admins = bindings.first { $0.name == "kubeadm:cluster-admins" }
        #expect(admins?["roleRef"]["name"] == "cluster-admin")
        #expect(admins?["subjects"] == [["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": "kubeadm:cluster-admins"]])
        #expect(cluster.store.list(Self.type("Role"), namespace: "kube-system").map(\.name) == [
            "extension-apiserver-authentication-reader", "kube-proxy", "kubeadm:kubelet-config", "kubeadm:nodes-kubeadm-config",
            "system::leader-locking-kube-controller-manager", "system::leader-locking-kube-scheduler",
            "system:controller:bootstrap-signer", "system:controller:cloud-provider", "system:controller:token-cleaner",
        ])
        let view = cluster.store.get(Self.type("ClusterRole"), namespace: nil, name: "view")
        #expect(view?["metadata"]["labels"] == ["kubernetes.io/bootstrapping": "rbac-defaults",
                                                 "rbac.authorization.k8s.io/aggregate-to-edit": "true"])
        #expect(view?["aggregationRule"] == ["clusterRoleSelectors": [["matchLabels": ["rbac.authorization.k8s.io/aggregate-to-view": "true"]]]])
    }

    @Test func theAggregatedRolesHoldTheirSourcesRulesInNameOrder() {
        let cluster = Sandbox.make(seed: 5)
        func rules(_ name: String) -> [JSONValue] { cluster.store.get(Self.type("ClusterRole"), namespace: nil, name: name)?["rules"].items ?? [] }
        #expect(rules("view") == rules("system:aggregate-to-view"))
        #expect(rules("edit") == rules("system:aggregate-to-edit") + rules("view"))
        #expect(rules("admin") == rules("edit") + rules("system:aggregate-to-admin"))
        #expect(rules("view").count == 10 && rules("edit").count == 23 && rules("admin").count == 25)
    }

    @Test func aNewLabelledRoleIsAggregatedIntoViewEditAndAdmin() throws {
        let cluster = Sandbox.make(seed: 5)
        let crontabs = Self.rule(["get", "list", "watch"], ["crontabs"], group: "stable.example.com")
        try cluster.api.create(["metadata": ["name": "crontab-reader", "labels": ["rbac.authorization.k8s.io/aggregate-to-view": "true"]],
                                "rules": [crontabs]], as: Self.type("ClusterRole"))
        cluster.settle()
        for name in ["view", "edit", "admin"] {
            let role = cluster.store.get(Self.type("ClusterRole"), namespace: nil, name: name)
            #expect(role?["rules"].items.contains(crontabs) == true, "\(name)")
        }
        try cluster.api.delete(ObjectRef(Self.type("ClusterRole"), namespace: "", name: "crontab-reader"))
        cluster.settle()
        #expect(cluster.store.get(Self.type("ClusterRole"), namespace: nil, name: "admin")?["rules"].items.contains(crontabs) == false)
    }

    @Test func creatingThePolicyDrawsNothingFromTheClustersGenerator() {
        let a = Cluster(seed: 9, start: 0), b = Cluster(seed: 9, start: 0)
        BootstrapPolicyObjects.install(in: a)
        #expect(a.rng.next() == b.rng.next())
        #expect(a.store.count(Self.type("ClusterRole")) == 66)
        let uids = a.store.list(Self.type("ClusterRole")).map(\.uid)
        #expect(Set(uids).count == uids.count, "each role its own uid")
    }
}
