/// The built-in resource types a kubeadm v1.32 cluster serves that kubelab does not.
///
/// Without this list a learner who types `kubectl get ingress` would read "the server doesn't have
/// a resource type", which is false of a real cluster; kubelab says instead that it does not
/// simulate the type. Names resolve as discovery would (plural, singular, short names, with or
/// without the group), and a manifest's kind and apiVersion as the RESTMapper would.
public enum UnservedResources {
    public struct Entry: Sendable, Equatable {
        public let kind: String
        public let plural: String
        public let shortNames: [String]
        public let group: String
        public let version: String

        /// `ingresses.networking.k8s.io`, or the plural alone for the core group.
        public var qualifiedPlural: String { group.isEmpty ? plural : "\(plural).\(group)" }
        public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

        /// What kubelab says in place of serving the type.
        public var notSimulatedMessage: String {
            "kubelab does not simulate \"\(qualifiedPlural)\" (kind \(kind)) yet"
        }
    }

    /// `kubectl api-resources` of a kubeadm v1.32 cluster, less the types kubelab serves.
    public static let all: [Entry] = [
        .init(kind: "MutatingWebhookConfiguration", plural: "mutatingwebhookconfigurations", shortNames: [], group: "admissionregistration.k8s.io", version: "v1"),
        .init(kind: "ValidatingAdmissionPolicy", plural: "validatingadmissionpolicies", shortNames: [], group: "admissionregistration.k8s.io", version: "v1"),
        .init(kind: "ValidatingAdmissionPolicyBinding", plural: "validatingadmissionpolicybindings", shortNames: [], group: "admissionregistration.k8s.io", version: "v1"),
        .init(kind: "ValidatingWebhookConfiguration", plural: "validatingwebhookconfigurations", shortNames: [], group: "admissionregistration.k8s.io", version: "v1"),
        .init(kind: "CustomResourceDefinition", plural: "customresourcedefinitions", shortNames: ["crd", "crds"], group: "apiextensions.k8s.io", version: "v1"),
        .init(kind: "APIService", plural: "apiservices", shortNames: [], group: "apiregistration.k8s.io", version: "v1"),
        .init(kind: "SelfSubjectReview", plural: "selfsubjectreviews", shortNames: [], group: "authentication.k8s.io", version: "v1"),
        .init(kind: "TokenReview", plural: "tokenreviews", shortNames: [], group: "authentication.k8s.io", version: "v1"),
        .init(kind: "LocalSubjectAccessReview", plural: "localsubjectaccessreviews", shortNames: [], group: "authorization.k8s.io", version: "v1"),
        .init(kind: "SelfSubjectAccessReview", plural: "selfsubjectaccessreviews", shortNames: [], group: "authorization.k8s.io", version: "v1"),
        .init(kind: "SelfSubjectRulesReview", plural: "selfsubjectrulesreviews", shortNames: [], group: "authorization.k8s.io", version: "v1"),
        .init(kind: "SubjectAccessReview", plural: "subjectaccessreviews", shortNames: [], group: "authorization.k8s.io", version: "v1"),
        .init(kind: "HorizontalPodAutoscaler", plural: "horizontalpodautoscalers", shortNames: ["hpa"], group: "autoscaling", version: "v2"),
        .init(kind: "CertificateSigningRequest", plural: "certificatesigningrequests", shortNames: ["csr"], group: "certificates.k8s.io", version: "v1"),
        .init(kind: "FlowSchema", plural: "flowschemas", shortNames: [], group: "flowcontrol.apiserver.k8s.io", version: "v1"),
        .init(kind: "PriorityLevelConfiguration", plural: "prioritylevelconfigurations", shortNames: [], group: "flowcontrol.apiserver.k8s.io", version: "v1"),
        .init(kind: "IngressClass", plural: "ingressclasses", shortNames: [], group: "networking.k8s.io", version: "v1"),
        .init(kind: "Ingress", plural: "ingresses", shortNames: ["ing"], group: "networking.k8s.io", version: "v1"),
        .init(kind: "NetworkPolicy", plural: "networkpolicies", shortNames: ["netpol"], group: "networking.k8s.io", version: "v1"),
        .init(kind: "RuntimeClass", plural: "runtimeclasses", shortNames: [], group: "node.k8s.io", version: "v1"),
        .init(kind: "PriorityClass", plural: "priorityclasses", shortNames: ["pc"], group: "scheduling.k8s.io", version: "v1"),
        .init(kind: "CSIDriver", plural: "csidrivers", shortNames: [], group: "storage.k8s.io", version: "v1"),
        .init(kind: "CSINode", plural: "csinodes", shortNames: [], group: "storage.k8s.io", version: "v1"),
        .init(kind: "CSIStorageCapacity", plural: "csistoragecapacities", shortNames: [], group: "storage.k8s.io", version: "v1"),
    ]

    private static let byName: [String: Entry] = {
        var m: [String: Entry] = [:]
        for e in all {
            for n in [e.plural, e.kind.lowercased()] + e.shortNames {
                m[n] = m[n] ?? e
                m["\(n).\(e.group)"] = e
                m["\(n).\(e.version).\(e.group)"] = e
            }
        }
        return m
    }()

    /// The unserved type a typed name means (`ing`, `ingresses.networking.k8s.io`, `Ingress`), if any.
    public static func lookup(_ name: String) -> Entry? { byName[name] ?? byName[name.lowercased()] }

    /// The unserved type of a manifest's kind and apiVersion, if the pair is one.
    public static func forKind(_ kind: String, apiVersion: String) -> Entry? {
        all.first { $0.kind == kind && $0.apiVersion == apiVersion }
    }
}
