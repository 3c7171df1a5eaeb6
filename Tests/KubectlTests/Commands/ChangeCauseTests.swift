import KubeAPI
import Testing
@testable import Kubectl

/// The deprecated `--record` (genericclioptions.RecordFlags): the command line in the
/// `kubernetes.io/change-cause` annotation, which `rollout history` shows.
@Suite struct ChangeCauseTests {
    static let deprecation = "Flag --record has been deprecated, --record will be removed in the future\n"

    func cause(_ h: CommandHarness, _ target: String) -> String {
        h.run(args: ["get", target, "-o", #"jsonpath={.metadata.annotations.kubernetes\.io/change-cause}"#]).out
    }

    @Test func recordedChangesShowInTheHistory() {
        let h = CommandHarness()
        h.run("create deployment web --image=nginx")
        h.cluster.advance(by: 5_000)
        #expect(h.run("set image deployment/web nginx=nginx:1.27 --record")
            == .init(out: "deployment.apps/web image updated\n", err: Self.deprecation, code: 0))
        h.cluster.advance(by: 30_000)
        #expect(h.run("rollout history deployment/web").out == """
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>
            2         kubectl set image deployment/web nginx=nginx:1.27 --record=true


            """)
        // Without the flag a command records only over an existing cause; flags follow the
        // positional words, by their long names, in the order given.
        #expect(h.run("-n default scale deployment web --replicas=3 --timeout=1s") == .init(out: "deployment.apps/web scaled\n", err: "", code: 0))
        #expect(cause(h, "deployment/web") == "kubectl scale deployment web --namespace=default --replicas=3 --timeout=1s")
    }

    @Test func aTypedCauseWinsAndFalseRecordsNothing() {
        let h = CommandHarness()
        h.run("create deployment web --image=nginx")
        h.run("annotate deployment web team=a --record")
        #expect(cause(h, "deployment/web") == "kubectl annotate deployment web team=a --record=true")
        // annotate records before it applies its pairs.
        h.run(args: ["annotate", "deployment", "web", "kubernetes.io/change-cause=by hand", "--overwrite"])
        #expect(cause(h, "deployment/web") == "by hand")
        #expect(h.run("label deployment web tier=web --record=false") == .init(out: "deployment.apps/web labeled\n", err: Self.deprecation, code: 0))
        #expect(cause(h, "deployment/web") == "by hand")
        #expect(h.run(args: ["patch", "deployment", "web", "-p", #"{"spec":{"replicas":2}}"#, "--record"]).out == "deployment.apps/web patched\n")
        #expect(cause(h, "deployment/web") == #"kubectl patch deployment web --patch={"spec":{"replicas":2}} --record=true"#)
        // A patch that changes nothing still records (patch.go's second patch), and says so as before.
        #expect(h.run(args: ["patch", "deployment", "web", "-p", #"{"spec":{"replicas":2}}"#, "--record"]).out == "deployment.apps/web patched (no change)\n")
        // A client dry run writes nothing, and prints the object without the cause (annotate.go
        // and label.go record only in their server branch).
        #expect(h.run(args: ["label", "deployment", "web", "x=y", "--record", "--dry-run=client", "-o",
                             #"jsonpath={.metadata.labels.x} {.metadata.annotations.kubernetes\.io/change-cause}"#]).out
            == #"y kubectl patch deployment web --patch={"spec":{"replicas":2}} --record=true"#)
        #expect(cause(h, "deployment/web") == #"kubectl patch deployment web --patch={"spec":{"replicas":2}} --record=true"#)
    }

    @Test func createdObjectsCarryTheCause() {
        let h = CommandHarness()
        h.run("run r --image=nginx --record -- sleep 5")
        #expect(cause(h, "pod/r") == "kubectl run r sleep 5 --image=nginx --record=true")
        h.run("expose pod r --port=80 --record")
        #expect(cause(h, "service/r") == "kubectl expose pod r --port=80 --record=true")
        // The generators of `kubectl create` have no such flag.
        #expect(h.run("create deployment x --image=nginx --record").err
            == "Error: unknown flag: --record\nSee 'kubectl create deployment --help' for usage.\n")
    }

    @Test func applyRecordsIntoTheLastAppliedConfiguration() {
        let h = CommandHarness()
        h.write("web.yaml", RolloutCommandTests.deployment)
        #expect(h.run("apply -f web.yaml --record") == .init(out: "deployment.apps/web created\n", err: Self.deprecation, code: 0))
        #expect(cause(h, "deployment/web") == "kubectl apply --filename=web.yaml --record=true")
        let lastApplied = h.run(args: ["get", "deployment/web", "-o", #"jsonpath={.metadata.annotations.kubectl\.kubernetes\.io/last-applied-configuration}"#]).out
        #expect(lastApplied.contains(#""kubernetes.io/change-cause":"kubectl apply --filename=web.yaml --record=true""#))
    }

    @Test(arguments: [
        ("apply -f web.yaml --prune", "error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n"),
        ("apply -f web.yaml --prune --all --force", "error: --force cannot be used with --prune\n"),
        ("apply -f web.yaml --all -l a=b", "error: cannot set --all and --selector at the same time\n"),
        ("apply -f web.yaml --prune -l app=web",
         "error: kubelab does not simulate \"kubectl apply --prune\" yet; delete what the manifests no longer name with kubectl delete\n"),
    ])
    func pruneIsRefusedPlainly(_ line: String, _ err: String) {
        let h = CommandHarness()
        h.write("web.yaml", RolloutCommandTests.deployment)
        #expect(h.run(line) == .init(out: "", err: err, code: 1))
        #expect(h.names("deployments") == [])
    }
}
