/// The roles and bindings a v1.32 kubeadm cluster starts with, as data: kube-apiserver's bootstrap
/// policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy: policy.go, controller_policy.go,
/// namespace_policy.go and their testdata) with the feature-gated roles left out, plus the objects
/// `kubeadm init` adds (the `kubeadm:*` roles and bindings and CoreDNS's `system:coredns`).
/// `BootstrapPolicyObjects` turns it into API objects; nothing here is code from upstream.
enum BootstrapPolicy {
    struct Rule {
        var verbs: [String]
        var groups: [String] = []
        var resources: [String] = []
        var names: [String] = []
        var urls: [String] = []
    }

    enum Subject {
        case user(String), group(String), serviceAccount(namespace: String, name: String)
    }

    struct Role {
        var name: String
        var rules: [Rule]
        /// The `aggregate-to-*` label this role carries (its rules are merged into that role).
        var aggregatesInto: String? = nil
        /// For an aggregated role: the `aggregate-to-*` label whose roles it collects.
        var aggregatesFrom: String? = nil
        /// kube-apiserver's own roles carry `kubernetes.io/bootstrapping: rbac-defaults` and the
        /// autoupdate annotation; kubeadm's do not.
        var apiServerDefault = true
    }

    struct Binding {
        var name: String
        var role: String
        var roleKind = "ClusterRole"
        var subjects: [Subject]
        var apiServerDefault = true
    }

    // MARK: Rule shorthands

    static let core = [""], apps = ["apps"], batch = ["batch"], storage = ["storage.k8s.io"]
    static let read = "get list watch", write = "create delete deletecollection patch update"

    /// `verbs` and `resources` are space-separated lists.
    static func rule(_ verbs: String, _ groups: [String], _ resources: String, names: [String] = []) -> Rule {
        Rule(verbs: words(verbs), groups: groups, resources: words(resources), names: names)
    }

    static func urls(_ verbs: String, _ urls: String) -> Rule { Rule(verbs: words(verbs), urls: words(urls)) }

    static func words(_ s: String) -> [String] { s.split(separator: " ").map(String.init) }

    /// The rule almost every controller has: writing events in both event groups.
    static let events = rule("create patch update", ["", "events.k8s.io"], "events")

    static let aggregateToAdmin = "rbac.authorization.k8s.io/aggregate-to-admin"
    static let aggregateToEdit = "rbac.authorization.k8s.io/aggregate-to-edit"
    static let aggregateToView = "rbac.authorization.k8s.io/aggregate-to-view"

    // MARK: Cluster roles

    static let clusterRoles: [Role] = apiServerRoles + controllerRoles + kubeadmRoles

    static let apiServerRoles: [Role] = [
        Role(name: "cluster-admin", rules: [rule("*", ["*"], "*"), urls("*", "*")]),
        Role(name: "admin", rules: [], aggregatesFrom: aggregateToAdmin),
        Role(name: "edit", rules: [], aggregatesInto: aggregateToAdmin, aggregatesFrom: aggregateToEdit),
        Role(name: "view", rules: [], aggregatesInto: aggregateToEdit, aggregatesFrom: aggregateToView),
        Role(name: "system:aggregate-to-admin", rules: [
            rule("create", ["authorization.k8s.io"], "localsubjectaccessreviews"),
            rule("create delete deletecollection get list patch update watch", ["rbac.authorization.k8s.io"], "rolebindings roles"),
        ], aggregatesInto: aggregateToAdmin),
        Role(name: "system:aggregate-to-edit", rules: [
            rule(read, core, "pods/attach pods/exec pods/portforward pods/proxy secrets services/proxy"),
            rule("impersonate", core, "serviceaccounts"),
            rule(write, core, "pods pods/attach pods/exec pods/portforward pods/proxy"),
            rule("create", core, "pods/eviction"),
            rule(write, core, "configmaps events persistentvolumeclaims replicationcontrollers replicationcontrollers/scale secrets serviceaccounts services services/proxy"),
            rule("create", core, "serviceaccounts/token"),
            rule(write, apps, "daemonsets deployments deployments/rollback deployments/scale replicasets replicasets/scale statefulsets statefulsets/scale"),
            rule(write, ["autoscaling"], "horizontalpodautoscalers"),
            rule(write, batch, "cronjobs jobs"),
            rule(write, ["extensions"], "daemonsets deployments deployments/rollback deployments/scale ingresses networkpolicies replicasets replicasets/scale replicationcontrollers/scale"),
            rule(write, ["policy"], "poddisruptionbudgets"),
            rule(write, ["networking.k8s.io"], "ingresses networkpolicies"),
            rule("create delete deletecollection get list patch update watch", ["coordination.k8s.io"], "leases"),
        ], aggregatesInto: aggregateToEdit),
        Role(name: "system:aggregate-to-view", rules: [
            rule(read, core, "configmaps endpoints persistentvolumeclaims persistentvolumeclaims/status pods replicationcontrollers replicationcontrollers/scale serviceaccounts services services/status"),
            rule(read, core, "bindings events limitranges namespaces/status pods/log pods/status replicationcontrollers/status resourcequotas resourcequotas/status"),
            rule(read, core, "namespaces"),
            rule(read, ["discovery.k8s.io"], "endpointslices"),
            rule(read, apps, "controllerrevisions daemonsets daemonsets/status deployments deployments/scale deployments/status replicasets replicasets/scale replicasets/status statefulsets statefulsets/scale statefulsets/status"),
            rule(read, ["autoscaling"], "horizontalpodautoscalers horizontalpodautoscalers/status"),
            rule(read, batch, "cronjobs cronjobs/status jobs jobs/status"),
            rule(read, ["extensions"], "daemonsets daemonsets/status deployments deployments/scale deployments/status ingresses ingresses/status networkpolicies replicasets replicasets/scale replicasets/status replicationcontrollers/scale"),
            rule(read, ["policy"], "poddisruptionbudgets poddisruptionbudgets/status"),
            rule(read, ["networking.k8s.io"], "ingresses ingresses/status networkpolicies"),
        ], aggregatesInto: aggregateToView),
        Role(name: "system:auth-delegator", rules: [
            rule("create", ["authentication.k8s.io"], "tokenreviews"),
            rule("create", ["authorization.k8s.io"], "subjectaccessreviews"),
        ]),
        Role(name: "system:basic-user", rules: [
            rule("create", ["authorization.k8s.io"], "selfsubjectaccessreviews selfsubjectrulesreviews"),
            rule("create", ["authentication.k8s.io"], "selfsubjectreviews"),
        ]),
        Role(name: "system:certificates.k8s.io:certificatesigningrequests:nodeclient", rules: [
            rule("create", ["certificates.k8s.io"], "certificatesigningrequests/nodeclient"),
        ]),
        Role(name: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", rules: [
            rule("create", ["certificates.k8s.io"], "certificatesigningrequests/selfnodeclient"),
        ]),
        Role(name: "system:certificates.k8s.io:kube-apiserver-client-approver", rules: [
            rule("approve", ["certificates.k8s.io"], "signers", names: ["kubernetes.io/kube-apiserver-client"]),
        ]),
        Role(name: "system:certificates.k8s.io:kube-apiserver-client-kubelet-approver", rules: [
            rule("approve", ["certificates.k8s.io"], "signers", names: ["kubernetes.io/kube-apiserver-client-kubelet"]),
        ]),
        Role(name: "system:certificates.k8s.io:kubelet-serving-approver", rules: [
            rule("approve", ["certificates.k8s.io"], "signers", names: ["kubernetes.io/kubelet-serving"]),
        ]),
        Role(name: "system:certificates.k8s.io:legacy-unknown-approver", rules: [
            rule("approve", ["certificates.k8s.io"], "signers", names: ["kubernetes.io/legacy-unknown"]),
        ]),
        Role(name: "system:discovery", rules: [
            urls("get", "/api /api/* /apis /apis/* /healthz /livez /openapi /openapi/* /readyz /version /version/"),
        ]),
        Role(name: "system:heapster", rules: [
            rule(read, core, "events namespaces nodes pods"),
            rule(read, ["extensions"], "deployments"),
        ]),
        Role(name: "system:kube-aggregator", rules: [rule(read, core, "endpoints services")]),
        Role(name: "system:kube-controller-manager", rules: [
            events,
            rule("create", ["coordination.k8s.io"], "leases"),
            rule("get update", ["coordination.k8s.io"], "leases", names: ["kube-controller-manager"]),
            rule("create", core, "secrets serviceaccounts"),
            rule("delete", core, "secrets"),
            rule("get", core, "configmaps namespaces secrets serviceaccounts"),
            rule("update", core, "secrets serviceaccounts"),
            rule("create", ["authentication.k8s.io"], "tokenreviews"),
            rule("create", ["authorization.k8s.io"], "subjectaccessreviews"),
            rule("list watch", ["*"], "*"),
            rule("create", core, "serviceaccounts/token"),
        ]),
        Role(name: "system:kube-dns", rules: [rule("list watch", core, "endpoints services")]),
        Role(name: "system:kube-scheduler", rules: [
            events,
            rule("create", ["coordination.k8s.io"], "leases"),
            rule("get update", ["coordination.k8s.io"], "leases", names: ["kube-scheduler"]),
            rule(read, core, "nodes"),
            rule("delete get list watch", core, "pods"),
            rule("create", core, "bindings pods/binding"),
            rule("patch update", core, "pods/status"),
            rule(read, core, "replicationcontrollers services"),
            rule(read, ["apps", "extensions"], "replicasets"),
            rule(read, apps, "statefulsets"),
            rule(read, ["policy"], "poddisruptionbudgets"),
            rule(read, core, "persistentvolumeclaims persistentvolumes"),
            rule("create", ["authentication.k8s.io"], "tokenreviews"),
            rule("create", ["authorization.k8s.io"], "subjectaccessreviews"),
            rule(read, storage, "csinodes"),
            rule(read, core, "namespaces"),
            rule(read, storage, "csidrivers"),
            rule(read, storage, "csistoragecapacities"),
        ]),
        Role(name: "system:kubelet-api-admin", rules: [
            rule(read, core, "nodes"),
            rule("proxy", core, "nodes"),
            rule("*", core, "nodes/log nodes/metrics nodes/proxy nodes/stats"),
        ]),
        Role(name: "system:monitoring", rules: [
            urls("get", "/healthz /healthz/* /livez /livez/* /metrics /metrics/slis /readyz /readyz/*"),
        ]),
        Role(name: "system:node", rules: [
            rule("create", ["authentication.k8s.io"], "tokenreviews"),
            rule("create", ["authorization.k8s.io"], "localsubjectaccessreviews subjectaccessreviews"),
            rule(read, core, "services"),
            rule("create get list watch", core, "nodes"),
            rule("patch update", core, "nodes/status"),
            rule("patch update", core, "nodes"),
            rule("create patch update", core, "events"),
            rule(read, core, "pods"),
            rule("create delete", core, "pods"),
            rule("patch update", core, "pods/status"),
            rule("create", core, "pods/eviction"),
            rule(read, core, "configmaps secrets"),
            rule("get", core, "persistentvolumeclaims persistentvolumes"),
            rule("get", core, "endpoints"),
            rule("create get list watch", ["certificates.k8s.io"], "certificatesigningrequests"),
            rule("create delete get patch update", ["coordination.k8s.io"], "leases"),
            rule("get", storage, "volumeattachments"),
            rule("create", core, "serviceaccounts/token"),
            rule("get patch update", core, "persistentvolumeclaims/status"),
            rule(read, storage, "csidrivers"),
            rule("create delete get patch update", storage, "csinodes"),
            rule(read, ["node.k8s.io"], "runtimeclasses"),
        ]),
        Role(name: "system:node-bootstrapper", rules: [
            rule("create get list watch", ["certificates.k8s.io"], "certificatesigningrequests"),
        ]),
        Role(name: "system:node-problem-detector", rules: [
            rule("get", core, "nodes"), rule("patch", core, "nodes/status"), events,
        ]),
        Role(name: "system:node-proxier", rules: [
            rule("list watch", core, "endpoints services"), rule(read, core, "nodes"), events,
            rule("list watch", ["discovery.k8s.io"], "endpointslices"),
        ]),
        Role(name: "system:persistent-volume-provisioner", rules: [
            rule("create delete get list watch", core, "persistentvolumes"),
            rule("get list update watch", core, "persistentvolumeclaims"),
            rule(read, storage, "storageclasses"),
            rule("watch", core, "events"),
            events,
        ]),
        Role(name: "system:public-info-viewer", rules: [urls("get", "/healthz /livez /readyz /version /version/")]),
        Role(name: "system:service-account-issuer-discovery", rules: [
            urls("get", "/.well-known/openid-configuration /openid/v1/jwks"),
        ]),
        Role(name: "system:volume-scheduler", rules: [
            rule("get list patch update watch", core, "persistentvolumes"),
            rule(read, storage, "storageclasses"),
            rule("get list patch update watch", core, "persistentvolumeclaims"),
        ]),
    ]

    /// `system:controller:NAME` for each controller kube-controller-manager runs with its own
    /// service account (`--use-service-account-credentials`, as kubeadm sets it).
    static let controllerRoles: [Role] = controllers.map { Role(name: "system:controller:" + $0.name, rules: $0.rules) }

    static let controllers: [(name: String, rules: [Rule])] = [
        ("attachdetach-controller", [
            rule("list watch", core, "persistentvolumeclaims persistentvolumes"), rule(read, core, "nodes"),
            rule("patch update", core, "nodes/status"), rule("list watch", core, "pods"), events,
            rule("create delete get list watch", storage, "volumeattachments"), rule(read, storage, "csidrivers"),
            rule(read, storage, "csinodes"),
        ]),
        ("certificate-controller", [
            rule("delete get list watch", ["certificates.k8s.io"], "certificatesigningrequests"),
            rule("update", ["certificates.k8s.io"], "certificatesigningrequests/approval certificatesigningrequests/status"),
            rule("approve", ["certificates.k8s.io"], "signers", names: ["kubernetes.io/kube-apiserver-client-kubelet"]),
            rule("sign", ["certificates.k8s.io"], "signers", names: ["kubernetes.io/kube-apiserver-client", "kubernetes.io/kube-apiserver-client-kubelet",
                                                                       "kubernetes.io/kubelet-serving", "kubernetes.io/legacy-unknown"]),
            rule("create", ["authorization.k8s.io"], "subjectaccessreviews"), events,
        ]),
        ("clusterrole-aggregation-controller", [
            rule("escalate get list patch update watch", ["rbac.authorization.k8s.io"], "clusterroles"),
        ]),
        ("cronjob-controller", [
            rule("get list update watch", batch, "cronjobs"), rule("create delete get list patch update watch", batch, "jobs"),
            rule("update", batch, "cronjobs/status"), rule("update", batch, "cronjobs/finalizers"),
            rule("delete list watch", core, "pods"), events,
        ]),
        ("daemon-set-controller", [
            rule(read, ["apps", "extensions"], "daemonsets"), rule("update", ["apps", "extensions"], "daemonsets/status"),
            rule("update", ["apps", "extensions"], "daemonsets/finalizers"), rule("list watch", core, "nodes"),
            rule("create delete list patch watch", core, "pods"), rule("create", core, "pods/binding"),
            rule("create delete get list patch update watch", apps, "controllerrevisions"), events,
        ]),
        ("deployment-controller", [
            rule("get list update watch", ["apps", "extensions"], "deployments"),
            rule("update", ["apps", "extensions"], "deployments/status"), rule("update", ["apps", "extensions"], "deployments/finalizers"),
            rule("create delete get list patch update watch", ["apps", "extensions"], "replicasets"),
            rule("get list update watch", core, "pods"), events,
        ]),
        ("disruption-controller", [
            rule(read, ["apps", "extensions"], "deployments"), rule(read, ["apps", "extensions"], "replicasets"),
            rule(read, core, "replicationcontrollers"), rule(read, ["policy"], "poddisruptionbudgets"), rule(read, apps, "statefulsets"),
            rule("update", ["policy"], "poddisruptionbudgets/status"), rule("patch update", core, "pods/status"),
            rule("get", ["*"], "*/scale"), events,
        ]),
        ("endpoint-controller", [
            rule(read, core, "pods services"), rule("create delete get list update watch", core, "endpoints"),
            rule("create", core, "endpoints/restricted"), events,
        ]),
        ("endpointslice-controller", [
            rule(read, core, "nodes pods services"), rule("update", core, "services/finalizers"),
            rule("create delete get list update watch", ["discovery.k8s.io"], "endpointslices"), events,
        ]),
        ("endpointslicemirroring-controller", [
            rule(read, core, "endpoints services"), rule("update", core, "services/finalizers"), rule("update", core, "endpoints/finalizers"),
            rule("create delete get list update watch", ["discovery.k8s.io"], "endpointslices"), events,
        ]),
        ("ephemeral-volume-controller", [
            rule(read, core, "pods"), rule("update", core, "pods/finalizers"),
            rule("create get list watch", core, "persistentvolumeclaims"), events,
        ]),
        ("expand-controller", [
            rule("get list patch update watch", core, "persistentvolumes"), rule("patch update", core, "persistentvolumeclaims/status"),
            rule(read, core, "persistentvolumeclaims"), events,
        ]),
        ("generic-garbage-collector", [rule("delete get list patch update watch", ["*"], "*"), events]),
        ("horizontal-pod-autoscaler", [
            rule(read, ["autoscaling"], "horizontalpodautoscalers"), rule("update", ["autoscaling"], "horizontalpodautoscalers/status"),
            rule("get update", ["*"], "*/scale"), rule("list watch", core, "pods"), rule("list watch", ["metrics.k8s.io"], "pods"),
            rule(read, ["custom.metrics.k8s.io"], "*"), rule(read, ["external.metrics.k8s.io"], "*"), events,
        ]),
        ("job-controller", [
            rule("get list patch update watch", batch, "jobs"), rule("update", batch, "jobs/status"), rule("update", batch, "jobs/finalizers"),
            rule("create delete list patch watch", core, "pods"), events,
        ]),
        ("legacy-service-account-token-cleaner", [
            rule("get", core, "configmaps", names: ["kube-apiserver-legacy-service-account-token-tracking"]),
            rule("delete patch", core, "secrets"),
        ]),
        ("namespace-controller", [
            rule("delete get list watch", core, "namespaces"), rule("update", core, "namespaces/finalize namespaces/status"),
            rule("delete deletecollection get list watch", ["*"], "*"),
        ]),
        ("node-controller", [
            rule("delete get list patch update watch", core, "nodes"), rule("patch update", core, "nodes/status"),
            rule("patch update", core, "pods/status"), rule("delete get list watch", core, "pods"), events,
        ]),
        ("persistent-volume-binder", [
            rule("create delete get list update watch", core, "persistentvolumes"), rule("update", core, "persistentvolumes/status"),
            rule("get list update watch", core, "persistentvolumeclaims"), rule("update", core, "persistentvolumeclaims/status"),
            rule("create delete get list watch", core, "pods"), rule(read, storage, "storageclasses"),
            rule("list watch", core, "nodes"), events, rule("watch", core, "events"),
        ]),
        ("pod-garbage-collector", [
            rule("delete list watch", core, "pods"), rule(read, core, "nodes"), rule("patch", core, "pods/status"),
        ]),
        ("pv-protection-controller", [rule("get list update watch", core, "persistentvolumes"), events]),
        ("pvc-protection-controller", [
            rule("get list update watch", core, "persistentvolumeclaims"), rule("update", core, "persistentvolumeclaims/status"),
            rule(read, core, "pods"), events,
        ]),
        ("replicaset-controller", [
            rule("get list update watch", ["apps", "extensions"], "replicasets"),
            rule("update", ["apps", "extensions"], "replicasets/status"), rule("update", ["apps", "extensions"], "replicasets/finalizers"),
            rule("create delete list patch watch", core, "pods"), events,
        ]),
        ("replication-controller", [
            rule("get list update watch", core, "replicationcontrollers"), rule("update", core, "replicationcontrollers/status"),
            rule("update", core, "replicationcontrollers/finalizers"), rule("create delete list patch watch", core, "pods"), events,
        ]),
        ("resourcequota-controller", [rule("list watch", ["*"], "*"), rule("update", core, "resourcequotas/status"), events]),
        ("root-ca-cert-publisher", [rule("create update", core, "configmaps"), events]),
        ("route-controller", [rule("list watch", core, "nodes"), rule("patch", core, "nodes/status"), events]),
        ("service-account-controller", [rule("create", core, "serviceaccounts"), events]),
        ("service-controller", [
            rule(read, core, "services"), rule("patch update", core, "services/status"), rule("list watch", core, "nodes"), events,
        ]),
        ("statefulset-controller", [
            rule("list watch", core, "pods"), rule(read, apps, "statefulsets"), rule("update", apps, "statefulsets/status"),
            rule("update", apps, "statefulsets/finalizers"), rule("create delete get patch update", core, "pods"),
            rule("create delete get list patch update watch", apps, "controllerrevisions"),
            rule("create get list watch", core, "persistentvolumeclaims"), rule("delete update", core, "persistentvolumeclaims"),
            rule("update", core, "pods/finalizers"), events,
        ]),
        ("ttl-after-finished-controller", [rule("delete get list watch", batch, "jobs"), events]),
        ("ttl-controller", [rule("list patch update watch", core, "nodes"), events]),
        ("validatingadmissionpolicy-status-controller", [
            rule(read, ["admissionregistration.k8s.io"], "validatingadmissionpolicies"),
            rule("get patch update", ["admissionregistration.k8s.io"], "validatingadmissionpolicies/status"), events,
        ]),
    ]

    static let kubeadmRoles: [Role] = [
        Role(name: "kubeadm:get-nodes", rules: [rule("get", core, "nodes")], apiServerDefault: false),
        Role(name: "system:coredns", rules: [
            rule("list watch", core, "endpoints services pods namespaces"),
            rule("list watch", ["discovery.k8s.io"], "endpointslices"),
        ], apiServerDefault: false),
    ]

    // MARK: Cluster role bindings

    static let kubeadmBootstrapToken = "system:bootstrappers:kubeadm:default-node-token"

    static let clusterRoleBindings: [Binding] = [
        Binding(name: "cluster-admin", role: "cluster-admin", subjects: [.group("system:masters")]),
        Binding(name: "system:monitoring", role: "system:monitoring", subjects: [.group("system:monitoring")]),
        Binding(name: "system:discovery", role: "system:discovery", subjects: [.group("system:authenticated")]),
        Binding(name: "system:basic-user", role: "system:basic-user", subjects: [.group("system:authenticated")]),
        Binding(name: "system:public-info-viewer", role: "system:public-info-viewer",
                subjects: [.group("system:authenticated"), .group("system:unauthenticated")]),
        Binding(name: "system:node-proxier", role: "system:node-proxier", subjects: [.user("system:kube-proxy")]),
        Binding(name: "system:kube-controller-manager", role: "system:kube-controller-manager",
                subjects: [.user("system:kube-controller-manager")]),
        Binding(name: "system:kube-dns", role: "system:kube-dns", subjects: [.serviceAccount(namespace: "kube-system", name: "kube-dns")]),
        Binding(name: "system:kube-scheduler", role: "system:kube-scheduler", subjects: [.user("system:kube-scheduler")]),
        Binding(name: "system:volume-scheduler", role: "system:volume-scheduler", subjects: [.user("system:kube-scheduler")]),
        // Kept with no subjects: the Node authorizer grants kubelets their access.
        Binding(name: "system:node", role: "system:node", subjects: []),
        Binding(name: "system:service-account-issuer-discovery", role: "system:service-account-issuer-discovery",
                subjects: [.group("system:serviceaccounts")]),
    ] + controllers.map {
        Binding(name: "system:controller:" + $0.name, role: "system:controller:" + $0.name,
                subjects: [.serviceAccount(namespace: "kube-system", name: $0.name)])
    } + [
        Binding(name: "kubeadm:cluster-admins", role: "cluster-admin", subjects: [.group("kubeadm:cluster-admins")], apiServerDefault: false),
        Binding(name: "kubeadm:get-nodes", role: "kubeadm:get-nodes", subjects: [.group(kubeadmBootstrapToken)], apiServerDefault: false),
        Binding(name: "kubeadm:kubelet-bootstrap", role: "system:node-bootstrapper", subjects: [.group(kubeadmBootstrapToken)],
                apiServerDefault: false),
        Binding(name: "kubeadm:node-autoapprove-bootstrap", role: "system:certificates.k8s.io:certificatesigningrequests:nodeclient",
                subjects: [.group(kubeadmBootstrapToken)], apiServerDefault: false),
        Binding(name: "kubeadm:node-autoapprove-certificate-rotation",
                role: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", subjects: [.group("system:nodes")],
                apiServerDefault: false),
        Binding(name: "kubeadm:node-proxier", role: "system:node-proxier",
                subjects: [.serviceAccount(namespace: "kube-system", name: "kube-proxy")], apiServerDefault: false),
        Binding(name: "system:coredns", role: "system:coredns", subjects: [.serviceAccount(namespace: "kube-system", name: "coredns")],
                apiServerDefault: false),
    ]

    // MARK: Namespaced roles and bindings

    static let namespaceRoles: [(namespace: String, role: Role)] = [
        ("kube-system", Role(name: "extension-apiserver-authentication-reader", rules: [
            rule(read, core, "configmaps", names: ["extension-apiserver-authentication"]),
        ])),
        ("kube-system", Role(name: "system::leader-locking-kube-controller-manager", rules: [
            rule("watch", core, "configmaps"), rule("get update", core, "configmaps", names: ["kube-controller-manager"]),
        ])),
        ("kube-system", Role(name: "system::leader-locking-kube-scheduler", rules: [
            rule("watch", core, "configmaps"), rule("get update", core, "configmaps", names: ["kube-scheduler"]),
        ])),
        ("kube-system", Role(name: "system:controller:bootstrap-signer", rules: [rule(read, core, "secrets")])),
        ("kube-system", Role(name: "system:controller:cloud-provider", rules: [rule("create get list watch", core, "configmaps")])),
        ("kube-system", Role(name: "system:controller:token-cleaner", rules: [rule("delete get list watch", core, "secrets"), events])),
        ("kube-system", Role(name: "kube-proxy", rules: [rule("get", core, "configmaps", names: ["kube-proxy"])], apiServerDefault: false)),
        ("kube-system", Role(name: "kubeadm:kubelet-config", rules: [rule("get", core, "configmaps", names: ["kubelet-config"])],
                             apiServerDefault: false)),
        ("kube-system", Role(name: "kubeadm:nodes-kubeadm-config", rules: [rule("get", core, "configmaps", names: ["kubeadm-config"])],
                             apiServerDefault: false)),
        ("kube-public", Role(name: "system:controller:bootstrap-signer", rules: [
            rule(read, core, "configmaps"), rule("update", core, "configmaps", names: ["cluster-info"]), events,
        ])),
        ("kube-public", Role(name: "kubeadm:bootstrap-signer-clusterinfo", rules: [rule("get", core, "configmaps", names: ["cluster-info"])],
                             apiServerDefault: false)),
    ]

    static let namespaceRoleBindings: [(namespace: String, binding: Binding)] = [
        ("kube-system", Binding(name: "system::extension-apiserver-authentication-reader", role: "extension-apiserver-authentication-reader",
                                roleKind: "Role", subjects: [.user("system:kube-controller-manager"), .user("system:kube-scheduler")])),
        ("kube-system", Binding(name: "system::leader-locking-kube-controller-manager", role: "system::leader-locking-kube-controller-manager",
                                roleKind: "Role", subjects: [.user("system:kube-controller-manager"),
                                                             .serviceAccount(namespace: "kube-system", name: "kube-controller-manager")])),
        ("kube-system", Binding(name: "system::leader-locking-kube-scheduler", role: "system::leader-locking-kube-scheduler",
                                roleKind: "Role", subjects: [.user("system:kube-scheduler"),
                                                             .serviceAccount(namespace: "kube-system", name: "kube-scheduler")])),
        ("kube-system", Binding(name: "system:controller:bootstrap-signer", role: "system:controller:bootstrap-signer", roleKind: "Role",
                                subjects: [.serviceAccount(namespace: "kube-system", name: "bootstrap-signer")])),
        ("kube-system", Binding(name: "system:controller:cloud-provider", role: "system:controller:cloud-provider", roleKind: "Role",
                                subjects: [.serviceAccount(namespace: "kube-system", name: "cloud-provider")])),
        ("kube-system", Binding(name: "system:controller:token-cleaner", role: "system:controller:token-cleaner", roleKind: "Role",
                                subjects: [.serviceAccount(namespace: "kube-system", name: "token-cleaner")])),
        ("kube-system", Binding(name: "kube-proxy", role: "kube-proxy", roleKind: "Role", subjects: [.group(kubeadmBootstrapToken)],
                                apiServerDefault: false)),
        ("kube-system", Binding(name: "kubeadm:kubelet-config", role: "kubeadm:kubelet-config", roleKind: "Role",
                                subjects: [.group("system:nodes"), .group(kubeadmBootstrapToken)], apiServerDefault: false)),
        ("kube-system", Binding(name: "kubeadm:nodes-kubeadm-config", role: "kubeadm:nodes-kubeadm-config", roleKind: "Role",
                                subjects: [.group(kubeadmBootstrapToken), .group("system:nodes")], apiServerDefault: false)),
        ("kube-public", Binding(name: "system:controller:bootstrap-signer", role: "system:controller:bootstrap-signer", roleKind: "Role",
                                subjects: [.serviceAccount(namespace: "kube-system", name: "bootstrap-signer")])),
        ("kube-public", Binding(name: "kubeadm:bootstrap-signer-clusterinfo", role: "kubeadm:bootstrap-signer-clusterinfo", roleKind: "Role",
                                subjects: [.user("system:anonymous")], apiServerDefault: false)),
    ]
}
