import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl patch` end to end against a sandbox: each patch type, the subresources and every way a patch fails.
@Suite struct PatchCommandTests {
    static func withWeb(replicas: Int = 1) -> CommandHarness {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web", replicas: replicas)])
        h.run("apply -f sts.yaml")
        return h
    }

    @Test func tutorialPartitionPatchAndItsRepeat() {
        let h = Self.withWeb()
        let patch = #"patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'"#
        #expect(h.run(patch) == .init(out: "statefulset.apps/web patched\n", err: "", code: 0))
        #expect(h.run(patch) == .init(out: "statefulset.apps/web patched (no change)\n", err: "", code: 0))
        #expect(h.run("get sts web -o jsonpath={.spec.updateStrategy}").out == #"{"rollingUpdate":{"partition":3},"type":"RollingUpdate"}"#)
    }

    /// The StatefulSet tutorial's OnDelete patch leaves the defaulted rollingUpdate in place, which
    /// the API server refuses, printing the internal struct as Go's %#v does.
    @Test func onDeleteWithRollingUpdateLeftIsRefused() {
        let h = Self.withWeb()
        #expect(h.run(#"patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete"}}}'"#) == .init(
            out: "",
            err: "The StatefulSet \"web\" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: "
                + "apps.RollingUpdateStatefulSetStrategy{Partition:0, MaxUnavailable:(*intstr.IntOrString)(nil)}: "
                + "only allowed for updateStrategy 'RollingUpdate'\n",
            code: 1))
    }

    @Test func tutorialJSONPatchOfTheImage() {
        let h = Self.withWeb()
        let r = h.run(#"patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.24"}]'"#)
        #expect(r == .init(out: "statefulset.apps/web patched\n", err: "", code: 0))
        #expect(h.run("get sts web -o jsonpath={.spec.template.spec.containers[0].image}").out == "registry.k8s.io/nginx-slim:0.24")
    }

    @Test func strategicPatchMergesContainersByName() {
        let h = Self.withWeb()
        h.run(#"patch sts web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"A","value":"1"}]}]}}}}'"#)
        #expect(h.run("get sts web -o jsonpath={.spec.template.spec.containers[0].image}/{.spec.template.spec.containers[0].env[0].name}").out
            == "nginx:1.27/A", "the image stays; env is added to the same container")
    }

    @Test func yamlPatchAndPatchFile() {
        let h = Self.withWeb()
        #expect(h.run(args: ["patch", "sts", "web", "-p", "spec:\n  replicas: 2"]).out == "statefulset.apps/web patched\n")
        h.write("p.yaml", "spec:\n  replicas: 3\n")
        #expect(h.run("patch sts web --patch-file p.yaml --type merge").out == "statefulset.apps/web patched\n")
        #expect(h.run("get sts web -o jsonpath={.spec.replicas}").out == "3")
        #expect(h.run("patch sts web --patch-file nope.yaml") == .init(out: "", err: "error: unable to read patch file: open nope.yaml: no such file or directory\n", code: 1))
    }

    @Test func scaleAndStatusSubresources() {
        let h = Self.withWeb()
        #expect(h.run(#"patch sts web --subresource=scale --type=merge -p '{"spec":{"replicas":2}}'"#).out == "statefulset.apps/web patched\n")
        #expect(h.run("get sts web -o jsonpath={.spec.replicas}").out == "2")
        #expect(h.run(#"patch sts web --subresource=scale --type=merge -p '{"spec":{"replicas":2}}' -o jsonpath={.kind}/{.spec.replicas}"#).out == "Scale/2")
        h.write("cm.yaml", Manifests.configMap("c"))
        h.run("apply -f cm.yaml")
        #expect(h.run(#"patch cm c --subresource=scale -p '{"spec":{"replicas":2}}'"#)
            == .init(out: "", err: "Error from server (NotFound): the server could not find the requested resource\n", code: 1))
        #expect(h.run(#"patch sts web --subresource=status --type=merge -p '{"status":{"availableReplicas":7},"spec":{"replicas":9}}'"#).code == 0)
        #expect(h.run("get sts web -o jsonpath={.spec.replicas}").out == "2", "the status subresource takes status only")
    }

    @Test func clientDryRunChangesNothing() {
        let h = Self.withWeb()
        #expect(h.run(#"patch sts web -p '{"spec":{"replicas":5}}' --dry-run=client"#).out == "statefulset.apps/web patched (dry run)\n")
        #expect(h.run(#"patch sts web -p '{"spec":{"replicas":5}}' --dry-run=server"#).out == "statefulset.apps/web patched (server dry run)\n")
        #expect(h.run("get sts web -o jsonpath={.spec.replicas}").out == "1")
    }

    @Test func unknownFieldsAreDroppedWithWarnings() {
        let h = Self.withWeb()
        #expect(h.run(#"patch sts web -p '{"spec":{"foo":1}}'"#)
            == .init(out: "statefulset.apps/web patched (no change)\n", err: "Warning: unknown field \"spec.foo\"\n", code: 0))
    }

    @Test(arguments: [
        (#"patch statefulset web -p '{"spec":'"#, "Error from server (BadRequest): unexpected end of JSON input\n"),
        (#"patch statefulset web -p '{spec: 1}'"#, "Error from server (BadRequest): invalid character 's' looking for beginning of object key string\n"),
        (#"patch statefulset web --type=merge -p '{"spec":'"#, "Error from server (BadRequest): Invalid JSON Patch\n"),
        ("patch statefulset web -p 'a: [1'", "error: unable to parse \"a: [1\": yaml: line 1: did not find expected ',' or ']'\n"),
        (#"patch statefulset web --type json -p '{"a":1}'"#, "Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n"),
        (#"patch statefulset web --type=json -p='[{"op": "replace", "path": "/spec/template/spec/nope/0/image", "value":"x"}]'"#,
         "The request is invalid: the server rejected our request due to an error in our request\n"),
        (#"patch statefulset web -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'"#,
         "Error from server (InternalError): Internal error occurred: map: map[image:x] does not contain declared merge key: name\n"),
        (#"patch statefulset web -p '{"spec":{"replicas":-1}}'"#,
         "The StatefulSet \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n"),
        (#"patch statefulset nope -p '{}'"#, "Error from server (NotFound): statefulsets.apps \"nope\" not found\n"),
        (#"patch sts web --type=bogus -p '{}'"#, "error: --type must be one of [json merge strategic], not \"bogus\"\n"),
        ("patch sts web", "error: must specify --patch or --patch-file containing the contents of the patch\n"),
        ("patch sts web -p x --patch-file y", "error: cannot specify --patch and --patch-file together\n"),
        (#"patch sts -p '{}'"#, "error: resource(s) were provided, but no name was specified\n"),
        (#"patch sts web --dry-run=client --type=json -p '[{"op":"remove","path":"/spec/nope"}]'"#,
         "error: remove operation does not apply: doc is missing path: /spec/nope: missing value\n"),
    ])
    func badPatches(line: String, err: String) {
        let h = Self.withWeb()
        let before = h.run("get sts web -o json").out
        #expect(h.run(line) == .init(out: "", err: err, code: 1))
        #expect(h.run("get sts web -o json").out == before, "nothing changed")
        #expect(h.run("get sts web -o name").out == "statefulset.apps/web\n", "the session goes on")
    }
}
