import Testing
@testable import Kubectl

/// The verbs end to end against a sandbox: what goes to stdout, stderr and the exit code.
@Suite struct VerbWiringTests {
    @Test func getSeveralNamesSomeMissing() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("a") + "---\n" + Manifests.configMap("b")])
        h.run("apply -f x.yaml")
        let r = h.run("get cm a nope b nope2 -o name")
        #expect(r == .init(out: "configmap/a\nconfigmap/b\n", err: "Error from server (NotFound): configmaps \"nope\" not found\nError from server (NotFound): configmaps \"nope2\" not found\n", code: 1))
        let missing = h.run("get cm nope")
        #expect(missing == .init(out: "", err: "Error from server (NotFound): configmaps \"nope\" not found\n", code: 1))
        #expect(h.run("get cm nope --ignore-not-found") == .init(out: "", err: "", code: 0))
    }

    @Test func yamlOfOneNameIsBareAndOfATypeIsAList() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("a")])
        h.run("apply -f x.yaml")
        #expect(h.run("get cm a -o yaml").out.hasPrefix("apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\n"))
        #expect(h.run("get cm -o yaml").out.hasPrefix("apiVersion: v1\nitems:\n- apiVersion: v1\n"))
        #expect(h.run("get cm/a -o jsonpath={.data.a}").out == "b")
        #expect(h.run("get -f x.yaml -o jsonpath={.data.a}").out == "b")
        #expect(h.run("get cm/a cm/nope -o jsonpath={.kind}").out == "List")
        #expect(h.run("get cm -o jsonpath={.items[*].metadata.name}").out == "a kube-root-ca.crt")
        #expect(h.run("get cm a -o custom-columns=NAME:.metadata.name,A:.data.a").out == "NAME   A\na      b\n")
    }

    @Test func applyReportsCreatedUnchangedConfigured() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web"), "svc.yaml": Manifests.service("web")])
        #expect(h.run("apply -f sts.yaml") == .init(out: "statefulset.apps/web created\n", err: "", code: 0))
        #expect(h.run("apply -f sts.yaml") == .init(out: "statefulset.apps/web unchanged\n", err: "", code: 0))
        h.write("sts.yaml", Manifests.statefulSet("web", replicas: 3))
        #expect(h.run("apply -f sts.yaml") == .init(out: "statefulset.apps/web configured\n", err: "", code: 0))
        #expect(h.run("get sts web -o jsonpath={.spec.replicas}").out == "3")

        #expect(h.run("apply -f svc.yaml").out == "service/web created\n")
        let ip = h.run("get svc web -o jsonpath={.spec.clusterIP}").out
        #expect(!ip.isEmpty && ip != "None")
        #expect(h.run("apply -f svc.yaml").out == "service/web unchanged\n")
        #expect(h.run("get svc web -o jsonpath={.spec.clusterIP}").out == ip)
    }

    /// A manifest that names `type: RollingUpdate` and later `type: OnDelete` applies both times, as on
    /// a real cluster (the explicit type got no defaulted rollingUpdate to leave behind).
    @Test func applySwitchesAnExplicitUpdateStrategyToOnDelete() {
        let rolling = Manifests.statefulSet("web").replacingOccurrences(of: "  replicas: 1\n", with: "  replicas: 1\n  updateStrategy:\n    type: RollingUpdate\n")
        let h = CommandHarness(files: ["sts.yaml": rolling])
        #expect(h.run("apply -f sts.yaml").code == 0)
        h.write("sts.yaml", rolling.replacingOccurrences(of: "type: RollingUpdate", with: "type: OnDelete"))
        #expect(h.run("apply -f sts.yaml") == .init(out: "statefulset.apps/web configured\n", err: "", code: 0))
        #expect(h.run("get sts web -o jsonpath={.spec.updateStrategy}").out == "{\"type\":\"OnDelete\"}")
    }

    @Test func createTwiceIsAlreadyExists() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("x")])
        #expect(h.run("create -f x.yaml") == .init(out: "configmap/x created\n", err: "", code: 0))
        #expect(h.run("create -f x.yaml") == .init(out: "", err: "Error from server (AlreadyExists): error when creating \"x.yaml\": configmaps \"x\" already exists\n", code: 1))
    }

    @Test func deleteFromFileTwice() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("x")])
        h.run("apply -f x.yaml")
        #expect(h.run("delete -f x.yaml") == .init(out: "configmap \"x\" deleted\n", err: "", code: 0))
        #expect(h.run("delete -f x.yaml") == .init(out: "", err: "Error from server (NotFound): error when deleting \"x.yaml\": configmaps \"x\" not found\n", code: 1))
        #expect(h.run("delete -f x.yaml --ignore-not-found") == .init(out: "", err: "", code: 0))
        #expect(h.run("delete cm x --ignore-not-found") == .init(out: "", err: "", code: 0))
        #expect(h.run("delete cm x") == .init(out: "", err: "Error from server (NotFound): configmaps \"x\" not found\n", code: 1))
    }

    @Test func gracePeriodZeroWithoutForceDeletesNormally() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("x")])
        h.run("apply -f x.yaml")
        #expect(h.run("delete cm x --grace-period=0") == .init(out: "configmap \"x\" deleted\n", err: "", code: 0))
    }

    @Test func dryRunsChangeNothing() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("x")])
        #expect(h.run("apply -f x.yaml --dry-run=client") == .init(out: "configmap/x created (dry run)\n", err: "", code: 0))
        #expect(h.run("apply -f x.yaml --dry-run=server") == .init(out: "configmap/x created (server dry run)\n", err: "", code: 0))
        #expect(h.run("create -f x.yaml --dry-run=client -o name") == .init(out: "configmap/x\n", err: "", code: 0))
        #expect(!h.names("configmaps").contains("x"))
        h.run("apply -f x.yaml")
        #expect(h.run("delete cm x --dry-run=client") == .init(out: "configmap \"x\" deleted (dry run)\n", err: "", code: 0))
        #expect(h.names("configmaps").contains("x"))
        #expect(h.run("delete -f x.yaml -o name") == .init(out: "configmap/x\n", err: "", code: 0))
    }

    @Test func applyPrintsEachObjectOnItsOwn() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("a") + "---\n" + Manifests.configMap("b")])
        #expect(h.run("apply -f x.yaml -o name").out == "configmap/a\nconfigmap/b\n")
        let yaml = h.run("apply -f x.yaml -o yaml").out
        #expect(yaml.hasPrefix("apiVersion: v1\ndata:\n"))
        #expect(yaml.contains("\n---\napiVersion: v1\ndata:\n"))
    }

    @Test func scaleVerb() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web")])
        h.run("apply -f sts.yaml")
        #expect(h.run("scale sts web --replicas 3") == .init(out: "statefulset.apps/web scaled\n", err: "", code: 0))
        #expect(h.run("scale sts/web --replicas=2 --current-replicas=5") == .init(out: "", err: "error: Expected replicas to be 5, was 3\n", code: 1))
        // A missing name beside a found one is dropped silently, as kubectl scale does.
        #expect(h.run("scale sts web nope --replicas=1") == .init(out: "statefulset.apps/web scaled\n", err: "", code: 0))
        #expect(h.run("scale sts web --replicas=2 -o name") == .init(out: "statefulset.apps/web\n", err: "", code: 0))
    }

    @Test func getSeveralTypesPrintsBlocks() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web"), "svc.yaml": Manifests.service("web", headless: true)])
        h.run("apply -f sts.yaml")
        h.run("apply -f svc.yaml")
        h.cluster.advance(by: 30_000)
        let r = h.run("get sts,po,svc")
        let blocks = r.out.components(separatedBy: "\n\n")
        #expect(blocks.count == 3)
        #expect(blocks[0].hasPrefix("NAME                   READY   AGE\nstatefulset.apps/web   1/1     30s"))
        #expect(blocks[1].hasPrefix("NAME        READY   STATUS    RESTARTS   AGE\npod/web-0   1/1     Running   0"))
        #expect(blocks[2].contains("service/web          ClusterIP   None "))
        #expect(h.run("get all").out.contains("statefulset.apps/web"))
        #expect(h.run("get po -l app=web -o name").out == "pod/web-0\n")
        #expect(h.run("get po -l app=nope") == .init(out: "", err: "No resources found in default namespace.\n", code: 0))
        #expect(h.run("get po -A --show-labels").out.contains("default       web-0 "))
    }

    /// kubectl prefixes kinds when the server answered for several types, even if only one has rows:
    /// a fresh cluster's `get all` shows `service/kubernetes`.
    @Test func severalTypesRequestedPrefixKindsEvenWhenOneTypeHasRows() {
        let h = CommandHarness()
        let all = h.run("get all")
        #expect(all.out.hasPrefix("NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n"
                                  + "service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   "))
        #expect(all.out.components(separatedBy: "\n").count == 3)
        #expect(h.run("get sts,svc").out == all.out)
        #expect(h.run("get svc").out.hasPrefix("NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   "))
        // A name that is not found is an error, not an answer: one type answered, no prefix.
        let named = h.run("get sts/nope svc/kubernetes")
        #expect(named.out.hasPrefix("NAME         TYPE"))
        #expect(named.err == "Error from server (NotFound): statefulsets.apps \"nope\" not found\n")
    }

    @Test func explainErrors() {
        let h = CommandHarness()
        #expect(h.run("explain foo") == .init(out: "", err: "error: the server doesn't have a resource type \"foo\"\n", code: 1))
        #expect(h.run("explain sts.spec.bogus") == .init(out: "", err: "error: field \"bogus\" does not exist\n", code: 1))
        #expect(h.run("explain sts.spec.replicas").out.hasPrefix("GROUP:      apps\nKIND:       StatefulSet\nVERSION:    v1\n\nFIELD: replicas <integer>\n"))
    }

    @Test func versionAndAPIResources() {
        let h = CommandHarness()
        #expect(h.run("version") == .init(out: "Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n", err: "", code: 0))
        let lines = h.run("api-resources").out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("NAME") == true)
        #expect(lines.first?.contains("SHORTNAMES") == true)
        #expect(lines.first == "NAME                     SHORTNAMES   APIVERSION                     NAMESPACED   KIND")
        #expect(lines.contains("statefulsets             sts          apps/v1                        true         StatefulSet"))
    }
}

@Suite struct DescribeAndSortTests {
    @Test func describeMixesFoundAndMissing() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("a")])
        h.run("apply -f x.yaml")
        let r = h.run("describe cm a nope")
        #expect(r.code == 1)
        #expect(r.out.hasPrefix("Name:         a\nNamespace:    default\n"))
        #expect(r.err == "Error from server (NotFound): configmaps \"nope\" not found\n")
        #expect(h.run("describe pods -n nope") == .init(out: "", err: "No resources found in nope namespace.\n", code: 0))
        #expect(h.run("describe") == .init(out: "", err: "error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n", code: 1))
    }

    @Test func sortByNameAcrossNamespaces() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("zz") + "---\n" + Manifests.configMap("aa")])
        h.run("apply -f x.yaml")
        #expect(h.run("get cm --sort-by=.metadata.name -o name").out == "configmap/aa\nconfigmap/kube-root-ca.crt\nconfigmap/zz\n")
        #expect(h.run("get cm -o name").out == "configmap/aa\nconfigmap/kube-root-ca.crt\nconfigmap/zz\n")
        let all = h.run("get cm -A --no-headers").out.split(separator: "\n").map { $0.split(separator: " ")[0] }
        #expect(all == ["default", "default", "default", "kube-node-lease", "kube-public", "kube-system", "kube-system"])
    }
}

@Suite struct DryRunTests {
    /// `--dry-run=client` sends nothing: the manifest comes back as read, bad fields and all.
    @Test func clientDryRunPrintsTheManifestAsRead() {
        let bad = Manifests.configMap("x") + "bogus: 1\n"
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("x"), "bad.yaml": bad])
        #expect(h.run("create -f x.yaml --dry-run=client -o yaml").out == "apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: default\n")
        #expect(h.run("apply -f bad.yaml --dry-run=client") == .init(out: "configmap/x created (dry run)\n", err: "", code: 0))
        #expect(h.run("apply -f bad.yaml --dry-run=server").err.hasPrefix("Error from server (BadRequest): error when creating \"bad.yaml\": ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown field \"bogus\""))
        h.run("apply -f x.yaml")
        #expect(h.run("apply -f x.yaml --dry-run=client") == .init(out: "configmap/x configured (dry run)\n", err: "", code: 0))
        #expect(h.run("apply -f x.yaml --dry-run=server") == .init(out: "configmap/x unchanged (server dry run)\n", err: "", code: 0))
    }

    @Test func applyOverCreateWarnsOnce() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web")])
        h.run("create -f sts.yaml")
        h.write("sts.yaml", Manifests.statefulSet("web", replicas: 2))
        #expect(h.run("apply -f sts.yaml") == .init(out: "statefulset.apps/web configured\n", err: "Warning: resource statefulsets.apps/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n", code: 0))
        #expect(h.run("apply -f sts.yaml") == .init(out: "statefulset.apps/web unchanged\n", err: "", code: 0))
    }
}

@Suite struct PartialFailureTests {
    @Test func tableRowsAndNotFoundSplitAcrossStreams() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("a")])
        h.run("apply -f x.yaml")
        h.cluster.advance(by: 5_000)
        #expect(h.run("get cm a nope") == .init(out: "NAME   DATA   AGE\na      1      5s\n", err: "Error from server (NotFound): configmaps \"nope\" not found\n", code: 1))
        #expect(h.run("delete cm nope a") == .init(out: "configmap \"a\" deleted\n", err: "Error from server (NotFound): configmaps \"nope\" not found\n", code: 1))
        #expect(h.names("configmaps") == ["kube-root-ca.crt"])
    }
}
