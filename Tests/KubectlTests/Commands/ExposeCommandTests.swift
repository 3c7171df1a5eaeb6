import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl expose`: the Service expose.go's createService builds from the exposed object (its
/// selector, ports, protocols and labels) or from the flags, and kubectl's refusals.
@Suite struct ExposeCommandTests {
    static func harness() -> CommandHarness {
        let h = CommandHarness()
        h.run("create deployment web --image=nginx --replicas=2 --port=80")
        h.run("run single --image=nginx --port=8080")
        h.cluster.advance(by: 20_000)
        return h
    }

    @Test func aClientDryRunPrintsTheGeneratedService() {
        #expect(Self.harness().run("expose deployment web --type=NodePort --dry-run=client -o yaml").out == """
            apiVersion: v1
            kind: Service
            metadata:
              creationTimestamp: null
              labels:
                app: web
              name: web
            spec:
              ports:
              - port: 80
                protocol: TCP
                targetPort: 80
              selector:
                app: web
              type: NodePort
            status:
              loadBalancer: {}

            """)
    }

    @Test func theServiceSelectsTheExposedPods() {
        let h = Self.harness()
        #expect(h.run("expose deployment web") == .init(out: "service/web exposed\n", err: "", code: 0))
        h.cluster.advance(by: 2_000)
        let ips = h.run("get pods -l app=web -o jsonpath={.items[*].status.podIP}").out.split(separator: " ").sorted()
        let endpoints = h.run("get endpoints web -o jsonpath={.subsets[0].addresses[*].ip}").out.split(separator: " ").sorted()
        #expect(endpoints == ips && ips.count == 2)
        #expect(h.run("expose pod single --name=single-svc --target-port=http") == .init(out: "service/single-svc exposed\n", err: "", code: 0))
        #expect(h.run("get svc single-svc -o jsonpath={.spec.ports}|{.spec.selector}").out
            == #"[{"port":8080,"protocol":"TCP","targetPort":"http"}]|{"run":"single"}"#)
        #expect(h.run("expose svc web --port=443 --target-port=8443 --name=web-https --dry-run=server").out == "service/web-https exposed (server dry run)\n")
    }

    @Test(arguments: [
        ("expose deployment web --port=abc --name=x", "error: strconv.Atoi: parsing \"abc\": invalid syntax\n"),
        ("expose deployment web --selector='app in (web)' --name=x", "error: unexpected label spec: app in (web)\n"),
        ("expose deployment web --session-affinity=Sticky --name=x", "error: unknown session affinity: Sticky\n"),
        ("expose deployment web --type=Bogus --name=x",
         "The Service \"x\" is invalid: spec.type: Unsupported value: \"Bogus\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"\n"),
        ("expose deployment missing", "Error from server (NotFound): deployments.apps \"missing\" not found\n"),
        ("expose node k8s-node1", "error: cannot expose a Node\n"),
    ])
    func refusals(_ line: String, _ err: String) {
        #expect(Self.harness().run(line) == .init(out: "", err: err, code: 1))
    }

    @Test func whatCannotBeExposed() {
        let h = Self.harness()
        h.run("create deployment noport --image=nginx")
        #expect(h.run("expose deployment noport").err == "error: couldn't find port via --port flag or introspection\n")
        // An empty --labels would still give run=bare; the override takes the labels away.
        h.run(args: ["run", "bare", "--image=nginx", "--port=80", "--overrides={\"metadata\":{\"labels\":null}}"])
        #expect(h.run("expose pod bare").err
            == "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n")
        h.run("expose deployment web")
        #expect(h.run("expose deployment web").err == "Error from server (AlreadyExists): services \"web\" already exists\n")
        #expect(h.run("expose").err.hasPrefix("error: You must provide one or more resources by argument or filename.\n"))
    }

    /// `kubectl run --expose`: the service (selector run=NAME, or the --labels text) is made and
    /// printed before the pod; it needs --port.
    @Test func runExposeMakesTheServiceFirst() {
        let h = CommandHarness()
        #expect(h.run("run nginx --image=nginx --port=80 --expose") == .init(out: "service/nginx created\npod/nginx created\n", err: "", code: 0))
        #expect(h.run("get svc nginx -o jsonpath={.spec.selector}|{.spec.ports}").out == #"{"run":"nginx"}|[{"port":80,"protocol":"TCP","targetPort":80}]"#)
        #expect(h.run("run x --image=nginx --expose")
            == .init(out: "", err: "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n", code: 1))
        #expect(h.run("run z --image=nginx --port=80 --expose -l app=z --dry-run=client -o yaml").out.hasPrefix(
            "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: z\n  name: z\nspec:\n"))
        #expect(h.run("run z --image=nginx --port=80 --expose -l app=z --dry-run=client -o yaml").out.contains("  loadBalancer: {}\n---\napiVersion: v1\nkind: Pod\n"))
    }
}
