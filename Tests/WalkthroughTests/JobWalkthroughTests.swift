import Testing

/// Jobs and CronJobs end to end through the `kubelab run` driver.
@Suite struct JobWalkthroughTests {
    /// Pod names with their random suffix replaced by `xxxxx`.
    static func masked(_ lines: [String]) -> [String] {
        lines.map { line in
            line.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
                let parts = word.split(separator: "-")
                guard parts.count >= 2, let last = parts.last, last.count == 5,
                    last.allSatisfy({ "bcdfghjklmnpqrstvwxz2456789".contains($0) }) else { return String(word) }
                return parts.dropLast().joined(separator: "-") + "-xxxxx"
            }.joined(separator: " ")
        }
    }

    static let indexed = WalkthroughHarness.run(folder: "jobs", script: """
        kubectl apply -f indexed.yaml
        kubectl get pods
        sleep 60
        kubectl get job indexed
        kubectl get pods -l job-name=indexed
        kubectl logs -l job-name=indexed
        kubectl get job indexed -o jsonpath={.status.completedIndexes}
        """)

    @Test func anIndexedJobOfFiveCompletionsRunsTwoAtATime() {
        let out = { WalkthroughHarness.output(of: $0, in: Self.indexed) }
        #expect(out("kubectl apply -f indexed.yaml") == ["job.batch/indexed created"])
        #expect(Self.masked(out("kubectl get pods")).map { String($0.prefix(while: { $0 != " " })) } == [
            "NAME", "indexed-0-xxxxx", "indexed-1-xxxxx",
        ])
        let job = out("kubectl get job indexed")
        #expect(job.first == "NAME      STATUS     COMPLETIONS   DURATION   AGE")
        #expect(job.last?.hasPrefix("indexed   Complete   5/5") == true)
        let pods = out("kubectl get pods -l job-name=indexed")
        #expect(pods.count == 6)
        for (i, line) in pods.dropFirst().enumerated() {
            #expect(line.hasPrefix("indexed-\(i)-") && line.contains("Completed"))
        }
        #expect(out("kubectl logs -l job-name=indexed") == (0..<5).map { "index \($0) on indexed-\($0)" })
        #expect(out("kubectl get job indexed -o jsonpath={.status.completedIndexes}") == ["0-4"])
    }

    static let day = WalkthroughHarness.run(folder: "jobs", script: """
        kubectl apply -f every-minute.yaml
        kubectl apply -f sometimes-fails.yaml
        sleep 86400
        kubectl get cronjobs
        kubectl get jobs
        kubectl get pods
        """)

    @Test func aCronJobEveryMinuteForADayKeepsOnlyItsHistory() {
        let out = { WalkthroughHarness.output(of: $0, in: Self.day) }
        #expect(out("kubectl get cronjobs") == [
            "NAME              SCHEDULE       TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE",
            "every-minute      * * * * *      <none>     False     0        60s             24h",
            "sometimes-fails   */30 * * * *   <none>     False     0        30m             24h",
        ])
        // 2025-06-03T09:00 is minute 29,149,020: the last three runs and the last failed one stay.
        let jobs = out("kubectl get jobs")
        #expect(jobs.map { String($0.prefix(while: { $0 != " " })) } == [
            "NAME", "every-minute-29149017", "every-minute-29149018", "every-minute-29149019", "sometimes-fails-29148990",
        ])
        #expect(jobs[4].contains("Failed     0/1"))
        let pods = Self.masked(out("kubectl get pods")).map { String($0.prefix(while: { $0 != " " })) }
        #expect(pods == ["NAME", "every-minute-29149017-xxxxx", "every-minute-29149018-xxxxx", "every-minute-29149019-xxxxx",
                         "sometimes-fails-29148990-xxxxx"])
    }

    static let initFails = WalkthroughHarness.run(folder: "jobs", script: """
        kubectl apply -f init-fails.yaml
        sleep 1
        kubectl get pods
        sleep 10
        kubectl get pods
        kubectl get job ie
        """)

    /// The kubelet's view of init containers reaches `get pods`: Init:0/1 while it runs, Init:Error
    /// once it failed; with backoffLimit 0 the job fails with its first pod.
    @Test func aFailingInitContainerFailsThePodAndTheJob() {
        let out = { Self.masked(WalkthroughHarness.output(of: $0, in: Self.initFails, occurrence: $1)) }
        #expect(out("kubectl get pods", 1) == ["NAME       READY   STATUS     RESTARTS   AGE", "ie-xxxxx   0/1     Init:0/1   0          1s"])
        #expect(out("kubectl get pods", 2) == ["NAME       READY   STATUS       RESTARTS   AGE", "ie-xxxxx   0/1     Init:Error   0          11s"])
        #expect(out("kubectl get job ie", 1) == ["NAME   STATUS   COMPLETIONS   DURATION   AGE", "ie     Failed   0/1           11s        11s"])
    }

    /// A manual run of a CronJob (`kubectl create job --from=cronjob/...`): the controller warns
    /// about a running job it owns but did not start, and once that job succeeds it moves
    /// lastSuccessfulTime, though the job was never in its active list.
    static let manualRun = WalkthroughHarness.run(folder: "jobs", script: """
        kubectl create cronjob hello --image=busybox:1.28 --schedule='0 0 1 1 *' -- date
        kubectl create job manual --from=cronjob/hello
        sleep 60
        kubectl get job manual -o jsonpath='{.status.completionTime}{"\\n"}'
        kubectl get cronjob hello -o jsonpath='{.status.lastSuccessfulTime} [{.status.active}]{"\\n"}'
        kubectl get events --field-selector involvedObject.kind=CronJob -o custom-columns=REASON:.reason,MESSAGE:.message
        """)

    @Test func aManualRunIsSeenAndItsSuccessCounts() {
        let done = WalkthroughHarness.output(of: #"kubectl get job manual -o jsonpath='{.status.completionTime}{"\n"}'"#, in: Self.manualRun)
        #expect(done.count == 1 && done[0].hasSuffix("Z"))
        #expect(WalkthroughHarness.output(of: #"kubectl get cronjob hello -o jsonpath='{.status.lastSuccessfulTime} [{.status.active}]{"\n"}'"#,
                                          in: Self.manualRun) == [done[0] + " []"])
        #expect(WalkthroughHarness.output(of: "kubectl get events --field-selector involvedObject.kind=CronJob -o custom-columns=REASON:.reason,MESSAGE:.message",
                                          in: Self.manualRun) == [
            "REASON          MESSAGE",
            "UnexpectedJob   Saw a job that the controller did not create or forgot: manual",
        ])
    }

    /// Elastic Indexed Jobs (GA in 1.31): completions may change with parallelism when the two stay
    /// equal; scaling down stops the pods of the dropped indexes. Other changes stay refused.
    static let elastic = WalkthroughHarness.run(folder: "jobs", script: """
        cat > ix.yaml <<YAML
        apiVersion: batch/v1
        kind: Job
        metadata: {name: ix}
        spec:
          completions: 3
          parallelism: 3
          completionMode: Indexed
          template:
            spec:
              containers: [{name: c, image: busybox, command: ['sh', '-c', 'sleep 30']}]
              restartPolicy: Never
        YAML
        kubectl apply -f ix.yaml
        sleep 5
        kubectl patch job ix -p '{"spec":{"completions":5}}'
        kubectl patch job ix -p '{"spec":{"completions":5,"parallelism":5}}'
        sleep 3
        kubectl get pods -o jsonpath='{range .items[*]}{.metadata.labels.batch\\.kubernetes\\.io/job-completion-index}{end}{"\\n"}'
        kubectl patch job ix -p '{"spec":{"completions":2,"parallelism":2}}'
        kubectl patch job ix -p '{"spec":{"completionMode":"NonIndexed"}}'
        sleep 60
        kubectl get job ix -o jsonpath='{.status.completedIndexes} {.status.succeeded}{"\\n"}'
        kubectl create job plain --image=busybox -- sleep 1
        kubectl patch job plain -p '{"spec":{"completions":3}}'
        """)

    @Test func anIndexedJobScalesItsCompletionsWithItsParallelism() {
        let out = { (command: String) in WalkthroughHarness.output(of: command, in: Self.elastic) }
        #expect(out(#"kubectl patch job ix -p '{"spec":{"completions":5}}'"#)
            == [#"The Job "ix" is invalid: spec.completions: Invalid value: 5: can only be modified in tandem with spec.parallelism"#])
        #expect(out(#"kubectl patch job ix -p '{"spec":{"completions":5,"parallelism":5}}'"#) == ["job.batch/ix patched"])
        #expect(out(#"kubectl get pods -o jsonpath='{range .items[*]}{.metadata.labels.batch\.kubernetes\.io/job-completion-index}{end}{"\n"}'"#)
            == ["01234"])
        #expect(out(#"kubectl patch job ix -p '{"spec":{"completionMode":"NonIndexed"}}'"#)
            == [#"The Job "ix" is invalid: spec.completionMode: Invalid value: "NonIndexed": field is immutable"#])
        #expect(out(#"kubectl get job ix -o jsonpath='{.status.completedIndexes} {.status.succeeded}{"\n"}'"#) == ["0,1 2"])
        #expect(out(#"kubectl patch job plain -p '{"spec":{"completions":3}}'"#)
            == [#"The Job "plain" is invalid: spec.completions: Invalid value: 3: field is immutable"#])
    }

    /// validatePodTemplateUpdate: a job suspended since its creation may change where its pods
    /// run (nodeSelector, tolerations, affinity, scheduling gates) and their annotations, not
    /// their containers; once it has started, not even that.
    static let suspendedTemplate = WalkthroughHarness.run(folder: "jobs", script: """
        kubectl create job s --image=busybox --dry-run=client -o yaml -- sleep 5 > s.yaml
        sed -i 's/^spec:/spec:\\n  suspend: true/' s.yaml
        kubectl apply -f s.yaml
        kubectl patch job s -p '{"spec":{"template":{"spec":{"nodeSelector":{"kubernetes.io/hostname":"k8s-node2"}}}}}'
        kubectl set image job/s s=busybox:1.36
        kubectl patch job s -p '{"spec":{"suspend":false}}'
        sleep 20
        kubectl get pods -o jsonpath='{.items[0].spec.nodeName}{"\\n"}'
        kubectl patch job s -p '{"spec":{"template":{"spec":{"nodeSelector":null}}}}'
        """)

    @Test func onlyANeverStartedSuspendedJobMovesItsPods() {
        let out = { (command: String) in WalkthroughHarness.output(of: command, in: Self.suspendedTemplate) }
        let immutable = #"spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable"#
        #expect(out(#"kubectl patch job s -p '{"spec":{"template":{"spec":{"nodeSelector":{"kubernetes.io/hostname":"k8s-node2"}}}}}'"#)
            == ["job.batch/s patched"])
        #expect(out("kubectl set image job/s s=busybox:1.36")
            == [#"error: failed to patch image update to pod template: Job.batch "s" is invalid: "# + immutable])
        #expect(out(#"kubectl get pods -o jsonpath='{.items[0].spec.nodeName}{"\n"}'"#) == ["k8s-node2"])
        #expect(out(#"kubectl patch job s -p '{"spec":{"template":{"spec":{"nodeSelector":null}}}}'"#)
            == [#"The Job "s" is invalid: "# + immutable])
    }
}
