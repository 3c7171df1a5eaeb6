import Testing
@testable import Kubectl

/// `kubectl set env`: the environment of a StatefulSet's pod template changed by a strategic merge
/// patch (so the set rolls), `--list`, `--from`, and the refusals in set_env.go's words (compared
/// with the real kubectl v1.32 where it runs offline: `--local -f`, which prints the same texts).
@Suite struct SetEnvTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: web
          replicas: 1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              initContainers:
              - name: init
                image: busybox:1.36
                command: ['sh', '-c', 'true']
              containers:
              - name: nginx
                image: nginx:1.27
                env:
                - name: A
                  value: "1"
                - name: B
                  valueFrom:
                    secretKeyRef:
                      name: s
                      key: k
              - name: side
                image: busybox:1.36
                command: ['sleep', '3600']

        """

    static func harness() -> CommandHarness {
        let h = CommandHarness(files: ["sts.yaml": manifest])
        h.run("apply -f sts.yaml")
        return h
    }

    static func env(_ h: CommandHarness, container: Int = 0) -> String {
        h.run("get sts web -o jsonpath={.spec.template.spec.containers[\(container)].env}").out
    }

    @Test func listShowsContainersThenInitContainers() {
        #expect(Self.harness().run("set env sts/web --list") == .init(out: """
            # StatefulSet web, container nginx
            A=1
            # B from secret s, key k
            # StatefulSet web, container side
            # StatefulSet web, container init

            """, err: "", code: 0))
    }

    @Test func setReplaceAndRemoveInPlace() {
        let h = Self.harness()
        #expect(h.run("set env sts/web B=2 C=3 A- -c nginx") == .init(out: "statefulset.apps/web env updated\n", err: "", code: 0))
        // B's secret reference goes with its new value; C comes last.
        #expect(Self.env(h) == #"[{"name":"B","value":"2"},{"name":"C","value":"3"}]"#)
        #expect(Self.env(h, container: 1) == "", "-c nginx leaves the other container alone")
        #expect(h.run("set env sts/web B=2 -c nginx") == .init(out: "", err: "", code: 0), "no change sends nothing and says nothing")
        #expect(h.run("set env sts/web B- C- -c nginx").out == "statefulset.apps/web env updated\n")
        #expect(Self.env(h) == "")
        #expect(h.run("get controllerrevisions -o name").out.split(separator: "\n").count == 3, "each change is a new revision")
    }

    @Test func firstValueOfANameWinsAndStdinIsRead() {
        let h = Self.harness()
        #expect(h.run(args: ["set", "env", "sts/web", "-c", "side", "X=1", "X=2", "-"], stdin: "Y=3 # comment\nnot a pair\nZ=\n").out
            == "statefulset.apps/web env updated\n")
        #expect(Self.env(h, container: 1) == #"[{"name":"X","value":"1"},{"name":"Y","value":"3 "},{"name":"Z","value":""}]"#)
    }

    @Test func fromAConfigMapWithPrefixAndKeys() {
        let h = Self.harness()
        h.run("create configmap settings --from-literal=log.level=debug --from-literal=MODE=fast")
        #expect(h.run("set env sts/web --from=configmap/settings --prefix=APP_ -c side") == .init(
            out: "statefulset.apps/web env updated\n", err: "Warning: key log.level transferred to LOG_LEVEL\n", code: 0))
        #expect(h.run("set env sts/web --list -c side").out == """
            # StatefulSet web, container side
            # APP_MODE from configmap settings, key MODE
            # APP_LOG_LEVEL from configmap settings, key log.level

            """)
        #expect(h.run("set env sts/web --from=configmap/settings --keys=MODE -c init").out == "statefulset.apps/web env updated\n")
        #expect(h.run("get sts web -o jsonpath={.spec.template.spec.initContainers[0].env[*].name}").out == "MODE")
        #expect(h.run("set env sts/web --from=sts/web").err == "error: unsupported resource specified in --from\n")
        #expect(h.run("set env sts/web --from=configmap/nope").err == "Error from server (NotFound): configmaps \"nope\" not found\n")
    }

    @Test func dryRunChangesNothing() {
        let h = Self.harness()
        #expect(h.run("set env sts/web D=1 -c init --dry-run=client -o jsonpath={.spec.template.spec.initContainers[0].env}").out
            == #"[{"name":"D","value":"1"}]"#)
        #expect(h.run("set env sts/web D=1 --dry-run=server").out == "statefulset.apps/web env updated (server dry run)\n")
        #expect(h.run("get sts web -o jsonpath={.spec.template.spec.initContainers[0].env}").out == "")
    }

    @Test(arguments: [
        // Observed from /usr/bin/kubectl v1.32 with --local -f.
        ("set env sts/web 1A=1", "error: \"1A\" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n"),
        ("set env sts/web A=1 A-", "error: can not both modify and remove the same environment variable in the same command\n"),
        ("set env sts/web -e BAD", "error: unknown environment variable: BAD\n"),
        ("set env sts/web --keys=a", "error: when specifying --keys, a configmap or secret must be provided with --from\n"),
        ("set env sts/web --list -o yaml", "error: --list and --output may not be specified together\n"),
        ("set env --all -l a=b sts", "error: cannot set --all and --selector at the same time\n"),
        ("set env", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n"),
        ("set env sts/web FOO=1 x", "error: all resources must be specified before environment changes: sts/web FOO=1 x\n"),
        ("set env sts/web X=1 --bogus", "Error: unknown flag: --bogus\nSee 'kubectl set env --help' for usage.\n"),
        ("set bogus", "error: unknown command \"bogus\"\nSee 'kubectl set -h' for help and examples\n"),
        // A server's object has a REST mapping, so Info.ObjectName is `statefulsets/web`.
        ("set env sts/web A=9 --overwrite=false", "error: statefulsets/web 'A' already has a value (1), and --overwrite is false\n\n"),
        ("set env cm/kube-root-ca.crt A=1", "error: configmaps/kube-root-ca.crt the object is not a pod or does not have a pod template: *v1.ConfigMap\n\n"),
        ("set env sts/web --resolve --list", "error: kubelab does not simulate \"kubectl set env --resolve\" yet\n"),
    ])
    func refusals(line: String, err: String) {
        #expect(Self.harness().run(line) == .init(out: "", err: err, code: 1))
    }

    @Test func noMatchingContainerIsAWarning() {
        #expect(Self.harness().run("set env sts/web D=1 -c nope")
            == .init(out: "", err: "Warning: StatefulSet/web does not have any containers matching \"nope\"\n", code: 0))
        #expect(Self.harness().run("set env sts/web D=1 -c 's*'").out == "statefulset.apps/web env updated\n")
    }

    /// cobra's DefaultSubCommandRun: `kubectl set` alone prints its help on standard error, exit 1.
    @Test func setAloneIsItsHelpOnStandardError() {
        let r = CommandHarness().run("set")
        #expect(r.out == "" && r.err == SetCommand.help && r.code == 1)
    }
}

/// `kubectl set resources`: named requests and limits replaced in canonical quantities by a
/// strategic merge patch, the rest kept; refusals in set_resources.go's words (compared with the
/// real kubectl v1.32 with `--local -f` where it runs offline).
@Suite struct SetResourcesTests {
    static func resources(_ h: CommandHarness, _ container: Int) -> String {
        h.run("get sts web -o jsonpath={.spec.template.spec.containers[\(container)].resources}").out
    }

    @Test func limitsAndRequestsAreMergedCanonically() {
        let h = SetEnvTests.harness()
        #expect(h.run("set resources sts/web -c nginx --limits=cpu=0.5,memory=1.5Gi --requests=cpu=100m")
            == .init(out: "statefulset.apps/web resource requirements updated\n", err: "", code: 0))
        #expect(Self.resources(h, 0) == #"{"limits":{"cpu":"500m","memory":"1536Mi"},"requests":{"cpu":"100m"}}"#)
        #expect(Self.resources(h, 1) == "{}", "-c nginx leaves the other container alone")
        #expect(h.run("set resources sts/web -c nginx --limits=cpu=500m") == .init(out: "", err: "", code: 0), "unchanged: nothing sent")
        #expect(h.run("set resources sts/web -c nginx --limits=cpu=1").out == "statefulset.apps/web resource requirements updated\n")
        #expect(Self.resources(h, 0) == #"{"limits":{"cpu":"1","memory":"1536Mi"},"requests":{"cpu":"100m"}}"#)
        #expect(h.run("set resources sts/web --requests=memory=1000 --dry-run=client -o jsonpath={.spec.template.spec.initContainers[0].resources}").out
            == #"{"requests":{"memory":"1k"}}"#)
        #expect(h.run("get sts web -o jsonpath={.spec.template.spec.initContainers[0].resources}").out == "{}")
    }

    @Test(arguments: [
        ("set resources sts/web -c nope --limits=cpu=1", "error: unable to find container named nope\n"),
        ("set resources sts/web", "error: you must specify an update to requests or limits (in the form of --requests/--limits)\n"),
        ("set resources sts/web --limits=cpu", "error: Invalid argument syntax cpu, expected <resource>=<value>\n"),
        ("set resources sts/web --limits=cpu=abc", "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"),
        // The builder runs in Complete, before the flags are judged.
        ("set resources sts/nope", "Error from server (NotFound): statefulsets.apps \"nope\" not found\n"),
        ("set resources cm/kube-root-ca.crt --limits=cpu=1", "error: configmaps/kube-root-ca.crt the object is not a pod or does not have a pod template: *v1.ConfigMap\n\n"),
    ])
    func refusals(line: String, err: String) {
        #expect(SetEnvTests.harness().run(line) == .init(out: "", err: err, code: 1))
    }
}

/// `kubectl set serviceaccount|sa`: the pod template's service account by a strategic merge
/// patch, sent (and reported) even when it changes nothing, as set_serviceaccount.go does.
@Suite struct SetServiceAccountTests {
    @Test func setsTheTemplatesServiceAccount() {
        let h = SetEnvTests.harness()
        #expect(h.run("set sa sts/web robot") == .init(out: "statefulset.apps/web serviceaccount updated\n", err: "", code: 0))
        #expect(h.run("set serviceaccount sts/web robot").out == "statefulset.apps/web serviceaccount updated\n")
        #expect(h.run("get sts web -o jsonpath={.spec.template.spec.serviceAccountName}").out == "robot")
        #expect(h.run("set sa sts/web other --dry-run=client -o jsonpath={.spec.template.spec.serviceAccountName}").out == "other")
        #expect(h.run("get sts web -o jsonpath={.spec.template.spec.serviceAccountName}").out == "robot")
        // A Deployment's template is validated as a pod spec (a StatefulSet's is not, upstream).
        h.run("create deployment d --image=nginx")
        #expect(h.run("set sa deploy/d Bad_Name").err == "error: failed to patch ServiceAccountName Deployment.apps \"d\" is invalid: "
            + "spec.template.spec.serviceAccountName: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower "
            + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
            + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n")
    }

    @Test(arguments: [
        ("set sa", "error: serviceaccount is required\n"),
        ("set sa robot", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"),
        ("set sa sts/nope robot", "Error from server (NotFound): statefulsets.apps \"nope\" not found\n"),
        ("set sa cm/kube-root-ca.crt robot", "error: configmaps/kube-root-ca.crt the object is not a pod or does not have a pod template: *v1.ConfigMap\n\n"),
        ("set sa sts/web robot -c x", "Error: unknown shorthand flag: 'c' in -c\nSee 'kubectl set serviceaccount --help' for usage.\n"),
    ])
    func refusals(line: String, err: String) {
        #expect(SetEnvTests.harness().run(line) == .init(out: "", err: err, code: 1))
    }
}

/// `kubectl set subject`: subjects added to a binding once each, the whole list in the patch;
/// texts as the real kubectl v1.32 printed them with `--local -f`, and the server object's
/// `rolebindings/NAME` for Info.ObjectName.
@Suite struct SetSubjectTests {
    static func harness() -> CommandHarness {
        let h = CommandHarness()
        h.run("create role r --verb=get --resource=pods")
        h.run("create rolebinding rb --role=r --user=alice")
        return h
    }

    @Test func addsEachSubjectOnce() {
        let h = Self.harness()
        #expect(h.run("set subject rolebinding rb --user=bob --user=alice --group=devs --serviceaccount=ns1:robot --serviceaccount=:local")
            == .init(out: "rolebinding.rbac.authorization.k8s.io/rb subjects updated\n", err: "", code: 0))
        #expect(h.run(args: ["get", "rolebinding", "rb", "-o", "jsonpath={range .subjects[*]}{.kind}:{.namespace}:{.name} {end}"]).out
            == "User::alice User::bob Group::devs ServiceAccount:default:local ServiceAccount:ns1:robot ")
        #expect(h.run("set subject rolebinding rb --user=alice") == .init(out: "", err: "", code: 0), "already bound: nothing sent")
        // The bound service accounts may now read pods, in the binding's namespace only.
        #expect(h.run("auth can-i get pods --as=system:serviceaccount:ns1:robot").out == "yes\n")
        #expect(h.run("auth can-i get pods -n ns1 --as=system:serviceaccount:ns1:robot").out == "no\n")
    }

    @Test(arguments: [
        ("set subject rolebinding rb", "error: you must specify at least one value of user, group or serviceaccount\n"),
        ("set subject rolebinding rb --serviceaccount=robot", "error: serviceaccount must be <namespace>:<name>\n"),
        ("set subject clusterrolebinding cluster-admin --serviceaccount=:robot",
         "error: serviceaccount must be <namespace>:<name>, namespace must be specified\n"),
        ("set subject cm/kube-root-ca.crt --user=a",
         "error: configmaps/kube-root-ca.crt setting subjects is only supported for RoleBinding/ClusterRoleBinding\n\n"),
        ("set subject rolebinding nope --user=a", "Error from server (NotFound): rolebindings.rbac.authorization.k8s.io \"nope\" not found\n"),
    ])
    func refusals(line: String, err: String) {
        #expect(Self.harness().run(line) == .init(out: "", err: err, code: 1))
    }
}

/// `kubectl set selector`: a Service's selector replaced (keys it no longer has removed), the
/// patch sent even when nothing changes, errors passed on as they are (set_selector.go).
@Suite struct SetSelectorTests {
    static func harness() -> CommandHarness {
        let h = CommandHarness()
        h.run("create service clusterip web --tcp=80")
        return h
    }

    @Test func replacesTheServiceSelector() {
        let h = Self.harness()
        #expect(h.run("set selector svc/web app=nginx,tier=fe") == .init(out: "service/web selector updated\n", err: "", code: 0))
        #expect(h.run("get svc web -o jsonpath={.spec.selector}").out == #"{"app":"nginx","tier":"fe"}"#)
        #expect(h.run("set selector svc/web app=nginx").out == "service/web selector updated\n")
        #expect(h.run("get svc web -o jsonpath={.spec.selector}").out == #"{"app":"nginx"}"#)
        #expect(h.run("set selector svc/web app=nginx").out == "service/web selector updated\n", "sent and reported even unchanged")
        #expect(h.run("set selector svc/web a=c --dry-run=client -o jsonpath={.spec.selector}").out == #"{"a":"c"}"#)
        #expect(h.run("get svc web -o jsonpath={.spec.selector}").out == #"{"app":"nginx"}"#)
    }

    @Test(arguments: [
        ("set selector svc/web app!=x", "error: \"!=\" is not a valid label selector operator\n"),
        ("set selector cm/kube-root-ca.crt a=b", "error: setting a selector is only supported for Services\n"),
        ("set selector svc/nope a=b", "Error from server (NotFound): services \"nope\" not found\n"),
        ("set selector", "error: one selector is required\n"),
        ("set selector svc/web a=b --resource-version=1", "Error from server (Conflict): Operation cannot be fulfilled on services \"web\": "
            + "the object has been modified; please apply your changes to the latest version and try again\n"),
    ])
    func refusals(line: String, err: String) {
        #expect(Self.harness().run(line) == .init(out: "", err: err, code: 1))
    }

    @Test func matchExpressionsAreRefusedInGosWords() {
        #expect(Self.harness().run(args: ["set", "selector", "svc/web", "app in (b,a)"])
            == .init(out: "", err: "error: match expression [{app In [a b]}] not supported on this object\n", code: 1))
    }
}
