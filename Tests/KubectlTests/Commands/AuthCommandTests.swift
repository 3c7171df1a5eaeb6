import KubeAPI
import KubeSim
import Testing
@testable import Kubectl

/// `kubectl auth can-i`, `kubectl auth whoami`, `--as` on other verbs, and the API server's
/// Forbidden errors, on a sandbox with seed 003's RBAC manifests.
@Suite struct AuthCommandTests {
    static let serviceAccount = """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          namespace: tkr-system
          name: high-availability
        """
    static let clusterRole = """
        kind: ClusterRole
        apiVersion: rbac.authorization.k8s.io/v1
        metadata:
          name: nodes
        rules:
        - apiGroups: [""]
          resources: ["nodes"]
          verbs: ["list","delete"]
        """
    static let binding = """
        kind: ClusterRoleBinding
        apiVersion: rbac.authorization.k8s.io/v1
        metadata:
          name: nodes
        subjects:
        - kind: ServiceAccount
          name: high-availability
          namespace: tkr-system
        roleRef:
          kind: ClusterRole
          name: nodes
          apiGroup: rbac.authorization.k8s.io
        """
    static let sa = "--as=system:serviceaccount:tkr-system:high-availability"
    static let notNamespaced = "Warning: resource 'nodes' is not namespace scoped\n"

    /// A sandbox with the namespace and service account; `role` and `binding` choose the rest.
    static func harness(role: Bool = true, binding: Bool = true) -> CommandHarness {
        let h = CommandHarness(files: ["sa.yml": serviceAccount, "role.yml": clusterRole, "binding.yml": Self.binding])
        h.run("create namespace tkr-system")
        h.run("apply -f sa.yml")
        if role { h.run("apply -f role.yml") }
        if binding { h.run("apply -f binding.yml") }
        return h
    }

    static func yes(_ warning: String = notNamespaced) -> CommandHarness.Result { .init(out: "yes\n", err: warning, code: 0) }
    static func no(_ warning: String = notNamespaced, reason: String = "") -> CommandHarness.Result {
        .init(out: reason.isEmpty ? "no\n" : "no - \(reason)\n", err: warning, code: 1)
    }

    @Test func everyVerbOfTheSeedsClusterRoleAsTheServiceAccountAndAsTheDefaultUser() {
        let h = Self.harness()
        for verb in ["list", "delete"] {
            #expect(h.run("auth can-i \(verb) nodes \(Self.sa)") == Self.yes(), "\(verb)")
            #expect(h.run("auth can-i \(verb) nodes") == Self.yes(), "\(verb) as kubernetes-admin")
            #expect(h.run("auth can-i \(verb) nodes -A \(Self.sa)") == Self.yes(""), "-A gives no scope warning")
            #expect(h.run("auth can-i \(verb) nodes/k8s-node1 \(Self.sa)") == Self.yes(), "any node by name")
        }
        for verb in ["get", "watch", "create", "update", "patch", "deletecollection"] {
            #expect(h.run("auth can-i \(verb) nodes \(Self.sa)") == Self.no(), "\(verb) is not in the role")
            #expect(h.run("auth can-i \(verb) nodes") == Self.yes(), "\(verb) as kubernetes-admin")
        }
        #expect(h.run("auth can-i list pods \(Self.sa)") == Self.no(""))
        #expect(h.run("auth can-i list pods -n tkr-system \(Self.sa)") == Self.no(""))
        #expect(h.run("auth can-i patch nodes --subresource=status \(Self.sa)") == Self.no())
        #expect(h.run("auth can-i list nodes -q \(Self.sa)") == .init(out: "", err: Self.notNamespaced, code: 0))
    }

    @Test func withoutTheBindingOrTheRoleTheServiceAccountMayNot() {
        let unbound = Self.harness(binding: false)
        #expect(unbound.run("auth can-i list nodes \(Self.sa)") == Self.no())
        #expect(unbound.run("auth can-i delete nodes \(Self.sa)") == Self.no())
        // The API accepts a binding to a role that does not exist; it grants nothing, and says why.
        let roleless = Self.harness(role: false)
        #expect(roleless.run("get clusterrolebinding nodes -o jsonpath={.roleRef.name}").out == "nodes")
        #expect(roleless.run("auth can-i list nodes \(Self.sa)")
            == Self.no(reason: "RBAC: clusterrole.rbac.authorization.k8s.io \"nodes\" not found"))
    }

    @Test func warningsForUnknownTypesVerbsAndPaths() {
        let h = Self.harness()
        #expect(h.run("auth can-i list foos") == .init(out: "yes\n", err: "Warning: the server doesn't have a resource type 'foos'\n", code: 0))
        #expect(h.run("auth can-i fly pods") == .init(out: "yes\n", err: "Warning: verb 'fly' is not a known verb\n", code: 0))
        #expect(h.run("auth can-i get /healthz \(Self.sa)") == .init(out: "yes\n", err: "", code: 0))
        #expect(h.run("auth can-i get /metrics \(Self.sa)") == .init(out: "no\n", err: "", code: 1))
        #expect(h.run("auth can-i list deployments.apps \(Self.sa)") == .init(out: "no\n", err: "", code: 1))
        #expect(h.run("auth can-i list").err == "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n")
        #expect(h.run("auth can-i get pods --list").err == "error: list option must be specified with no arguments\n")
        #expect(h.run("auth can-i --list -A").err == "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n")
        #expect(h.run("auth frob") == .init(out: "", err: "error: unknown command \"frob\"\nSee 'kubectl auth -h' for help and examples\n", code: 1))
    }

    @Test func listShowsTheServiceAccountsRules() {
        let h = Self.harness()
        let listed = h.run("auth can-i --list \(Self.sa)")
        #expect(listed.code == 0)
        let lines = listed.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "Resources                                       Non-Resource URLs                     Resource Names   Verbs")
        #expect(lines.last == "nodes                                           []                                    []               [list delete]")
        #expect(lines[2] == "selfsubjectaccessreviews.authorization.k8s.io   []                                    []               [create]")
        #expect(lines[4] == "                                                [/.well-known/openid-configuration]   []               [get]")
        #expect(lines.filter { $0.contains("[/healthz]") }.count == 2, "bound twice (discovery, public-info-viewer), listed twice")
        #expect(!lines.contains { $0.hasPrefix("pods") })
    }

    @Test func whoamiNamesTheUserAndGroups() {
        let h = Self.harness()
        #expect(h.run("auth whoami").out == """
            ATTRIBUTE   VALUE
            Username    kubernetes-admin
            Groups      [kubeadm:cluster-admins system:authenticated]

            """)
        #expect(h.run("auth whoami \(Self.sa)").out == """
            ATTRIBUTE   VALUE
            Username    system:serviceaccount:tkr-system:high-availability
            Groups      [system:serviceaccounts system:serviceaccounts:tkr-system system:authenticated]

            """)
        #expect(h.run("auth whoami --as=jane --as-group=devs").out == "ATTRIBUTE   VALUE\nUsername    jane\nGroups      [devs system:authenticated]\n")
        #expect(h.run("auth whoami -o jsonpath={.status.userInfo.username}").out == "kubernetes-admin")
    }

    @Test func otherVerbsActAsTheImpersonatedUser() {
        let h = Self.harness()
        #expect(h.run("get pods --as=system:serviceaccount:default:default") == .init(out: "", err: """
            Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"

            """, code: 1))
        #expect(h.run("get nodes \(Self.sa)").code == 0, "list is granted")
        #expect(h.run("get node k8s-node1 \(Self.sa)").err == """
            Error from server (Forbidden): nodes "k8s-node1" is forbidden: User "system:serviceaccount:tkr-system:high-availability" cannot get resource "nodes" in API group "" at the cluster scope

            """)
        // --ignore-not-found hides NotFound only (the builder's IgnoreErrors(apierrors.IsNotFound)).
        for verb in ["get", "delete"] {
            #expect(h.run("\(verb) pod nope --ignore-not-found --as=system:serviceaccount:default:default") == .init(out: "", err: """
                Error from server (Forbidden): pods "nope" is forbidden: User "system:serviceaccount:default:default" cannot \(verb) resource "pods" in API group "" in the namespace "default"

                """, code: 1), "\(verb)")
        }
        #expect(h.run("create deployment x --image=nginx \(Self.sa)").err == """
            error: failed to create deployment: deployments.apps is forbidden: User "system:serviceaccount:tkr-system:high-availability" cannot create resource "deployments" in API group "apps" in the namespace "default"

            """)
        // A malformed service-account name is impersonated as an ordinary user of that name.
        #expect(h.run("get nodes --as=system:serviceaccount:default").err == """
            Error from server (Forbidden): nodes is forbidden: User "system:serviceaccount:default" cannot list resource "nodes" in API group "" at the cluster scope

            """)
        #expect(h.run("get nodes --as-group=devs") == .init(out: "", err: "error: requesting uid, groups or user-extra for  without impersonating a user\n", code: 1))
        // delete does not read a named object first (delete.go's RequireObject(false)): the DELETE
        // alone is judged, and the ClusterRole grants it without get.
        #expect(h.run("delete node k8s-node2 \(Self.sa)") == .init(out: "node \"k8s-node2\" deleted\n", err: "", code: 0))
        #expect(!h.names("nodes").contains("k8s-node2"))
    }

    @Test func describeClusterRoleAdminListsItsAggregatedRules() {
        let h = Self.harness()
        let text = h.run("describe clusterrole admin -n kube-system").out
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(6)) == [
            "Name:         admin",
            "Labels:       kubernetes.io/bootstrapping=rbac-defaults",
            "Annotations:  rbac.authorization.kubernetes.io/autoupdate: true",
            "PolicyRule:",
            "  Resources                                       Non-Resource URLs  Resource Names  Verbs",
            "  ---------                                       -----------------  --------------  -----",
        ])
        #expect(lines.contains("  configmaps                                      []                 []              [create delete deletecollection patch update get list watch]"))
        #expect(lines.contains("  pods/exec                                       []                 []              [get list watch create delete deletecollection patch update]"))
        #expect(lines.contains("  rolebindings.rbac.authorization.k8s.io          []                 []              [create delete deletecollection get list patch update watch]"))
        #expect(lines.contains("  serviceaccounts                                 []                 []              [impersonate create delete deletecollection patch update get list watch]"))
        #expect(lines.contains("  statefulsets.apps                               []                 []              [create delete deletecollection patch update get list watch]"))
        #expect(lines.contains("  localsubjectaccessreviews.authorization.k8s.io  []                 []              [create]"))
    }
}
