import Testing

/// The Job features of issue 11 through `kubelab run`: the website's Job and CronJob example
/// pages run verbatim, an index that fails past backoffLimitPerIndex, and a success policy.
@Suite struct JobPolicyWalkthroughTests {
    static let masked = JobWalkthroughTests.masked

    /// The CronJob task page (tasks/job/automated-tasks-with-cron-jobs), its commands as written;
    /// the job name is the one this seed's clock gives the first run.
    static let cronJobPage = WalkthroughHarness.run(folder: "jobpolicy", script: """
        kubectl create -f https://k8s.io/examples/application/job/cronjob.yaml
        kubectl get cronjob hello
        sleep 45
        kubectl get jobs --watch
        kubectl get cronjob hello
        pods=$(kubectl get pods --selector=job-name=hello-29147581 --output=jsonpath={.items[*].metadata.name})
        kubectl logs $pods
        kubectl delete cronjob hello
        kubectl get jobs
        """)

    @Test func theCronJobPageRunsVerbatim() {
        let out = { WalkthroughHarness.output(of: $0, in: Self.cronJobPage) }
        #expect(out("kubectl create -f https://k8s.io/examples/application/job/cronjob.yaml") == ["cronjob.batch/hello created"])
        #expect(out("kubectl get cronjob hello") == [
            "NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE",
            "hello   * * * * *   <none>     False     0        <none>          0s",
        ])
        // The page's three rows: the pod exits before the kubelet's next relist, so it is never
        // reported running (no row for it turning ready), and the job's next pass, a batch period
        // after the pod's exit, counts it done. (The page's run took 5 s; this seed's pull, 6 s.)
        #expect(out("kubectl get jobs --watch") == [
            "NAME             STATUS    COMPLETIONS   DURATION   AGE",
            "hello-29147581   Running   0/1                      0s",
            "hello-29147581   Running   0/1           0s         0s",
            "hello-29147581   Complete   1/1           6s         6s",
        ])
        #expect(WalkthroughHarness.output(of: "kubectl get cronjob hello", in: Self.cronJobPage, occurrence: 2) == [
            "NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE",
            "hello   * * * * *   <none>     False     0        37s             97s",
        ])
        #expect(out("pods=$(kubectl get pods --selector=job-name=hello-29147581 --output=jsonpath={.items[*].metadata.name})") == [])
        #expect(out("kubectl logs $pods") == ["Mon Jun  2 09:01:04 UTC 2025", "Hello from the Kubernetes cluster"])
        #expect(out("kubectl delete cronjob hello") == ["cronjob.batch \"hello\" deleted"])
        // Deleting the CronJob deletes its jobs (and their pods) too.
        #expect(out("kubectl get jobs") == ["No resources found in default namespace."])
    }

    static let jobPage = WalkthroughHarness.run(folder: "jobpolicy", script: """
        kubectl apply -f https://kubernetes.io/examples/controllers/job.yaml
        sleep 60
        kubectl get jobs
        pods=$(kubectl get pods --selector=batch.kubernetes.io/job-name=pi --output=jsonpath='{.items[*].metadata.name}')
        echo $pods
        kubectl logs $pods | cut -c1-20
        kubectl create -f https://k8s.io/examples/controllers/job.yaml
        """)

    @Test func theJobPageRunsVerbatim() {
        let out = { WalkthroughHarness.output(of: $0, in: Self.jobPage) }
        #expect(out("kubectl apply -f https://kubernetes.io/examples/controllers/job.yaml") == ["job.batch/pi created"])
        #expect(out("kubectl get jobs") == [
            "NAME   STATUS     COMPLETIONS   DURATION   AGE",
            "pi     Complete   1/1           4s         60s",
        ])
        #expect(Self.masked(out("echo $pods")) == ["pi-xxxxx"])
        #expect(out("kubectl logs $pods | cut -c1-20") == ["3.141592653589793238"])
        #expect(out("kubectl create -f https://k8s.io/examples/controllers/job.yaml") == [
            "Error from server (AlreadyExists): error when creating \"https://k8s.io/examples/controllers/job.yaml\": jobs.batch \"pi\" already exists",
        ])
    }

    static let perIndex = WalkthroughHarness.run(folder: "jobpolicy", script: """
        kubectl apply -f per-index.yaml
        sleep 10
        kubectl get job per-index
        sleep 50
        kubectl get job per-index
        kubectl get pods -l job-name=per-index
        kubectl get job per-index -o jsonpath='{.status.failedIndexes}{"\\n"}'
        kubectl get pods -l job-name=per-index -o jsonpath="{range .items[*]}{.metadata.name} {.metadata.annotations.batch\\.kubernetes\\.io/job-index-failure-count} {.status.phase}{\\"\\\\n\\"}{end}"
        kubectl get job per-index -o jsonpath='{range .status.conditions[*]}{.type} {.reason} {.message}{"\\n"}{end}'
        kubectl describe job per-index
        """)

    @Test func anIndexFailingPastItsLimitFailsTheJobOnceTheOthersSucceed() {
        let out = { WalkthroughHarness.output(of: $0, in: Self.perIndex) }
        #expect(out("kubectl get job per-index") == [
            "NAME        STATUS    COMPLETIONS   DURATION   AGE",
            "per-index   Running   3/4           10s        10s",
        ])
        #expect(WalkthroughHarness.output(of: "kubectl get job per-index", in: Self.perIndex, occurrence: 2) == [
            "NAME        STATUS   COMPLETIONS   DURATION   AGE",
            "per-index   Failed   3/4           60s        60s",
        ])
        #expect(Self.masked(out("kubectl get pods -l job-name=per-index")) == [
            "NAME                READY   STATUS      RESTARTS   AGE",
            "per-index-0-xxxxx   0/1     Completed   0          60s",
            "per-index-1-xxxxx   0/1     Completed   0          60s",
            "per-index-2-xxxxx   0/1     Error       0          46s",
            "per-index-2-xxxxx   0/1     Error       0          60s",
            "per-index-3-xxxxx   0/1     Completed   0          60s",
        ])
        #expect(out(#"kubectl get job per-index -o jsonpath='{.status.failedIndexes}{"\n"}'"#) == ["2"])
        // The replacement of index 2 carries the index's failure count.
        #expect(Self.masked(out(#"kubectl get pods -l job-name=per-index -o jsonpath="{range .items[*]}{.metadata.name} {.metadata.annotations.batch\.kubernetes\.io/job-index-failure-count} {.status.phase}{\"\\n\"}{end}""#)) == [
            "per-index-0-xxxxx 0 Succeeded",
            "per-index-1-xxxxx 0 Succeeded",
            "per-index-2-xxxxx 1 Failed",
            "per-index-2-xxxxx 0 Failed",
            "per-index-3-xxxxx 0 Succeeded",
        ])
        #expect(out(#"kubectl get job per-index -o jsonpath='{range .status.conditions[*]}{.type} {.reason} {.message}{"\n"}{end}'"#) == [
            "FailureTarget FailedIndexes Job has failed indexes",
            "Failed FailedIndexes Job has failed indexes",
        ])
        let describe = out("kubectl describe job per-index")
        #expect(describe.contains("Backoff Limit:      2147483647"))
        #expect(describe.contains("Pods Statuses:      0 Active (0 Ready) / 3 Succeeded / 2 Failed"))
        #expect(describe.contains("Completed Indexes:  0,1,3"))
        #expect(describe.last == "  Warning  FailedIndexes     44s   job-controller  Job has failed indexes")
    }

    static let leader = WalkthroughHarness.run(folder: "jobpolicy", script: """
        kubectl apply -f leader.yaml
        sleep 9
        kubectl get job leader
        kubectl get pods
        sleep 40
        kubectl get job leader
        kubectl get job leader -o jsonpath='{range .status.conditions[*]}{.type} {.reason} {.message}{"\\n"}{end}'
        kubectl get job leader -o jsonpath='{.status.succeeded} {.status.failed} {.status.completedIndexes}{"\\n"}'
        kubectl get pods
        """)

    @Test func aSuccessPolicyCompletesTheJobWhenItsLeaderSucceeds() {
        let out = { WalkthroughHarness.output(of: $0, in: Self.leader) }
        // Index 0 succeeded: the criteria are met and the other pods stop before the job completes.
        #expect(out("kubectl get job leader") == [
            "NAME     STATUS               COMPLETIONS   DURATION   AGE",
            "leader   SuccessCriteriaMet   1/3           9s         9s",
        ])
        #expect(Self.masked(out("kubectl get pods")) == [
            "NAME             READY   STATUS        RESTARTS   AGE",
            "leader-0-xxxxx   0/1     Completed     0          9s",
            "leader-1-xxxxx   1/1     Terminating   0          9s",
            "leader-2-xxxxx   1/1     Terminating   0          9s",
        ])
        #expect(WalkthroughHarness.output(of: "kubectl get job leader", in: Self.leader, occurrence: 2) == [
            "NAME     STATUS     COMPLETIONS   DURATION   AGE",
            // The stopped workers run `sh` as PID 1, which ignores SIGTERM: they are killed when
            // their 30 s grace period ends, and only then is the job complete.
            "leader   Complete   1/3           39s        49s",
        ])
        #expect(out(#"kubectl get job leader -o jsonpath='{range .status.conditions[*]}{.type} {.reason} {.message}{"\n"}{end}'"#) == [
            "SuccessCriteriaMet SuccessPolicy Matched rules at index 0",
            "Complete SuccessPolicy Matched rules at index 0",
        ])
        // The stopped pods count neither as succeeded nor as failed.
        #expect(out(#"kubectl get job leader -o jsonpath='{.status.succeeded} {.status.failed} {.status.completedIndexes}{"\n"}'"#) == ["1  0"])
        #expect(Self.masked(WalkthroughHarness.output(of: "kubectl get pods", in: Self.leader, occurrence: 2)) == [
            "NAME             READY   STATUS      RESTARTS   AGE",
            "leader-0-xxxxx   0/1     Completed   0          49s",
        ])
    }

    /// The Jobs page's "Specifying your own Pod selector": the old job is deleted leaving its pods,
    /// and a new job with manualSelector and the old uid's selector takes them over.
    static let takeOver = WalkthroughHarness.run(folder: "jobpolicy", script: """
        kubectl apply -f old.yaml
        sleep 10
        uid=$(kubectl get job old -o jsonpath={.metadata.uid})
        kubectl delete jobs/old --cascade=orphan
        sleep 1
        kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name} [{.metadata.ownerReferences}] [{.metadata.finalizers}]{"\\n"}{end}'
        cat > new.yaml <<YAML
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: new
        spec:
          manualSelector: true
          completions: 2
          parallelism: 2
          selector:
            matchLabels:
              batch.kubernetes.io/controller-uid: $uid
          template:
            metadata:
              labels:
                batch.kubernetes.io/controller-uid: $uid
            spec:
              containers:
              - name: w
                image: busybox:1.28
                command: ['sh', '-c', 'sleep 600']
              restartPolicy: Never
        YAML
        kubectl apply -f new.yaml
        sleep 2
        kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name} {.metadata.ownerReferences[0].name} {.metadata.finalizers}{"\\n"}{end}'
        kubectl get job new
        kubectl get events --field-selector involvedObject.name=new
        """)

    @Test func aJobWithAManualSelectorTakesOverAnOrphanedJobsPods() {
        let out = { WalkthroughHarness.output(of: $0, in: Self.takeOver) }
        #expect(out("kubectl delete jobs/old --cascade=orphan") == ["job.batch \"old\" deleted"])
        // Orphaned, the pods lose their owner and the tracking finalizer.
        #expect(out(#"kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name} [{.metadata.ownerReferences}] [{.metadata.finalizers}]{"\n"}{end}'"#) == [
            "old-2wp4p [] []", "old-czt55 [] []",
        ])
        #expect(out("kubectl apply -f new.yaml") == ["job.batch/new created"])
        #expect(out(#"kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name} {.metadata.ownerReferences[0].name} {.metadata.finalizers}{"\n"}{end}'"#) == [
            #"old-2wp4p new ["batch.kubernetes.io/job-tracking"]"#, #"old-czt55 new ["batch.kubernetes.io/job-tracking"]"#,
        ])
        #expect(out("kubectl get job new") == [
            "NAME   STATUS    COMPLETIONS   DURATION   AGE",
            "new    Running   0/2           2s         2s",
        ])
        // It adopted two pods and so made none.
        #expect(out("kubectl get events --field-selector involvedObject.name=new") == ["No resources found in default namespace."])
    }
}
