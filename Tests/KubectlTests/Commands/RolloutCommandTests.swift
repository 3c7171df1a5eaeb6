import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl rollout` against a sandbox: status as the clock moves, history, undo, restart, pause and resume.
@Suite struct RolloutCommandTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: nginx
                image: nginx:1.27

        """

    static let daemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels:
              app: agent
          template:
            metadata:
              labels:
                app: agent
            spec:
              containers:
              - name: agent
                image: busybox:1.36

        """

    /// cobra's DefaultSubCommandRun: `kubectl rollout` alone prints its help on standard output
    /// and exits 1 (as /usr/bin/kubectl v1.32 does).
    @Test func rolloutAloneIsItsHelpAndExitStatusOne() {
        #expect(CommandHarness().run("rollout") == .init(out: RolloutCommand.help, err: "", code: 1))
    }

    @Test func statefulSetStatusWaitsForEveryPodThenReportsThePartition() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web", replicas: 2)])
        h.run("apply -f sts.yaml")
        let r = h.run("rollout status sts web")
        #expect(r.code == 0 && r.err == "")
        #expect(r.out.hasPrefix("Waiting for 2 pods to be ready...\n"))
        #expect(r.out.hasSuffix("Waiting for 1 pods to be ready...\npartitioned roll out complete: 2 new pods have been updated...\n"))
        #expect(h.run("get sts web -o jsonpath={.status.readyReplicas}").out == "2", "the wait moved the clock until both were ready")
    }

    @Test func partitionedRollOutWaitsForThePodsAboveThePartition() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web", replicas: 3)])
        h.run("apply -f sts.yaml")
        h.run("rollout status sts web")
        h.run(#"patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":1}}}}'"#)
        h.run(#"patch sts web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.28"}]'"#)
        let r = h.run("rollout status sts web")
        #expect(r.out.hasPrefix("Waiting for partitioned roll out to finish: 0 out of 2 new pods have been updated...\n"))
        #expect(r.out.contains("Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n"))
        #expect(r.out.hasSuffix("partitioned roll out complete: 2 new pods have been updated...\n"))
        #expect(h.run("get pods '-o=jsonpath={range .items[*]}{.spec.containers[0].image}{\" \"}{end}'").out == "nginx:1.27 nginx:1.28 nginx:1.28 ")
    }

    @Test func statusWithoutWatchTimeoutAndOnDelete() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web", replicas: 2)])
        h.run("apply -f sts.yaml")
        #expect(h.run("rollout status sts web --watch=false") == .init(out: "Waiting for 2 pods to be ready...\n", err: "", code: 0))
        #expect(h.run("rollout status sts/web --timeout=1s")
            == .init(out: "Waiting for 2 pods to be ready...\n", err: "error: timed out waiting for the condition\n", code: 1))
        h.run(#"patch sts web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'"#)
        #expect(h.run("rollout status sts web")
            == .init(out: "", err: "error: rollout status is only available for RollingUpdate strategy type\n", code: 1))
        #expect(h.run("rollout status sts nope") == .init(out: "", err: "Error from server (NotFound): statefulsets.apps \"nope\" not found\n", code: 1))
        #expect(h.run("rollout status cm kube-root-ca.crt") == .init(out: "", err: "error: no status viewer has been implemented for ConfigMap\n", code: 1))
        #expect(h.run("rollout status") == .init(out: "", err: "error: required resource not specified\n", code: 1))
        #expect(h.run("rollout status sts -n kube-public") == .init(out: "", err: "No resources found in kube-public namespace.\n", code: 0))
    }

    /// The DaemonSet texts follow the controller's status: pods created but not yet available, then rolled out.
    @Test func daemonSetStatusFollowsTheController() {
        let h = CommandHarness(files: ["ds.yaml": Self.daemonSet])
        h.run("apply -f ds.yaml")
        #expect(h.run("rollout status ds agent --watch=false")
            == .init(out: "Waiting for daemon set \"agent\" rollout to finish: 0 of 2 updated pods are available...\n", err: "", code: 0))
        let r = h.run("rollout status ds agent")
        #expect(r.code == 0)
        #expect(r.out.hasPrefix("Waiting for daemon set \"agent\" rollout to finish: 0 of 2 updated pods are available...\n"))
        #expect(r.out.hasSuffix("daemon set \"agent\" successfully rolled out\n"))
        h.run(#"patch ds agent -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'"#)
        #expect(h.run("rollout status ds agent").err == "error: rollout status is only available for RollingUpdate strategy type\n")
    }

    /// The Deployment names the revision it runs (without a new generation), its ReplicaSets carry its
    /// change-cause, and an undo makes the old template the newest revision again.
    @Test func deploymentRevisionsFollowUndo() {
        let h = CommandHarness()
        h.run("create deployment web --image=nginx:1.25 --replicas=2")
        h.cluster.advance(by: 20_000)
        #expect(h.run("get deploy web -o jsonpath={.metadata.generation}/{.metadata.annotations.deployment\\.kubernetes\\.io/revision}").out == "1/1")
        h.run(args: ["annotate", "deployment", "web", "kubernetes.io/change-cause=image 1.26"])
        h.run("set image deployment/web nginx=nginx:1.26")
        h.cluster.advance(by: 30_000)
        #expect(h.run("get deploy web -o jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}").out == "2")
        // The history viewer's revisions of a Deployment are its ReplicaSets: their template keeps
        // the pod-template-hash label (on its own tab-led line, printLabelsMultiline's form).
        let hash = h.run("get rs -l app=web --sort-by=.metadata.creationTimestamp -o jsonpath={.items[0].metadata.labels.pod-template-hash}").out
        #expect(h.run("rollout history deployment web --revision=1").out.hasPrefix(
            "deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=\(hash)\n  Containers:\n"))
        #expect(h.run("rollout history deployment web -o name").out.split(separator: "\n").map { $0.hasPrefix("replicaset.apps/web-") } == [true, true])
        // DeploymentRollbacker prints only the template (no "will roll back to"), then ` (dry run)`.
        let dryRun = h.run("rollout undo deployment web --dry-run=client").out
        #expect(dryRun.hasPrefix("deployment.apps/web Pod Template:\n  Labels:"))
        #expect(dryRun.hasSuffix("  Tolerations:\t<none>\n (dry run)\n"))
        #expect(h.run("rollout undo deployment web").out == "deployment.apps/web rolled back\n")
        h.cluster.advance(by: 30_000)
        // set image (without --record) overwrote the cause annotated before it, as upstream's
        // ChangeCauseUpdateRecorder does; the docs annotate after the change for that reason.
        #expect(h.run("rollout history deployment web").out
            == "deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         kubectl set image deployment/web nginx=nginx:1.26\n3         kubectl set image deployment/web nginx=nginx:1.26\n\n")
        #expect(h.run("rollout status deploy web --revision=3").out == "deployment \"web\" successfully rolled out\n")
        #expect(h.run("get deploy web -o jsonpath={.spec.template.spec.containers[0].image}").out == "nginx:1.25")
    }

    @Test func deploymentStatusPauseResumeRestart() {
        let h = CommandHarness(files: ["d.yaml": Self.deployment])
        h.run("apply -f d.yaml")
        let r = h.run("rollout status deployment/web")
        #expect(r.code == 0)
        #expect(r.out.hasSuffix("deployment \"web\" successfully rolled out\n"))
        #expect(r.out.contains("Waiting for deployment \"web\" rollout to finish: "))
        #expect(h.run("rollout pause deploy web") == .init(out: "deployment.apps/web paused\n", err: "", code: 0))
        #expect(h.run("rollout pause deploy web") == .init(out: "", err: "error: deployments.apps \"web\" is already paused\n", code: 1))
        #expect(h.run("rollout restart deploy web")
            == .init(out: "", err: "error: deployments.apps \"web\" can't restart paused deployment (run rollout resume first)\n", code: 1))
        #expect(h.run("rollout undo deploy web")
            == .init(out: "", err: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n", code: 1))
        #expect(h.run("rollout resume deploy web") == .init(out: "deployment.apps/web resumed\n", err: "", code: 0))
        #expect(h.run("rollout resume deploy web") == .init(out: "", err: "error: deployments.apps \"web\" is not paused\n", code: 1))
        #expect(h.run("rollout restart deploy web") == .init(out: "deployment.apps/web restarted\n", err: "", code: 0))
        #expect(h.run("rollout restart deploy web").err
            == "error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n")
        #expect(!h.run("get deploy web -o jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}").out.isEmpty)
        #expect(h.run("rollout history deploy web").out == "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n")
    }

    /// The patch restoring a ReplicaSet's template travels as JSON; the stored template keeps its
    /// key order, so the Deployment controller finds the old ReplicaSet again and scales it back up.
    @Test func deploymentUndoGoesBackToTheOldReplicaSet() {
        let h = CommandHarness(files: ["d.yaml": Self.deployment])
        h.run("apply -f d.yaml")
        h.run("rollout status deploy/web")
        h.run("set image deploy/web nginx=nginx:1.28")
        h.run("rollout status deploy/web")
        #expect(h.run("rollout undo deploy/web --to-revision=2")
            == .init(out: "deployment.apps/web skipped rollback (current template already matches revision 2)\n", err: "", code: 0))
        #expect(h.run("rollout undo deploy/web") == .init(out: "deployment.apps/web rolled back\n", err: "", code: 0))
        #expect(h.run("rollout status deploy/web").out.hasSuffix("deployment \"web\" successfully rolled out\n"))
        #expect(h.run("get deploy web -o jsonpath={.spec.template.spec.containers[0].image}").out == "nginx:1.27")
        #expect(h.run("get rs -o name").out.split(separator: "\n").count == 2, "no third ReplicaSet")
    }

    @Test func statefulSetPauseIsNotSupported() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web")])
        h.run("apply -f sts.yaml")
        #expect(h.run("rollout pause sts web") == .init(out: "", err: "error: statefulsets.apps \"web\" pausing is not supported\n", code: 1))
        #expect(h.run("rollout resume statefulset/web") == .init(out: "", err: "error: statefulsets.apps \"web\" resuming is not supported\n", code: 1))
        #expect(h.run("rollout restart sts web") == .init(out: "statefulset.apps/web restarted\n", err: "", code: 0))
        // cobra's DefaultSubCommandRun names every positional word.
        #expect(h.run("rollout bogus sts web") == .init(out: "", err: "error: unknown command \"bogus sts web\"\nSee 'kubectl rollout -h' for help and examples\n", code: 1))
    }

    @Test func historyAndUndoOfAStatefulSet() {
        let h = CommandHarness(files: ["sts.yaml": Manifests.statefulSet("web")])
        h.run("apply -f sts.yaml")
        h.run("rollout status sts web")
        #expect(h.run("rollout undo sts web") == .init(out: "", err: "error: no last revision to roll back to\n", code: 1))
        h.run(#"patch sts web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.28"}]'"#)
        h.run("rollout status sts web")
        #expect(h.run("rollout history sts web") == .init(out: "statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n", err: "", code: 0))
        // printTemplate writes with a PrefixWriter straight to a buffer: no tabwriter aligns it.
        #expect(h.run("rollout history sts web --revision=2").out == "statefulset.apps/web with revision #2\nPod Template:\n"
            + "  Labels:\tapp=web\n  Containers:\n   nginx:\n    Image:\tnginx:1.28\n    Port:\t<none>\n    Host Port:\t<none>\n"
            + "    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n")
        #expect(h.run("rollout history sts web --revision=7") == .init(out: "", err: "error: unable to find the specified revision\n", code: 1))
        #expect(h.run("rollout undo sts web --to-revision=9") == .init(out: "", err: "error: unable to find specified revision 9 in history\n", code: 1))
        #expect(h.run("rollout undo sts web --to-revision=2")
            == .init(out: "statefulset.apps/web skipped rollback (current template already matches revision 2)\n", err: "", code: 0))
        let dryRun = h.run("rollout undo sts web --dry-run=client").out
        #expect(dryRun.hasPrefix("statefulset.apps/web will roll back to Pod Template:\n"))
        #expect(dryRun.hasSuffix("  Tolerations:\t<none>\n (dry run)\n"), "the name printer's operation ends with ` (dry run)`")
        #expect(h.run("rollout undo sts web") == .init(out: "statefulset.apps/web rolled back\n", err: "", code: 0))
        h.run("rollout status sts web")
        #expect(h.run("get pod web-0 -o jsonpath={.spec.containers[0].image}").out == "nginx:1.27")
        #expect(h.run("rollout history sts web").out == "statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n",
                "the restored revision is renumbered, as the controller does")
    }

    /// cobra finds the subcommand first: only its own flags parse, and the usage hint names it.
    @Test(arguments: [
        ("rollout undo sts web --to-revision=abc",
         "Error: invalid argument \"abc\" for \"--to-revision\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl rollout undo --help' for usage.\n"),
        ("rollout -n x undo sts web --to-revision=abc",
         "Error: invalid argument \"abc\" for \"--to-revision\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl rollout undo --help' for usage.\n"),
        ("rollout status deploy --all", "Error: unknown flag: --all\nSee 'kubectl rollout status --help' for usage.\n"),
        ("rollout status sts/web --to-revision=1", "Error: unknown flag: --to-revision\nSee 'kubectl rollout status --help' for usage.\n"),
        ("rollout history sts web --timeout=5s", "Error: unknown flag: --timeout\nSee 'kubectl rollout history --help' for usage.\n"),
        ("rollout restart sts web --revision=3", "Error: unknown flag: --revision\nSee 'kubectl rollout restart --help' for usage.\n"),
        ("rollout pause deploy web --dry-run=client", "Error: unknown flag: --dry-run\nSee 'kubectl rollout pause --help' for usage.\n"),
    ])
    func flagErrorsNameTheSubcommand(line: String, err: String) {
        #expect(CommandHarness().run(line) == .init(out: "", err: err, code: 1))
    }
}
