import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl label`, `annotate` and `set image`: their messages, the --overwrite rule and their errors.
@Suite struct LabelAnnotateSetImageTests {
    static func withWeb(replicas: Int = 2) -> CommandHarness {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web", replicas: replicas)])
        h.run("apply -f sts.yaml")
        h.run("rollout status sts web")
        return h
    }

    @Test func labelAddOverwriteRemove() {
        let h = Self.withWeb()
        #expect(h.run("label pod web-0 tier=frontend") == .init(out: "pod/web-0 labeled\n", err: "", code: 0))
        #expect(h.run("label pod web-0 tier=frontend") == .init(out: "pod/web-0 not labeled\n", err: "", code: 0))
        #expect(h.run("label pod web-0 tier=backend")
            == .init(out: "", err: "error: 'tier' already has a value (frontend), and --overwrite is false\n", code: 1))
        #expect(h.run("label pod web-0 tier=backend --overwrite") == .init(out: "pod/web-0 labeled\n", err: "", code: 0))
        #expect(h.run("get pod web-0 -o jsonpath={.metadata.labels.tier}").out == "backend")
        #expect(h.run("label pod web-0 tier-") == .init(out: "pod/web-0 unlabeled\n", err: "", code: 0))
        #expect(h.run("label pod web-0 tier-") == .init(out: "label \"tier\" not found.\npod/web-0 not labeled\n", err: "", code: 0))
        #expect(h.run("label pods --all x=y") == .init(out: "pod/web-0 labeled\npod/web-1 labeled\n", err: "", code: 0))
        #expect(h.run("get pods -l x=y -o name").out == "pod/web-0\npod/web-1\n")
        #expect(h.run("label pods -l x=y x- --dry-run=client").out == "pod/web-0 unlabeled (dry run)\npod/web-1 unlabeled (dry run)\n")
        #expect(h.run("get pods -l x=y -o name").out == "pod/web-0\npod/web-1\n", "a client dry run sends nothing")
    }

    /// `--resource-version`: the label and annotate patches carry it, so a stale one is the API
    /// server's 409; scale checks it first (ScalePrecondition). Both take one object only.
    @Test func aResourceVersionPreconditionRefusesAStaleObject() {
        let h = Self.withWeb()
        let pod = h.run("get pod web-0 -o jsonpath={.metadata.resourceVersion}").out
        #expect(h.run("label pod web-0 a=b --resource-version=\(pod)") == .init(out: "pod/web-0 labeled\n", err: "", code: 0))
        let conflict = "Error from server (Conflict): Operation cannot be fulfilled on pods \"web-0\": the object has been modified; "
            + "please apply your changes to the latest version and try again\n"
        #expect(h.run("label pod web-0 c=d --resource-version=\(pod)") == .init(out: "", err: conflict, code: 1))
        #expect(h.run("annotate pod web-0 c=d --resource-version=\(pod)") == .init(out: "", err: conflict, code: 1))
        #expect(h.run("label pods --all c=d --resource-version=\(pod)")
            == .init(out: "", err: "error: --resource-version may only be used with a single resource\n", code: 1))
        let sts = h.run("get sts web -o jsonpath={.metadata.resourceVersion}").out
        #expect(h.run("scale sts web --replicas=3 --resource-version=1")
            == .init(out: "", err: "error: Expected resource version to be 1, was \(sts)\n", code: 1))
        #expect(h.run("scale sts web --replicas=3 --resource-version=\(sts)") == .init(out: "statefulset.apps/web scaled\n", err: "", code: 0))
        h.run("create deployment db --image=nginx")
        #expect(h.run("scale sts/web deploy/db --replicas=3 --resource-version=1")
            == .init(out: "", err: "error: cannot use --resource-version with multiple resources\n", code: 1))
    }

    @Test func labelList() {
        let h = Self.withWeb(replicas: 1)
        let hash = h.run("get pod web-0 -o jsonpath={.metadata.labels.controller-revision-hash}").out
        #expect(h.run("label pod web-0 --list").out
            == "app=web\napps.kubernetes.io/pod-index=0\ncontroller-revision-hash=\(hash)\nstatefulset.kubernetes.io/pod-name=web-0\n")
        #expect(h.run("label pods -l app=web --list").out.hasPrefix("Listing labels for Pod./web-0:\n app=web\n"))
    }

    @Test(arguments: [
        ("label pod web-0 a=b=c", "error: invalid label spec: a=b=c\n"),
        ("label pod web-0 bad=-x", "error: invalid label value: \"bad=-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n"),
        // validateNoOverwrites' aggregate: one clash per line, no `error: ` (checkErr's MultipleErrors).
        ("label pod web-0 app=x statefulset.kubernetes.io/pod-name=y",
         "'app' already has a value (web), and --overwrite is false\n'statefulset.kubernetes.io/pod-name' already has a value (web-0), and --overwrite is false\n"),
        ("label pod web-0 a=b a-", "error: can not both modify and remove a label in the same command\n"),
        ("label pod web-0", "error: at least one label update is required\n"),
        ("label a=b", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n"),
        ("label pod a=b web-0", "error: all resources must be specified before label changes: web-0\n"),
        ("label pod nope a=b", "Error from server (NotFound): pods \"nope\" not found\n"),
        ("label pods --all -l app=web a=b", "error: cannot set --all and --selector at the same time\n"),
        ("annotate pod web-0", "error: at least one annotation update is required\n"),
        ("annotate pod web-0 a=1 a-", "error: can not both modify and remove the following annotation(s) in the same command: a\n"),
        ("annotate pod web-0 --list -o yaml", "error: --list and --output may not be specified together\n"),
        ("set image sts/web nope=x", "error: unable to find container named \"nope\"\n"),
        ("set image sts/web", "error: at least one image update is required\n"),
        // Complete's builder finds nothing to act on before Validate looks at the images.
        ("set image", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"),
        ("set image nginx=nginx:1", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"),
        ("set image -l app=web nginx=nginx:1", "error: at least one resource must be specified to use a selector\n"),
        ("set image sts/web '*=a' nginx=b", "error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n"),
        ("set image cm/kube-root-ca.crt a=b", "error: configmaps/kube-root-ca.crt the object is not a pod or does not have a pod template: *v1.ConfigMap\n\n"),
    ])
    func refusals(line: String, err: String) {
        let h = Self.withWeb(replicas: 1)
        #expect(h.run(line) == .init(out: "", err: err, code: 1))
    }

    /// set_image.go wraps the server's error text (`Job.batch "j" is invalid`, not checkErr's
    /// `The Job "j" is invalid`), and checkErr puts `error: ` before the plain error it gets.
    @Test func aRefusedPatchIsWrappedAsKubectlWrapsIt() {
        let h = CommandHarness()
        h.run("create job j --image=busybox -- sleep 100")
        #expect(h.run("set image job/j j=nginx") == .init(out: "", err:
            "error: failed to patch image update to pod template: Job.batch \"j\" is invalid: spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable\n",
            code: 1))
    }

    @Test func annotateAndChangeCause() {
        let h = Self.withWeb(replicas: 1)
        #expect(h.run("annotate pod web-0 description='my frontend'") == .init(out: "pod/web-0 annotated\n", err: "", code: 0))
        #expect(h.run("annotate pod web-0 description=other").err
            == "error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my frontend)\n")
        #expect(h.run("annotate pod web-0 description=other --overwrite").out == "pod/web-0 annotated\n")
        #expect(h.run("annotate pod web-0 description-").out == "pod/web-0 annotated\n")
        #expect(h.run("get pod web-0 -o jsonpath={.metadata.annotations.description}").out == "")
        h.run("annotate sts web kubernetes.io/change-cause=first")
        #expect(h.run("annotate sts web kubernetes.io/change-cause=second").code == 0, "the change cause may always be overwritten")
    }

    @Test func setImageRollsTheSetAndAnUnchangedImageIsSilent() {
        let h = Self.withWeb(replicas: 1)
        #expect(h.run("set image sts/web nginx=nginx:1.28") == .init(out: "statefulset.apps/web image updated\n", err: "", code: 0))
        #expect(h.run("set image sts/web nginx=nginx:1.28") == .init(out: "", err: "", code: 0))
        h.run("rollout status sts web")
        #expect(h.run("get pod web-0 -o jsonpath={.spec.containers[0].image}").out == "nginx:1.28")
        #expect(h.run("set image sts web '*=nginx:1.29' --dry-run=client -o jsonpath={.spec.template.spec.containers[0].image}").out == "nginx:1.29")
        #expect(h.run("get sts web -o jsonpath={.spec.template.spec.containers[0].image}").out == "nginx:1.28")
    }

    @Test func editPointsToPatchAndApply() {
        let h = Self.withWeb(replicas: 1)
        let r = h.run("edit sts web")
        #expect(r == .init(out: "", err: EditCommand.message + "\n", code: 1))
        #expect(r.err.contains("kubectl patch") && r.err.contains("kubectl apply -f"))
    }
}

/// `kubectl wait` on conditions, JSONPath values, creation and deletion, with the clock moving.
@Suite struct WaitCommandTests {
    @Test func conditionsAndJSONPath() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web", replicas: 2)])
        h.run("apply -f sts.yaml")
        #expect(h.run("wait --for=condition=Ready pod/web-0") == .init(out: "pod/web-0 condition met\n", err: "", code: 0))
        #expect(h.run("wait --for=jsonpath={.status.readyReplicas}=2 sts/web") == .init(out: "statefulset.apps/web condition met\n", err: "", code: 0))
        #expect(h.run("wait --for=condition=Ready pods -l app=web") == .init(out: "pod/web-0 condition met\npod/web-1 condition met\n", err: "", code: 0))
        #expect(h.run("wait --for=condition=Ready=false pod/web-0 --timeout=2s")
            == .init(out: "", err: "error: timed out waiting for the condition on pods/web-0\n", code: 1))
        #expect(h.run("wait --for=jsonpath={.status.readyReplicas}=5 sts/web --timeout=0")
            == .init(out: "", err: "error: timed out waiting for the condition on statefulsets/web\n", code: 1))
        #expect(h.run("wait --for=jsonpath={.spec} sts/web").err == "error: jsonpath leads to a nested object or list which is not supported\n"
                || h.run("wait --for=jsonpath={.spec}=x sts/web").err == "error: jsonpath leads to a nested object or list which is not supported\n")
    }

    @Test func createAndDelete() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web", replicas: 1)])
        h.run("apply -f sts.yaml")
        #expect(h.run("wait --for=create pod/web-1 --timeout=3s") == .init(out: "", err: "error: timed out waiting for the condition\n", code: 1))
        h.run("scale sts web --replicas=2")
        #expect(h.run("wait --for=create pod/web-1 --timeout=60s") == .init(out: "pod/web-1 condition met\n", err: "", code: 0))
        h.run("delete pod web-1 --wait=false")
        #expect(h.run("wait --for=delete pod/web-1 --timeout=60s") == .init(out: "pod/web-1 condition met\n", err: "", code: 0))
        #expect(h.run("wait --for=delete pod/nope") == .init(out: "", err: "", code: 0), "a missing object is already deleted")
    }

    @Test(arguments: [
        ("wait --for=condition=Ready pod/nope", "Error from server (NotFound): pods \"nope\" not found\n"),
        ("wait pod/web-0", "error: unrecognized condition: \"\"\n"),
        ("wait --for=bogus pod/web-0", "error: unrecognized condition: \"bogus\"\n"),
        ("wait --for=jsonpath={.status.x}= pod/web-0", "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n"),
        ("wait --for=condition=Ready pods", "error: resource(s) were provided, but no name was specified\n"),
        ("wait --for=condition=Ready pods -l app=nope", "error: no matching resources found\n"),
    ])
    func refusals(line: String, err: String) {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web")])
        h.run("apply -f sts.yaml")
        #expect(h.run(line) == .init(out: "", err: err, code: 1))
        #expect(h.run("get pod web-0 -o name").out == "pod/web-0\n", "the session goes on")
    }
}
