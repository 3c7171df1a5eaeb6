import Testing
@testable import Kubectl

/// `kubectl diff`: LIVE against MERGED (apply's server dry run) as `diff -u -N` of two directories,
/// diff's exit code, and kubectl's own errors exiting with 2.
@Suite struct DiffCommandTests {
    static let two = Manifests.configMap("settings", data: "mode: one")
    static let changed = Manifests.configMap("settings", data: "mode: two")

    func harness() -> CommandHarness { CommandHarness(files: ["cm.yaml": Self.two, "cm2.yaml": Self.changed]) }

    /// The lines between the `+++` label and the end: the hunks, which hold no random part.
    static func hunks(_ out: String) -> String {
        out.components(separatedBy: "\n").drop { !$0.hasPrefix("+++ ") }.dropFirst().joined(separator: "\n")
    }

    @Test func anUnchangedObjectPrintsNothingAndExitsZero() {
        let h = harness()
        h.run("apply -f cm.yaml")
        #expect(h.run("diff -f cm.yaml") == .init(out: "", err: "", code: 0))
    }

    /// What apply would change, with the last-applied annotation it would write; diff's exit code 1.
    @Test func aChangeIsShownAsApplyWouldMakeIt() {
        let h = harness()
        h.run("apply -f cm.yaml")
        let r = h.run("diff -f cm2.yaml")
        #expect(r.code == 1 && r.err.isEmpty)
        let lines = r.out.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix("diff -u -N /tmp/LIVE-") && lines[0].hasSuffix("/v1.ConfigMap.default.settings"))
        #expect(lines[1].hasPrefix("--- /tmp/LIVE-") && lines[1].hasSuffix("/v1.ConfigMap.default.settings\t2025-06-02 09:00:00.000000000 +0000"))
        #expect(lines[2].hasPrefix("+++ /tmp/MERGED-"))
        #expect(Self.hunks(r.out) == """
            @@ -1,11 +1,11 @@
             apiVersion: v1
             data:
            -  mode: one
            +  mode: two
             kind: ConfigMap
             metadata:
               annotations:
                 kubectl.kubernetes.io/last-applied-configuration: |
            -      {"apiVersion":"v1","data":{"mode":"one"},"kind":"ConfigMap","metadata":{"name":"settings","namespace":"default"}}
            +      {"apiVersion":"v1","data":{"mode":"two"},"kind":"ConfigMap","metadata":{"name":"settings","namespace":"default"}}
               creationTimestamp: "2025-06-02T09:00:00Z"
               name: settings
               namespace: default

            """)
        // Nothing was changed, and the same command prints the same text.
        #expect(h.run("get cm settings -o jsonpath={.data.mode}").out == "one")
        #expect(h.run("diff -f cm2.yaml") == r)
    }

    /// A new object is an empty LIVE file dated at the epoch (-N), and MERGED is the dry-run create.
    @Test func aNewObjectIsDiffedAgainstNothing() {
        let h = harness()
        let r = h.run("diff -f cm.yaml")
        #expect(r.code == 1)
        let lines = r.out.components(separatedBy: "\n")
        #expect(lines[1].hasSuffix("/v1.ConfigMap.default.settings\t1970-01-01 00:00:00.000000000 +0000"))
        #expect(lines[3] == "@@ -0,0 +1,9 @@")
        #expect(lines[4...6] == ["+apiVersion: v1", "+data:", "+  mode: one"])
        #expect(h.names("configmaps").contains("settings") == false)
    }

    /// A Deployment's spec change also shows the generation the update would count.
    @Test func theGenerationAnUpdateWouldCountIsShown() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web"),
                                       "sts3.yaml": Manifests.statefulSet("web", replicas: 3)])
        h.run("apply -f sts.yaml")
        let hunks = Self.hunks(h.run("diff -f sts3.yaml").out)
        #expect(hunks.contains("\n-  generation: 1\n+  generation: 2\n"))
        #expect(hunks.contains("\n-  replicas: 1\n+  replicas: 3\n"))
    }

    /// diff.go's Masker: Secret values never show; a changed one is marked before and after.
    @Test func secretValuesAreMasked() {
        let h = harness()
        h.run(args: ["create", "secret", "generic", "db", "--from-literal=password=one", "--from-literal=user=me"])
        h.write("db.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: dHdv\n  user: bWU=\n")
        let hunks = Self.hunks(h.run("diff -f db.yaml").out)
        #expect(hunks.hasPrefix("@@ -1,9 +1,12 @@\n apiVersion: v1\n data:\n-  password: '*** (before)'\n+  password: '*** (after)'\n   user: '***'\n"))
    }

    /// Errors of kubectl itself exit with 2, above diff's 1, as CheckDiffErr makes them.
    @Test(arguments: [
        ("diff", "error: must specify one of -f and -k\n"),
        ("diff --bogus", "error: unknown flag: --bogus\nSee 'kubectl diff -h' for help and examples\n"),
        ("diff x -f cm.yaml", "error: Unexpected args: [x]\nSee 'kubectl diff -h' for help and examples\n"),
        ("diff -f cm.yaml --force-conflicts", "error: --force-conflicts only works with --server-side\n"),
        ("diff -f nope.yaml", "error: the path \"nope.yaml\" does not exist\n"),
        ("diff -f cm.yaml --server-side", "error: kubelab does not simulate \"kubectl diff --server-side\" yet\n"),
    ])
    func kubectlErrorsExitWithTwo(line: String, err: String) {
        #expect(harness().run(line) == .init(out: "", err: err, code: 2))
    }

    @Test func aServerErrorExitsWithTwo() {
        let h = harness()
        h.write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n")
        let r = h.run("diff -f bad.yaml")
        #expect(r.code == 2)
        #expect(r.err.hasPrefix("The ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\""))
    }
}
