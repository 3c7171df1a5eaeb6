import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl create job` and `kubectl create cronjob` print, with `--dry-run=client`, the bytes
/// the real kubectl v1.32 printed (Golden/kubectl/create-job); without it they create objects
/// the Job and CronJob controllers run.
@Suite struct CreateJobTests {
    static let goldens: [(file: String, line: String)] = [
        ("pi-command.yaml", "create job pi --image=perl:5.34 --dry-run=client -o yaml -- perl -Mbignum=bpi -wle 'print bpi(2000)'"),
        ("namespaced.json", "create job pi --image=perl:5.34 -n batch --dry-run=client -o json"),
        ("cronjob-command.yaml", "create cronjob hello --image=busybox:1.28 --schedule='*/1 * * * *' --dry-run=client -o yaml -- date"),
        ("cronjob-restart-namespaced.json",
         "create cronjob hello --image=busybox:1.28 --schedule='0 3 * * *' --restart=Never -n batch --dry-run=client -o json"),
    ]

    @Test(arguments: goldens)
    func clientDryRunPrintsWhatKubectlPrints(_ golden: (file: String, line: String)) throws {
        let expected = try #require(GoldenFiles.kubectl("create-job/" + golden.file))
        #expect(CommandHarness().run(golden.line) == .init(out: expected, err: "", code: 0))
    }

    @Test func aCreatedJobStartsItsPod() {
        let h = CommandHarness()
        #expect(h.run("create job pi --image=perl:5.34 -- perl -e 'print 1'") == .init(out: "job.batch/pi created\n", err: "", code: 0))
        h.cluster.settle()
        let pods = h.names("pods")
        #expect(pods.count == 1 && pods[0].hasPrefix("pi-") && pods[0].count == "pi-".count + 5)
        #expect(h.run("get job pi -o jsonpath={.status.active}/{.spec.template.spec.restartPolicy}").out == "1/Never")
        #expect(h.run("create job pi --image=nginx")
            == .init(out: "", err: "error: failed to create job: jobs.batch \"pi\" already exists\n", code: 1))
    }

    @Test func aJobFromACronJobCarriesItsTemplateAndOwner() {
        let h = CommandHarness()
        _ = h.run("create cronjob hello --image=busybox:1.28 --schedule='0 0 1 1 *' -- date")
        #expect(h.run("create job manual --from=cronjob/hello") == .init(out: "job.batch/manual created\n", err: "", code: 0))
        let job = h.run("get job manual -o jsonpath={.metadata.annotations}|{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}|{.spec.template.spec.restartPolicy}")
        #expect(job.out == "{\"cronjob.kubernetes.io/instantiate\":\"manual\"}|CronJob/hello|OnFailure")
        #expect(h.run("create job m --from=cronjob/nope")
            == .init(out: "", err: "Error from server (NotFound): cronjobs.batch \"nope\" not found\n", code: 1))
        #expect(h.run("create job m --from=deployment/coredns -n kube-system")
            == .init(out: "", err: "error: unknown object type *v1.Deployment\n", code: 1))
    }

    /// A server dry run answers with what the registry would store, short of writing it: a uid,
    /// the creation time and the first generation, no resourceVersion; a taken name is refused.
    @Test func aServerDryRunCarriesTheRegistrysMetadata() {
        let h = CommandHarness()
        let fields = "-o jsonpath={.metadata.creationTimestamp}|{.metadata.generation}|{.metadata.resourceVersion}|{.metadata.uid}"
        for line in ["create job pi --image=perl:5.34 --dry-run=server", "create deployment web --image=nginx --dry-run=server"] {
            let out = h.run(line + " " + fields).out.split(separator: "|", omittingEmptySubsequences: false)
            #expect(out.count == 4 && out[0].hasSuffix("Z") && out[1] == "1" && out[2].isEmpty && out[3].count == 36, "\(line): \(out)")
        }
        #expect(h.run("get jobs,deployments -o name").out.isEmpty, "nothing was stored")
        h.run("create deployment web --image=nginx")
        #expect(h.run("create deployment web --image=nginx --dry-run=server")
            == .init(out: "", err: "error: failed to create deployment: deployments.apps \"web\" already exists\n", code: 1))
    }

    @Test func refusesWhatKubectlAndTheAPIServerRefuse() {
        let h = CommandHarness()
        #expect(h.run("create job x") == .init(out: "", err: "error: either --image or --from must be specified\n", code: 1))
        #expect(h.run("create job x --image=a --from=cronjob/y")
            == .init(out: "", err: "error: either --image or --from must be specified\n", code: 1))
        #expect(h.run("create job --image=a")
            == .init(out: "", err: "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n", code: 1))
        #expect(h.run("create cronjob c --image=busybox").err.hasSuffix("run.go:72] \"command failed\" err=\"required flag(s) \\\"schedule\\\" not set\"\n"))
        // cobra names every missing required flag at once, before it looks at the arguments.
        for line in ["create cronjob c", "create cronjob a b"] {
            let r = h.run(line)
            #expect(CreateGeneratorTests.withoutKlogHeader(r.err)
                == "E run.go:72] \"command failed\" err=\"required flag(s) \\\"image\\\", \\\"schedule\\\" not set\"\n")
            #expect(r.out == "" && r.code == 1)
        }
        #expect(h.run("create cronjob c --image=busybox --schedule='61 * * * *'") == .init(out: "", err:
            "error: failed to create cronjob: CronJob.batch \"c\" is invalid: spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61\n",
            code: 1))
        #expect(h.run("create cronjob c --image=busybox --schedule='* * * *'") == .init(out: "", err:
            "error: failed to create cronjob: CronJob.batch \"c\" is invalid: spec.schedule: Invalid value: \"* * * *\": expected exactly 5 fields, found 4: [* * * *]\n",
            code: 1))
    }

    /// polymorphichelpers' `SelectorsForObject` has no case for a CronJob, so kubectl refuses at
    /// once instead of waiting for a pod.
    @Test func logsOfACronJobAreRefused() {
        let h = CommandHarness()
        _ = h.run("create cronjob hello --image=busybox --schedule='*/1 * * * *' -- echo hello")
        #expect(h.run("logs cronjob/hello") == .init(out: "", err:
            "error: cannot get the logs from *v1.CronJob: selector for *v1.CronJob not implemented\n", code: 1))
        #expect(h.run("logs cm/kube-root-ca.crt") == .init(out: "", err:
            "error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n", code: 1))
        #expect(h.run("logs cronjob/nope")
            == .init(out: "", err: "Error from server (NotFound): cronjobs.batch \"nope\" not found\n", code: 1))
    }
}
