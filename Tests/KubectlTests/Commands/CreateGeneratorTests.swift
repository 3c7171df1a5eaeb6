import Foundation
import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl create service|namespace|serviceaccount|rolebinding|clusterrolebinding|configmap|secret ...`
/// with `--dry-run=client`, compared with what the real kubectl v1.32 printed
/// (Golden/kubectl/create/record.py, run in Golden/kubectl/create/files/), and real creation.
@Suite struct CreateGeneratorTests {
    static let cases = RecordedCommandCase.load("create/cases.json")

    /// The recorder's working directory, as kubelab's in-memory one.
    static func harness() -> CommandHarness {
        let h = CommandHarness()
        for name in ["app.env", "bad.crt", "greeting.txt", "kind.jsonpath", "name.tmpl", "tls.crt", "tls.key"] {
            if let text = GoldenFiles.kubectl("create/files/" + name) { h.write(name, text) }
        }
        h.write("blob.bin", bytes: [0xFF, 0xFE, 0x00, 0x01])  // files/blob.bin, which is not UTF-8
        return h
    }

    /// klog lines carry the wall clock and a process id: compare what follows them.
    static func withoutKlogHeader(_ s: String) -> String {
        s.replacingOccurrences(of: #"(?m)^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ "#, with: "E ", options: .regularExpression)
    }

    @Test func casesLoaded() { #expect(Self.cases.count == 100) }

    @Test(arguments: cases)
    func clientDryRunMatchesKubectl(_ c: RecordedCommandCase) {
        let r = Self.harness().run(args: c.args)
        #expect(r.out == c.stdout)
        #expect(Self.withoutKlogHeader(r.err) == Self.withoutKlogHeader(c.stderr))
        #expect(r.code == c.code)
    }

    @Test func createsObjectsTheClusterServes() {
        let h = CommandHarness()
        #expect(h.run("create namespace team") == .init(out: "namespace/team created\n", err: "", code: 0))
        #expect(h.run("create serviceaccount robot -n team") == .init(out: "serviceaccount/robot created\n", err: "", code: 0))
        #expect(h.run("create service clusterip web --tcp=80:8080 -n team") == .init(out: "service/web created\n", err: "", code: 0))
        #expect(h.run("get svc web -n team -o jsonpath={.spec.type}/{.spec.ports[0].targetPort}/{.metadata.labels.app}").out
            == "ClusterIP/8080/web")
        #expect(h.run("create service nodeport np --tcp=80").out == "service/np created\n")
        #expect(h.run("get svc np -o jsonpath={.spec.type}").out == "NodePort")
        #expect(h.run("create rolebinding rb --clusterrole=view --serviceaccount=team:robot -n team").out
            == "rolebinding.rbac.authorization.k8s.io/rb created\n")
        #expect(h.run("create clusterrolebinding crb --clusterrole=view --user=bob").out
            == "clusterrolebinding.rbac.authorization.k8s.io/crb created\n")
        #expect(h.run("create role r --verb=get,list --resource=pods,deployments.apps,pods/log").out
            == "role.rbac.authorization.k8s.io/r created\n")
        #expect(h.run(args: ["get", "role", "r", "-o", "go-template={{range .rules}}[{{index .apiGroups 0}}:{{.resources}}]{{end}}"]).out
            == "[:[pods pods/log]][apps:[deployments]]")
        #expect(h.run("create secret generic s --from-literal=a=b").out == "secret/s created\n")
        #expect(h.run("get secret s -o jsonpath={.type}").out == "Opaque")
        #expect(h.run("create configmap cm --from-literal=a=b -o name").out == "configmap/cm\n")
        #expect(h.run("create namespace team")
            == .init(out: "", err: "Error from server (AlreadyExists): namespaces \"team\" already exists\n", code: 1))
        #expect(h.run("create secret generic s --from-literal=a=b")
            == .init(out: "", err: "error: failed to create secret secrets \"s\" already exists\n", code: 1))
        #expect(h.run("create service clusterip web --tcp=80 -n team")
            == .init(out: "", err: "error: failed to create ClusterIP service: services \"web\" already exists\n", code: 1))
    }

    /// `create pdb` through the API server: the created budget, the generator's wrapping of server
    /// errors, the API server's checks of the counts (from the v1.32 validation source), and selectors
    /// with spaces, which the recorder's space-split command lines cannot carry (those two texts are
    /// what the real kubectl v1.32 printed).
    @Test func podDisruptionBudgetsReachTheCluster() {
        let h = CommandHarness()
        #expect(h.run("create pdb zk-pdb --selector=app=zk --max-unavailable=1")
            == .init(out: "poddisruptionbudget.policy/zk-pdb created\n", err: "", code: 0))
        #expect(h.run("get pdb zk-pdb -o jsonpath={.spec.maxUnavailable}/{.spec.selector.matchLabels.app}").out == "1/zk")
        #expect(h.run("create pdb zk-pdb --selector=app=zk --max-unavailable=1") == .init(
            out: "", err: "error: failed to create poddisruptionbudgets: poddisruptionbudgets.policy \"zk-pdb\" already exists\n", code: 1))
        #expect(h.run("create pdb big --selector=app=zk --min-available=4294967297") == .init(out: "", err: """
            error: failed to create poddisruptionbudgets: PodDisruptionBudget.policy "big" is invalid: spec.minAvailable: Invalid value: \
            intstr.IntOrString{Type:1, IntVal:0, StrVal:"4294967297"}: a valid percent string must be a numeric string followed by \
            an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')

            """, code: 1))
        #expect(h.run("create pdb many --selector=app=zk --min-available=101%").err
            == "error: failed to create poddisruptionbudgets: PodDisruptionBudget.policy \"many\" is invalid: spec.minAvailable: "
            + "Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"101%\"}: must not be greater than 100%\n")
        #expect(h.run(args: ["create", "pdb", "p", "--selector=app in (b,a),env", "--min-available=50%", "--dry-run=client", "-o", "yaml"]).out == """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              creationTimestamp: null
              name: p
            spec:
              minAvailable: 50%
              selector:
                matchExpressions:
                - key: app
                  operator: In
                  values:
                  - a
                  - b
                - key: env
                  operator: Exists
            status:
              currentHealthy: 0
              desiredHealthy: 0
              disruptionsAllowed: 0
              expectedPods: 0

            """)
        #expect(h.run(args: ["create", "pdb", "p", "--selector=a in (b", "--min-available=1"]) == .init(out: "", err: """
            error: couldn't parse the selector string "a in (b": unable to parse requirement: found '', expected: ',' or ')'

            """, code: 1))
        #expect(h.run("get pdb").out == """
            NAME     MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE
            zk-pdb   N/A             1                 0                     0s

            """)
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8))
            == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func roleRulesFollowKubectl() {
        let h = CommandHarness()
        #expect(h.run("create role r --verb=get --verb=get --verb=watch --resource=rs.apps --resource=pods --resource-name=a --dry-run=client -o yaml").out == """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              creationTimestamp: null
              name: r
            rules:
            - apiGroups:
              - ""
              resourceNames:
              - a
              resources:
              - pods
              verbs:
              - get
              - watch
            - apiGroups:
              - apps
              resourceNames:
              - a
              resources:
              - replicasets
              verbs:
              - get
              - watch

            """)
        #expect(h.run("create role r --verb=get --resource=nope --dry-run=client -o yaml")
            == .init(out: "", err: "error: the server doesn't have a resource type \"nope\"\n", code: 1))
        #expect(h.run("create clusterrole c --verb=get --non-resource-url=/logs/* --dry-run=client -o json").out == """
            {
                "kind": "ClusterRole",
                "apiVersion": "rbac.authorization.k8s.io/v1",
                "metadata": {
                    "name": "c",
                    "creationTimestamp": null
                },
                "rules": [
                    {
                        "verbs": [
                            "get"
                        ],
                        "nonResourceURLs": [
                            "/logs/*"
                        ]
                    }
                ]
            }

            """)
    }
}

extension CreateGeneratorTests {
    /// An invalid object from a generator: the server's Status message after the generator's prefix.
    @Test func invalidObjectsReportTheServersStatusMessage() {
        let r = CommandHarness().run("create deployment Web --image=nginx")
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("error: failed to create deployment: Deployment.apps \"Web\" is invalid: metadata.name: Invalid value: \"Web\""))
    }
}
