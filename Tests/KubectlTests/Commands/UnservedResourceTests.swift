import KubeAPI
import Testing
@testable import Kubectl

/// Types a real v1.32 cluster serves and kubelab does not are named as not simulated, never as
/// types the server lacks; names no cluster has keep the server's own error.
@Suite struct UnservedResourceTests {
    @Test(arguments: [
        ("get ingress", "ingresses.networking.k8s.io", "Ingress"),
        ("get ing", "ingresses.networking.k8s.io", "Ingress"),
        ("get ingresses.networking.k8s.io", "ingresses.networking.k8s.io", "Ingress"),
        ("get Ingress", "ingresses.networking.k8s.io", "Ingress"),
        ("describe hpa web", "horizontalpodautoscalers.autoscaling", "HorizontalPodAutoscaler"),
        ("delete netpol deny", "networkpolicies.networking.k8s.io", "NetworkPolicy"),
        ("get crd", "customresourcedefinitions.apiextensions.k8s.io", "CustomResourceDefinition"),
        ("get csr", "certificatesigningrequests.certificates.k8s.io", "CertificateSigningRequest"),
        ("get pc", "priorityclasses.scheduling.k8s.io", "PriorityClass"),
        ("explain ingress.spec", "ingresses.networking.k8s.io", "Ingress"),
    ])
    func realTypesAreNotSimulated(line: String, qualified: String, kind: String) {
        #expect(CommandHarness().run(line) == .init(out: "", err: "error: kubelab does not simulate \"\(qualified)\" (kind \(kind)) yet\n", code: 1))
    }

    @Test func aManifestOfAnUnservedKindSaysWhichObject() {
        let h = CommandHarness(files: ["ing.yaml": "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec: {}\n"])
        #expect(h.run("apply -f ing.yaml").err
            == "error: kubelab does not simulate \"ingresses.networking.k8s.io\" (kind Ingress) yet: Ingress \"web\" from \"ing.yaml\"\n")
    }

    /// A version no v1.32 server has (extensions/v1beta1 went in 1.22) and a kind nobody serves
    /// keep the RESTMapper's error, as do names that mean no type.
    @Test func whatNoClusterServesKeepsTheServersWords() {
        let h = CommandHarness(files: ["old.yaml": "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n"])
        #expect(h.run("apply -f old.yaml").err == "error: resource mapping not found for name: \"web\" namespace: \"\" from \"old.yaml\": "
            + "no matches for kind \"Ingress\" in version \"extensions/v1beta1\"\nensure CRDs are installed first\n")
        #expect(h.run("get widgets").err == "error: the server doesn't have a resource type \"widgets\"\n")
    }

    /// No name in the list is also a name kubelab serves.
    @Test func theListLeavesOutEveryServedType() {
        for entry in UnservedResources.all {
            #expect(ResourceRegistry.lookup(entry.plural) == nil, "\(entry.plural)")
            for short in entry.shortNames { #expect(ResourceRegistry.lookup(short) == nil, "\(short)") }
        }
    }
}
