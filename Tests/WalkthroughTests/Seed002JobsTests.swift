import Testing

/// Seed 002's Jobs and backup CronJob through the `kubelab run` driver: pi-job, pi-job-random
/// with its init container writing random digits, and todo-db-backup, whose `batch/v1beta1` is
/// refused as a v1.32 API server refuses it; corrected to `batch/v1` it writes a pg_dump file
/// into its claim every 2 minutes, one at a time under Forbid, and none while suspended.
@Suite struct Seed002JobsTests {
    static let transcript = WalkthroughHarness.run(folder: "seed002", script: """
        kubectl apply -f todo-list/db/
        sleep 60
        kubectl exec todo-db-1 -- psql -U postgres -c 'CREATE DATABASE todo'
        kubectl apply -f pi-job.yaml
        kubectl get job pi-job
        sleep 30
        kubectl get job pi-job
        kubectl get pods -l job-name=pi-job
        kubectl logs job/pi-job
        kubectl apply -f pi-job-random.yaml
        kubectl get pods -l job-name=pi-job-random
        sleep 30
        kubectl get job pi-job-random
        kubectl get pods -l job-name=pi-job-random
        kubectl logs -l job-name=pi-job-random
        kubectl logs job/pi-job-random
        kubectl apply -f backup/todo-db-env.yaml -f backup/todo-db-backup-pvc.yaml
        kubectl apply -f todo-db-backup-cronjob.yaml
        kubectl apply -f backup/todo-db-backup-cronjob.yaml
        kubectl get cronjob todo-db-backup
        sleep 360
        kubectl get cronjob todo-db-backup
        kubectl apply -f todo-db-backup-suspended.yaml
        sleep 600
        kubectl get cronjob todo-db-backup
        kubectl get jobs -l job-name
        kubectl apply -f backup-reader.yaml
        sleep 10
        kubectl exec backup-reader -- ls /backup
        kubectl describe cronjob todo-db-backup
        """)

    func out(_ command: String, occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    @Test func piJobComputesItsDigitsAndKeepsItsPod() {
        #expect(out("kubectl apply -f pi-job.yaml") == ["job.batch/pi-job created"])
        #expect(out("kubectl get job pi-job").last == "pi-job   Running   0/1           0s         0s")
        let done = out("kubectl get job pi-job", occurrence: 2)
        #expect(done.count == 2 && done[1].hasPrefix("pi-job   Complete   1/1"))
        let pods = JobWalkthroughTests.masked(out("kubectl get pods -l job-name=pi-job"))
        #expect(pods == ["NAME           READY   STATUS      RESTARTS   AGE", "pi-job-xxxxx   0/1     Completed   0          30s"])
        #expect(out("kubectl logs job/pi-job") == ["3.14159265358979323846264338327950288419716939937510"])
    }

    @Test func piJobRandomRunsThreePodsWithTheirOwnDigits() {
        let first = out("kubectl get pods -l job-name=pi-job-random")
        #expect(first.count == 4 && first.dropFirst().allSatisfy { $0.contains("Init:0/1") || $0.contains("Pending") })
        #expect(out("kubectl get job pi-job-random").last?.hasPrefix("pi-job-random   Complete   3/3") == true)
        let pods = out("kubectl get pods -l job-name=pi-job-random", occurrence: 2)
        #expect(pods.count == 4 && pods.dropFirst().allSatisfy { $0.contains("Completed") })
        let logs = out("kubectl logs -l job-name=pi-job-random")
        #expect(logs.count == 3 && logs.allSatisfy { $0.hasPrefix("3.14159") })
        let logged = out("kubectl logs job/pi-job-random")
        #expect(logged.first?.hasPrefix("Found 3 pods, using pod/pi-job-random-") == true)
        #expect(logged.dropFirst().first == "Defaulted container \"pi\" out of: pi, init-dp (init)")
    }

    @Test func theBetaCronJobIsRefusedAndTheV1OneBacksUpEveryTwoMinutes() {
        #expect(out("kubectl apply -f todo-db-backup-cronjob.yaml") == [
            "error: resource mapping not found for name: \"todo-db-backup\" namespace: \"\" from \"todo-db-backup-cronjob.yaml\": no matches for kind \"CronJob\" in version \"batch/v1beta1\"",
            "ensure CRDs are installed first",
        ])
        #expect(out("kubectl apply -f backup/todo-db-backup-cronjob.yaml") == ["cronjob.batch/todo-db-backup created"])
        #expect(out("kubectl get cronjob todo-db-backup") == [
            "NAME             SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE",
            "todo-db-backup   */2 * * * *   <none>     False     0        <none>          0s",
        ])
        #expect(out("kubectl get cronjob todo-db-backup", occurrence: 2).last
            == "todo-db-backup   */2 * * * *   <none>     False     0        2m              6m")
        #expect(out("kubectl apply -f todo-db-backup-suspended.yaml") == ["cronjob.batch/todo-db-backup configured"])
        #expect(out("kubectl get cronjob todo-db-backup", occurrence: 3).last
            == "todo-db-backup   */2 * * * *   <none>     True      0        12m             16m")
        // Created at 09:02, it backs up at 09:04 and 09:06; suspended at 09:08, it writes nothing more.
        #expect(out("kubectl exec backup-reader -- ls /backup") == ["250602-0904.tar", "250602-0906.tar"])
        let events = out("kubectl describe cronjob todo-db-backup").drop { !$0.hasPrefix("Events:") }.dropFirst(3)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).joined(separator: " ") }
        #expect(events == [
            "cronjob-controller Created job todo-db-backup-29147584",
            "cronjob-controller Saw completed job: todo-db-backup-29147584, condition: Complete",
            "cronjob-controller Created job todo-db-backup-29147586",
            "cronjob-controller Saw completed job: todo-db-backup-29147586, condition: Complete",
        ])
    }
}
