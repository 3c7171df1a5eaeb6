import Testing

/// Seed 002 typed as the seed shows it. The seed assumes the chapter's earlier `sleep` Deployment,
/// so it is applied first. Its StatefulSet part is compared with what kubectl prints, and its Job
/// starts at once (Seed002JobsTests follows the Jobs and the CronJob further).
/// The `<크론잡 파일>` placeholders are typed as written, and bash refuses them as bash does.
@Suite struct Seed002VerbatimTests {
    static let transcript = WalkthroughHarness.run(folder: "seed002", script: """
        kubectl apply -f todo-list/db/
        kubectl apply -f sleep.yaml
        sleep 60
        kubectl get statefulset todo-db
        kubectl get pods -l app=todo-db
        kubectl exec deploy/sleep -- sh -c 'nslookup todo-db | grep "^[^*]"'
        kubectl exec deploy/sleep -- sh -c 'nslookup todo-db-0.todo-db.default.svc.cluster.local | grep "^[^*]"'
        kubectl apply -f pi-job.yaml
        kubectl get job pi-job
        kubectl get -l job-name=pi-job
        kubectl apply -f <크론잡 파일>
        kubectl get cronjob <크론잡 이름>
        """)

    func out(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: Self.transcript) }

    @Test func theStatefulSetRunsItsTwoPodsInOrder() {
        #expect(out("kubectl apply -f todo-list/db/") == [
            "secret/todo-db-secret created", "service/todo-db created", "statefulset.apps/todo-db created",
        ])
        #expect(SeedScrape.masked(out("kubectl get statefulset todo-db")) == ["NAME READY AGE", "todo-db 2/2 AGE"])
        #expect(SeedScrape.masked(out("kubectl get pods -l app=todo-db")) == [
            "NAME READY STATUS RESTARTS AGE", "todo-db-0 1/1 Running 0 AGE", "todo-db-1 1/1 Running 0 AGE",
        ])
    }

    /// busybox nslookup: the headless Service answers with both pods, the pod's name with one.
    @Test func theHeadlessServiceAndThePodResolveFromTheSleepPod() {
        #expect(SeedScrape.masked(out(#"kubectl exec deploy/sleep -- sh -c 'nslookup todo-db | grep "^[^*]"'"#)) == [
            "Server:\t\tIP", "Address:\tIP:53",
            "Name:\ttodo-db.default.svc.cluster.local", "Address: IP",
            "Name:\ttodo-db.default.svc.cluster.local", "Address: IP",
        ])
        #expect(SeedScrape.masked(out(#"kubectl exec deploy/sleep -- sh -c 'nslookup todo-db-0.todo-db.default.svc.cluster.local | grep "^[^*]"'"#)) == [
            "Server:\t\tIP", "Address:\tIP:53",
            "Name:\ttodo-db-0.todo-db.default.svc.cluster.local", "Address: IP",
        ])
    }

    @Test func theJobStartsItsPod() {
        #expect(out("kubectl apply -f pi-job.yaml") == ["job.batch/pi-job created"])
        #expect(out("kubectl get job pi-job") == [
            "NAME     STATUS    COMPLETIONS   DURATION   AGE", "pi-job   Running   0/1           0s         0s",
        ])
    }

    /// The seed's "pod logs" line has no resource type: kubectl v1.32 refuses it before any request.
    @Test func getWithOnlyASelectorIsRefusedAsKubectlDoes() {
        #expect(out("kubectl get -l job-name=pi-job") == [
            "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.",
            "", "error: Required resource not specified.",
            "Use \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).",
            "See 'kubectl get -h' for help and examples",
        ])
    }

    @Test func thePlaceholdersAreRedirectionsBashRefuses() {
        #expect(out("kubectl apply -f <크론잡 파일>") == ["bash: syntax error near unexpected token `newline'"])
        #expect(out("kubectl get cronjob <크론잡 이름>") == ["bash: syntax error near unexpected token `newline'"])
    }
}
