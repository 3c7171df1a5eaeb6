import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl taint`: kubectl v1.32's words for each outcome and error (checked against real kubectl
/// and its taint.go / utils.go), and the cluster reacting to the taints it writes.
@Suite struct TaintCommandTests {
    static func ok(_ out: String) -> CommandHarness.Result { .init(out: out, err: "", code: 0) }
    static func fails(_ err: String) -> CommandHarness.Result { .init(out: "", err: err, code: 1) }

    /// The taints of a node as `get -o jsonpath` prints them.
    static func taints(_ h: CommandHarness, _ node: String = "k8s-node1") -> String {
        h.run("get node \(node) -o jsonpath={.spec.taints}").out
    }

    @Test func taintOverwriteAndUntaint() {
        let h = CommandHarness()
        #expect(h.run("taint nodes k8s-node1 dedicated=db:NoSchedule") == Self.ok("node/k8s-node1 tainted\n"))
        #expect(Self.taints(h) == #"[{"effect":"NoSchedule","key":"dedicated","value":"db"}]"#)
        #expect(h.run("taint nodes k8s-node1 dedicated=web:NoSchedule")
            == Self.fails("error: node k8s-node1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n"))
        #expect(h.run("taint nodes k8s-node1 dedicated=web:NoSchedule --overwrite") == Self.ok("node/k8s-node1 modified\n"))
        #expect(Self.taints(h) == #"[{"effect":"NoSchedule","key":"dedicated","value":"web"}]"#)
        // The same key with another effect is another taint, and goes first.
        #expect(h.run("taint nodes k8s-node1 dedicated:PreferNoSchedule") == Self.ok("node/k8s-node1 tainted\n"))
        #expect(Self.taints(h) == #"[{"effect":"PreferNoSchedule","key":"dedicated"},{"effect":"NoSchedule","key":"dedicated","value":"web"}]"#)
        #expect(h.run("taint nodes k8s-node1 dedicated:NoSchedule-") == Self.ok("node/k8s-node1 untainted\n"))
        #expect(Self.taints(h) == #"[{"effect":"PreferNoSchedule","key":"dedicated"}]"#)
        #expect(h.run("taint nodes k8s-node1 dedicated-") == Self.ok("node/k8s-node1 untainted\n"))
        #expect(Self.taints(h) == "")
    }

    /// `modified` when one command adds and removes, and whenever --overwrite is given, even if
    /// nothing changes; `key-` removes every effect of a key.
    @Test func severalChangesInOneCommand() {
        let h = CommandHarness()
        #expect(h.run("taint node k8s-node1 a=1:NoSchedule b:NoExecute c=3:PreferNoSchedule") == Self.ok("node/k8s-node1 tainted\n"))
        #expect(Self.taints(h) == #"[{"effect":"NoSchedule","key":"a","value":"1"},{"effect":"NoExecute","key":"b"},{"effect":"PreferNoSchedule","key":"c","value":"3"}]"#)
        #expect(h.run("taint no k8s-node1 a:NoSchedule- d=4:NoSchedule") == Self.ok("node/k8s-node1 modified\n"))
        #expect(h.run("taint Nodes k8s-node1 d=4:NoSchedule --overwrite") == Self.ok("node/k8s-node1 modified\n"))
        #expect(h.run("taint nodes k8s-node1 c- --overwrite") == Self.ok("node/k8s-node1 modified\n"))
        #expect(h.run("taint nodes k8s-node1 b:NoSchedule") == Self.ok("node/k8s-node1 tainted\n"))
        #expect(h.run("taint nodes k8s-node1 b-") == Self.ok("node/k8s-node1 untainted\n"))
        #expect(Self.taints(h) == #"[{"effect":"NoSchedule","key":"d","value":"4"}]"#)
    }

    /// Neither kubectl nor the v1.32 API server stamps `timeAdded` on a NoExecute taint written
    /// this way (kubernetes/kubernetes#98482); only the node lifecycle controller's own taints carry it.
    @Test func noExecuteTaintHasNoTimeAdded() {
        let h = CommandHarness()
        h.cluster.advance(by: 5_000)
        #expect(h.run("taint nodes k8s-node1 maintenance:NoExecute") == Self.ok("node/k8s-node1 tainted\n"))
        #expect(h.run("get node k8s-node1 -o yaml").out.contains("  taints:\n  - effect: NoExecute\n    key: maintenance\nstatus:\n"))
    }

    @Test func allAndSelector() {
        let h = CommandHarness()
        #expect(h.run("taint nodes --all zone=a:PreferNoSchedule")
            == Self.ok("node/k8s-master tainted\nnode/k8s-node1 tainted\nnode/k8s-node2 tainted\n"))
        #expect(Self.taints(h, "k8s-master")
            == #"[{"effect":"PreferNoSchedule","key":"zone","value":"a"},{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"}]"#)
        h.run("label node k8s-node2 disk=ssd")
        #expect(h.run("taint node -l disk=ssd zone-") == Self.ok("node/k8s-node2 untainted\n"))
        // The names beside --all or a selector are ignored, as kubectl's builder ignores them.
        #expect(h.run("taint nodes k8s-master -l disk=ssd ssd=yes:NoSchedule") == Self.ok("node/k8s-node2 tainted\n"))
        #expect(h.run("taint nodes -l disk=none zone-") == Self.ok(""))
        // Each node is tried; the failures come after the others' messages.
        #expect(h.run("taint nodes --all zone-") == .init(
            out: "node/k8s-master untainted\nnode/k8s-node1 untainted\n", err: "error: taint \"zone\" not found\n", code: 1))
        #expect(h.run("taint nodes --all ssd=no:NoSchedule") == .init(
            out: "node/k8s-master tainted\nnode/k8s-node1 tainted\n",
            err: "error: node k8s-node2 already has ssd taint(s) with same effect(s) and --overwrite is false\n", code: 1))
        #expect(h.run("taint nodes --all -l disk=ssd a-") == Self.fails("error: setting 'all' parameter with a non empty selector is prohibited\n"))
    }

    /// The line kubeadm tutorials give to let pods onto the control plane: the workers lack the taint.
    @Test func untaintingTheControlPlaneOfEveryNode() {
        let h = CommandHarness()
        #expect(h.run("taint nodes --all node-role.kubernetes.io/control-plane-") == .init(
            out: "node/k8s-master untainted\n",
            err: "taint \"node-role.kubernetes.io/control-plane\" not found\ntaint \"node-role.kubernetes.io/control-plane\" not found\n", code: 1))
        #expect(Self.taints(h, "k8s-master") == "")
        #expect(h.run("taint nodes k8s-master node-role.kubernetes.io/control-plane:NoSchedule") == Self.ok("node/k8s-master tainted\n"))
        #expect(Self.taints(h, "k8s-master") == #"[{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"}]"#)
    }

    @Test func missingNodesAndTaints() {
        let h = CommandHarness()
        #expect(h.run("taint nodes nope a=b:NoSchedule") == Self.fails("Error from server (NotFound): nodes \"nope\" not found\n"))
        #expect(h.run("taint nodes nope k8s-node1 a=b:NoSchedule")
            == .init(out: "node/k8s-node1 tainted\n", err: "Error from server (NotFound): nodes \"nope\" not found\n", code: 1))
        #expect(h.run("taint nodes k8s-node1 dedicated-") == Self.fails("error: taint \"dedicated\" not found\n"))
        #expect(h.run("taint nodes k8s-node1 a:NoExecute-") == Self.fails("error: taint \"a:NoExecute\" not found\n"))
        // A removal's value is not part of the taint it names.
        #expect(h.run("taint nodes k8s-node1 a=other:NoExecute-") == Self.fails("error: taint \"a:NoExecute\" not found\n"))
        #expect(h.run("taint nodes k8s-node1 x- y:NoSchedule-") == Self.fails("taint \"x\" not found\ntaint \"y:NoSchedule\" not found\n"))
        #expect(h.run("taint nodes nope k8s-node1 x- y-") == Self.fails(
            "Error from server (NotFound): nodes \"nope\" not found\n[taint \"x\" not found, taint \"y\" not found]\n"))
        #expect(h.run("taint nodes k8s-node2 k8s-node1 a=c:NoSchedule") == .init(
            out: "node/k8s-node2 tainted\n",
            err: "error: node k8s-node1 already has a taint(s) with same effect(s) and --overwrite is false\n", code: 1))
        #expect(Self.taints(h) == #"[{"effect":"NoSchedule","key":"a","value":"b"}]"#, "a failed command changes nothing")
    }

    /// kubectl's taint never adds a dry-run suffix: its printer's operation is set after the suffix
    /// was (taint.go's ToPrinter), so both dry runs print what a real run prints.
    @Test func dryRunsPrintTheRealWordsAndChangeNothing() {
        let h = CommandHarness()
        #expect(h.run("taint nodes k8s-node1 a=b:NoSchedule --dry-run=client") == Self.ok("node/k8s-node1 tainted\n"))
        #expect(h.run("taint nodes k8s-node1 a=b:NoSchedule --dry-run=server") == Self.ok("node/k8s-node1 tainted\n"))
        #expect(Self.taints(h) == "")
        h.run("taint nodes k8s-node1 a=b:NoSchedule")
        #expect(h.run("taint nodes k8s-node1 a- --dry-run=server") == Self.ok("node/k8s-node1 untainted\n"))
        #expect(h.run("taint nodes k8s-node1 a=b:NoSchedule --overwrite --dry-run=client") == Self.ok("node/k8s-node1 modified\n"))
        #expect(h.run("taint nodes k8s-node1 z- --dry-run=client") == Self.fails("error: taint \"z\" not found\n"))
        #expect(h.run("taint nodes k8s-node1 c=d:NoExecute --dry-run=client -o name") == Self.ok("node/k8s-node1\n"))
        #expect(h.run("taint nodes k8s-node1 c=d:NoExecute --dry-run=client -o jsonpath={.spec.taints[*].key}") == Self.ok("c a"))
        #expect(Self.taints(h) == #"[{"effect":"NoSchedule","key":"a","value":"b"}]"#)
    }

    @Test func printsTheNodeItWrote() {
        let h = CommandHarness()
        #expect(h.run("taint nodes k8s-node1 a=b:NoSchedule -o name") == Self.ok("node/k8s-node1\n"))
        let yaml = h.run("taint nodes k8s-node1 a=b:NoSchedule --overwrite -o yaml")
        #expect(yaml.code == 0 && yaml.out.hasPrefix("apiVersion: v1\nkind: Node\n"))
        #expect(yaml.out.contains("\n  taints:\n  - effect: NoSchedule\n    key: a\n    value: b\nstatus:\n"))
        #expect(yaml.out == h.run("get node k8s-node1 -o yaml").out)
        let json = h.run("taint nodes k8s-node1 a- -o json")
        #expect(json.code == 0 && json.out.hasPrefix("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Node\",\n"))
        #expect(!json.out.contains("taints"))
        #expect(h.run("taint nodes --all a=b:NoSchedule -o name") == Self.ok("node/k8s-master\nnode/k8s-node1\nnode/k8s-node2\n"))
    }

    static let keyPattern = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let valuePattern = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    static let seeHelp = "\nSee 'kubectl taint -h' for help and examples\n"

    /// Each refusal prints kubectl's words (taken from real kubectl v1.32) and leaves the node as it was.
    @Test(arguments: [
        ("taint", "error: one or more resources must be specified as <resource> <name>\n"),
        ("taint --all a-", "error: one or more resources must be specified as <resource> <name>\n"),
        ("taint nodes", "error: at least one taint update is required\n"),
        ("taint nodes k8s-node1", "error: at least one taint update is required\n"),
        ("taint nodes k8s-node1 a=b:NoSchedule k8s-node2", "error: all resources must be specified before taint changes: k8s-node2\n"),
        ("taint nodes k8s-node1 a=b:Bogus", "error: invalid taint effect: Bogus, unsupported taint effect" + seeHelp),
        ("taint nodes k8s-node1 a:", "error: invalid taint effect: , unsupported taint effect" + seeHelp),
        ("taint nodes k8s-node1 a=b", "error: invalid taint spec: a=b, " + keyPattern + seeHelp),
        ("taint nodes k8s-node1 a=b=c:NoSchedule", "error: invalid taint spec: a=b=c:NoSchedule" + seeHelp),
        ("taint nodes k8s-node1 a:b:c", "error: invalid taint spec: a:b:c" + seeHelp),
        ("taint nodes k8s-node1 =b:NoSchedule", "error: invalid taint spec: =b:NoSchedule, name part must be non-empty; " + keyPattern + seeHelp),
        ("taint nodes k8s-node1 -", "error: invalid taint spec: , name part must be non-empty; " + keyPattern + seeHelp),
        ("taint nodes k8s-node1 a=-b:NoSchedule", "error: invalid taint spec: a=-b:NoSchedule, " + valuePattern + seeHelp),
        ("taint nodes k8s-node1 a=b:NoSchedule a=c:NoSchedule", "error: duplicated taints with the same key and effect: {a c NoSchedule <nil>}" + seeHelp),
        ("taint nodes k8s-node1 a:NoSchedule a:NoSchedule", "error: duplicated taints with the same key and effect: {a  NoSchedule <nil>}" + seeHelp),
        ("taint nodes k8s-node1 a=b:NoSchedule a-", "error: can not both modify and remove the following taint(s) in the same command: a=\n"),
        ("taint nodes k8s-node1 a=b:NoSchedule b- a:NoSchedule- a-",
         "error: can not both modify and remove the following taint(s) in the same command: a=NoSchedule, a=\n"),
        ("taint nodes k8s-node1 dedicated=x:NoSchedule",
         "error: node k8s-node1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n"),
        ("taint nodes k8s-node1 dedicated=x:NoSchedule dedicated=y:NoExecute other=z:NoSchedule",
         "error: node k8s-node1 already has dedicated,dedicated taint(s) with same effect(s) and --overwrite is false\n"),
        ("taint nodes k8s-node1 other-", "error: taint \"other\" not found\n"),
        ("taint nodes k8s-node1 dedicated:NoSchedule- other-", "error: taint \"other\" not found\n"),
        ("taint nodes a=b:NoSchedule", "error: at least one resource name must be specified since 'all' parameter is not set\n"),
        ("taint pods web a=b:NoSchedule", "error: invalid resource type pods, only node types are supported\n"),
        ("taint deployments.apps web a=b:NoSchedule", "error: invalid resource type deployments.apps, only node types are supported\n"),
        ("taint bogus x a=b:NoSchedule", "the server doesn't have a resource type \"bogus\"\n"),
        // kubectl reads its first word as a type, so TYPE/NAME is a type it does not know.
        ("taint node/k8s-node1 a=b:NoSchedule", "the server doesn't have a resource type \"node/k8s-node1\"\n"),
        ("taint nodes,pods k8s-node1 a=b:NoSchedule", "error: unrecognized character in action: U+002C ','\n"),
        ("taint nodes k8s-node1 a=b:NoSchedule --dry-run=maybe", "error: Invalid dry-run value (maybe). Must be \"none\", \"server\", or \"client\".\n"),
        ("taint nodes k8s-node1 a=b:NoSchedule --validate=bogus",
         "error: invalid - validate option \"bogus\"; must be one of: strict (or true), warn, ignore (or false)\n"),
        ("taint nodes k8s-node1 a=b:NoSchedule -o wide",
         "error: unable to match a printer suitable for the output format \"wide\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n"),
        // The output format is looked at only once a node is to be printed.
        ("taint nodes nope a=b:NoSchedule -o wide", "Error from server (NotFound): nodes \"nope\" not found\n"),
    ])
    func refusals(line: String, err: String) {
        let h = CommandHarness()
        h.run("taint nodes k8s-node1 dedicated=db:NoSchedule dedicated:NoExecute")
        let before = h.run("get node k8s-node1 -o yaml").out
        #expect(h.run(line) == Self.fails(err))
        #expect(h.run("get node k8s-node1 -o yaml").out == before)
    }

    @Test func helpAndRegistration() {
        let h = CommandHarness()
        let help = h.run("taint --help")
        #expect(help.code == 0 && help.err.isEmpty)
        #expect(help.out.hasPrefix("Add, change or remove taints on nodes."))
        #expect(help.out.hasSuffix("Usage:\n  kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]\n"))
        #expect(h.run("help taint").out == help.out)
        #expect(Completion.candidates(prefix: "kubectl taint ", hostCommands: [], kubectl: h.kubectl) == ["nodes"])
        #expect(Completion.candidates(prefix: "kubectl taint nodes k8s-n", hostCommands: [], kubectl: h.kubectl) == ["k8s-node1", "k8s-node2"])
    }

    /// The scheduler keeps new pods off NoSchedule nodes and places them once a node is untainted.
    @Test func noScheduleKeepsNewPodsOff() {
        let h = CommandHarness()
        #expect(h.run("taint nodes k8s-node1 k8s-node2 dedicated=db:NoSchedule") == Self.ok("node/k8s-node1 tainted\nnode/k8s-node2 tainted\n"))
        h.run("run web --image=nginx")
        h.cluster.advance(by: 10_000)
        #expect(h.run("get pod web -o jsonpath={.status.phase}/{.spec.nodeName}").out == "Pending/")
        #expect(h.run("describe pod web").out.hasSuffix(
            "FailedScheduling  10s   default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {dedicated: db}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.\n"))
        #expect(h.run("taint nodes k8s-node2 dedicated-") == Self.ok("node/k8s-node2 untainted\n"))
        h.cluster.advance(by: 10_000)
        #expect(h.run("get pod web -o jsonpath={.status.phase}/{.spec.nodeName}").out == "Running/k8s-node2")
    }

    static let pinnedPods = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: plain
        spec:
          nodeName: k8s-node1
          containers:
          - name: c
            image: nginx
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: tolerant
        spec:
          nodeName: k8s-node1
          tolerations:
          - key: maintenance
            operator: Exists
            effect: NoExecute
          containers:
          - name: c
            image: nginx

        """

    /// Taint eviction deletes the pods on a NoExecute node that do not tolerate the taint.
    @Test func noExecuteEvictsPodsWithoutToleration() {
        let h = CommandHarness(files: ["pods.yaml": Self.pinnedPods])
        h.run("apply -f pods.yaml")
        h.cluster.advance(by: 10_000)
        #expect(h.run("get pods -o name") == Self.ok("pod/plain\npod/tolerant\n"))
        #expect(h.run("taint nodes k8s-node1 maintenance=now:NoExecute") == Self.ok("node/k8s-node1 tainted\n"))
        h.cluster.advance(by: 40_000)
        #expect(h.run("get pods -o name") == Self.ok("pod/tolerant\n"))
        #expect(h.run("get events --field-selector reason=TaintManagerEviction -o jsonpath={.items[*].message}").out
            == "Marking for deletion Pod default/plain")
    }
}
