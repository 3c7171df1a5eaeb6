import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl replace`: the manifest is the whole new object, sent as a PUT (replace.go, the
/// registry's Update), and `--force` deletes, waits and creates.
@Suite struct ReplaceCommandTests {
    static let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.26\n"

    func harness() -> CommandHarness {
        CommandHarness(files: ["cm.yaml": Manifests.configMap("settings", data: "mode: one"),
                               "cm2.yaml": Manifests.configMap("settings", data: "level: two"),
                               "pod.yaml": Self.pod])
    }

    @Test func aMissingObjectIsNotFoundAndNothingIsCreated() {
        let h = harness()
        #expect(h.run("replace -f cm.yaml") == .init(
            out: "", err: "Error from server (NotFound): error when replacing \"cm.yaml\": configmaps \"settings\" not found\n", code: 1))
        #expect(h.names("configmaps").contains("settings") == false)
    }

    /// Nothing is merged: the key the new manifest leaves out is gone, and the uid stays.
    @Test func theManifestReplacesTheWholeObject() {
        let h = harness()
        h.run("create -f cm.yaml")
        let uid = h.run("get cm settings -o jsonpath={.metadata.uid}").out
        #expect(h.run("replace -f cm2.yaml") == .init(out: "configmap/settings replaced\n", err: "", code: 0))
        #expect(h.run("get cm settings -o jsonpath={.data}").out == #"{"level":"two"}"#)
        #expect(h.run("get cm settings -o jsonpath={.metadata.uid}").out == uid)
    }

    /// rest.BeforeUpdate puts the server's metadata back: a manifest's own creation time and
    /// generation count for nothing.
    @Test func theServersMetadataStaysWhateverTheManifestSays() {
        let h = harness()
        h.run("create -f cm.yaml")
        let created = h.run("get cm settings -o jsonpath={.metadata.creationTimestamp}").out
        h.write("dated.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  creationTimestamp: \"2001-01-01T00:00:00Z\"\n"
            + "  generation: 9\ndata:\n  mode: two\n")
        #expect(h.run("replace -f dated.yaml").code == 0)
        #expect(h.run("get cm settings -o jsonpath={.metadata.creationTimestamp}/{.metadata.generation}/{.data.mode}").out == created + "//two")
    }

    /// A manifest read back with `get -o yaml` carries its resourceVersion, which makes the
    /// replace conditional: after another write it is refused, as optimistic concurrency says.
    @Test func aStaleResourceVersionIsAConflict() {
        let h = harness()
        h.run("create -f cm.yaml")
        let exported = h.run("get cm settings -o yaml").out
        h.run("label cm settings tier=web")
        let r = h.run("replace -f -", stdin: exported)
        #expect(r == .init(out: "", err: "Error from server (Conflict): error when replacing \"STDIN\": Operation cannot be fulfilled on "
            + "configmaps \"settings\": the object has been modified; please apply your changes to the latest version and try again\n", code: 1))
        let fresh = h.run("get cm settings -o yaml").out.replacingOccurrences(of: "mode: one", with: "mode: three")
        #expect(h.run("replace -f -", stdin: fresh).out == "configmap/settings replaced\n")
        #expect(h.run("get cm settings -o jsonpath={.data.mode}").out == "three")
    }

    /// The uid in a manifest is a precondition checked before the resourceVersion: a manifest of
    /// an object that was deleted and made again names the old one.
    @Test func aUIDOfAnotherObjectFailsItsPrecondition() {
        let h = harness()
        h.run("create -f cm.yaml")
        var exported = h.run("get cm settings -o yaml").out
        let old = h.run("get cm settings -o jsonpath={.metadata.uid}").out
        h.run("delete cm settings")
        h.run("create -f cm.yaml")
        let new = h.run("get cm settings -o jsonpath={.metadata.uid}").out
        exported = exported.replacingOccurrences(of: "mode: one", with: "mode: two")
        #expect(h.run("replace -f -", stdin: exported).err == "Error from server (Conflict): error when replacing \"STDIN\": "
            + "Operation cannot be fulfilled on configmaps \"settings\": StorageError: invalid object, Code: 4, Key: "
            + "/registry/configmaps/default/settings, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: "
            + "UID in precondition: \(old), UID in object meta: \(new)\n")
    }

    @Test func aResourceVersionThatIsNoNumberIsRefusedAsTheVersionerParsesIt() {
        let h = harness()
        h.run("create -f cm.yaml")
        h.write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  resourceVersion: \"12a\"\ndata:\n  a: b\n")
        #expect(h.run("replace -f bad.yaml").err
            == "Error from server: error when replacing \"bad.yaml\": strconv.ParseUint: parsing \"12a\": invalid syntax\n")
    }

    /// A pod read back with `get -o yaml` and given a new image replaces in place; a change to a
    /// field a pod may not change is the pod strategy's Forbidden.
    @Test func aRunningPodTakesANewImageOnly() {
        let h = harness()
        h.run("apply -f pod.yaml")
        h.cluster.advance(by: 20_000)
        let exported = h.run("get pod p -o yaml").out
        let newImage = exported.replacingOccurrences(of: "image: nginx:1.26", with: "image: nginx:1.27")
        #expect(h.run("replace -f -", stdin: newImage) == .init(out: "pod/p replaced\n", err: "", code: 0))
        #expect(h.run("get pod p -o jsonpath={.spec.containers[0].image}").out == "nginx:1.27")
        let fresh = h.run("get pod p -o yaml").out
        let newPolicy = fresh.replacingOccurrences(of: "dnsPolicy: ClusterFirst", with: "dnsPolicy: Default")
        let r = h.run("replace -f -", stdin: newPolicy)
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("The Pod \"p\" is invalid: spec: Forbidden: pod updates may not change fields other than"))
    }

    /// `--force` deletes, polls once a second until the pod is gone, and creates it again from
    /// the manifest (whose old uid and resourceVersion the create ignores).
    @Test func forceDeletesWaitsAndCreatesAgain() {
        let h = harness()
        h.run("apply -f pod.yaml")
        h.cluster.advance(by: 20_000)
        let old = h.run("get pod p -o jsonpath={.metadata.uid}").out
        let exported = h.run("get pod p -o yaml").out
        #expect(h.run("replace --force -f -", stdin: exported) == .init(out: "pod \"p\" deleted\npod/p replaced\n", err: "", code: 0))
        let new = h.run("get pod p -o jsonpath={.metadata.uid}").out
        #expect(!new.isEmpty && new != old)
        #expect(h.run("replace --force --grace-period=0 -f pod.yaml -o name") == .init(out: "pod/p\npod/p\n", err: "", code: 0))
    }

    /// What --force finds missing it skips, saying so, and creates.
    @Test func forceCreatesWhatIsMissing() {
        let h = harness()
        #expect(h.run("replace --force -f cm.yaml") == .init(out: "No resources found\nconfigmap/settings replaced\n", err: "", code: 0))
        h.write("empty.yaml", "")
        #expect(h.run("replace --force -f empty.yaml") == .init(out: "No resources found\n", err: "error: no objects passed to replace\n", code: 1))
        #expect(h.run("replace -f empty.yaml") == .init(out: "", err: "", code: 0))
    }

    /// A StatefulSet makes its pod again under the same name, so the name never goes and the poll
    /// ends after its five minutes, as `wait.PollUntilContextTimeout` does.
    @Test func forceOnAPodItsControllerRemakesTimesOut() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web")])
        h.run("apply -f sts.yaml")
        h.cluster.advance(by: 30_000)
        let exported = h.run("get pod web-0 -o yaml").out
        let before = h.cluster.now
        #expect(h.run("replace --force -f -", stdin: exported) == .init(
            out: "pod \"web-0\" deleted\n", err: "error: context deadline exceeded\n", code: 1))
        #expect(h.cluster.now - before >= 300_000)
        #expect(h.run("replace --force --timeout=5s -f -", stdin: h.run("get pod web-0 -o yaml").out).err == "error: context deadline exceeded\n")
    }

    @Test func dryRunsSendNothingOrOnlyAsk() {
        let h = harness()
        h.run("create -f cm.yaml")
        #expect(h.run("replace -f cm2.yaml --dry-run=server") == .init(out: "configmap/settings replaced (server dry run)\n", err: "", code: 0))
        #expect(h.run("replace -f cm2.yaml --dry-run=client -o name") == .init(out: "configmap/settings\n", err: "", code: 0))
        #expect(h.run("get cm settings -o jsonpath={.data}").out == #"{"mode":"one"}"#)
    }

    /// `--save-config` writes the last-applied annotation; without it, a manifest that carries one
    /// has it brought up to date (CreateOrUpdateAnnotation).
    @Test func saveConfigRecordsTheManifestForApply() {
        let h = harness()
        h.run("create -f cm.yaml")
        h.run("replace -f cm2.yaml --save-config")
        #expect(h.run("get cm settings -o jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}").out
            == #"{"apiVersion":"v1","data":{"level":"two"},"kind":"ConfigMap","metadata":{"name":"settings","namespace":"default"}}"# + "\n")
        let exported = h.run("get cm settings -o yaml").out.replacingOccurrences(of: "level: two", with: "level: three")
        h.run("replace -f -", stdin: exported)
        #expect(h.run("get cm settings -o jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}").out
            .contains(#""data":{"level":"three"}"#))
    }

    /// Complete's and Validate's checks, in replace.go's order, as /usr/bin/kubectl v1.32 prints them.
    @Test(arguments: [
        ("replace", "error: must specify one of -f and -k\n"),
        ("replace -f cm.yaml --grace-period=3", "error: --grace-period must have --force specified\n"),
        ("replace -f cm.yaml --timeout=3s", "error: --timeout must have --force specified\n"),
        ("replace -f cm.yaml --force --dry-run=client", "error: --dry-run can not be used when --force is set\n"),
        ("replace -f cm.yaml -k dir", "error: only one of -f or -k can be specified\n"),
        ("replace --cascade=x -f cm.yaml", "error: invalid cascade value (x). Must be \"background\", \"foreground\", or \"orphan\"\n"),
        ("replace --grace-period=3 --dry-run=bogus -f cm.yaml", "error: Invalid dry-run value (bogus). Must be \"none\", \"server\", or \"client\".\n"),
        ("replace -f nope.yaml", "error: the path \"nope.yaml\" does not exist\n"),
        ("replace -f cm.yaml --record", "Error: unknown flag: --record\nSee 'kubectl replace --help' for usage.\n"),
        ("replace -f cm.yaml --raw /api/v1/namespaces/default/configmaps/settings", "error: kubelab does not simulate \"kubectl replace --raw\" yet\n"),
    ])
    func flagChecks(line: String, err: String) {
        #expect(harness().run(line) == .init(out: "", err: err, code: 1))
    }
}
