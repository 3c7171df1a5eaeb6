import KubeAPI
import Testing
@testable import KubeSim

/// The Job controller as v1.32 runs it with default feature gates, on the virtual clock.
@Suite struct JobControllerTests {
    @Test func runsParallelPodsUntilTheCompletionsSucceed() throws {
        let cluster = JobSim.cluster()
        let job = try Sim.create(cluster, JobSim.job("calc", spec: "completions: 3\nparallelism: 2"))
        cluster.settle()
        var pods = JobSim.pods(cluster, of: "calc")
        #expect(pods.count == 2)
        let pod = try #require(pods.first)
        #expect(pod.name.hasPrefix("calc-") && pod.name.count == "calc-".count + 5)
        #expect(pod.labels == ["batch.kubernetes.io/controller-uid": job.uid, "batch.kubernetes.io/job-name": "calc",
                               "controller-uid": job.uid, "job-name": "calc"])
        #expect(pod["metadata"]["finalizers"] == ["batch.kubernetes.io/job-tracking"])
        #expect(pod.controllerRef?["kind"].string == "Job" && pod.controllerRef?["uid"].string == job.uid)
        #expect(JobSim.get(cluster, "Job", "calc")?["status"]["active"].int == 2)
        #expect(cluster.advance(until: { JobSim.finished(cluster, "calc") }, limit: 120_000))
        let done = try #require(JobSim.get(cluster, "Job", "calc"))
        #expect(JobSim.conditions(done) == ["SuccessCriteriaMet/True/CompletionsReached", "Complete/True/CompletionsReached"])
        #expect(done["status"]["conditions"][1]["message"].string == "Reached expected number of succeeded pods")
        #expect(done["status"]["succeeded"].int == 3 && done["status"]["active"].isNull && done["status"]["failed"].isNull)
        #expect(done["status"]["ready"].int == 0 && done["status"]["terminating"].int == 0)
        #expect(done["status"]["uncountedTerminatedPods"] == .emptyObject)
        #expect(done["status"]["completionTime"].string != nil && done["status"]["startTime"].string != nil)
        pods = JobSim.pods(cluster, of: "calc")
        // Finished pods stay, counted and released from the tracking finalizer.
        #expect(pods.map { $0["status"]["phase"].string ?? "" } == ["Succeeded", "Succeeded", "Succeeded"])
        #expect(pods.allSatisfy { $0["metadata"]["finalizers"].isNull })
        let events = Sim.events(cluster, about: "calc")
        #expect(events.filter { $0.hasPrefix("SuccessfulCreate Created pod: calc-") }.count == 3)
        #expect(events.last == "Completed Job completed")
    }

    @Test func failedPodsAreReplacedAfterABackoffUntilTheLimit() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.job("flaky", spec: "backoffLimit: 2", command: "[run, '1000', '1']"))
        #expect(cluster.advance(until: { JobSim.finished(cluster, "flaky") }, limit: 600_000))
        let job = try #require(JobSim.get(cluster, "Job", "flaky"))
        #expect(JobSim.conditions(job) == ["FailureTarget/True/BackoffLimitExceeded", "Failed/True/BackoffLimitExceeded"])
        #expect(job["status"]["conditions"][1]["message"].string == "Job has reached the specified backoff limit")
        #expect(job["status"]["failed"].int == 3 && job["status"]["completionTime"].isNull)
        let pods = JobSim.pods(cluster, of: "flaky")
        #expect(pods.map { $0["status"]["phase"].string ?? "" } == ["Failed", "Failed", "Failed"])
        // Each replacement waits 10 s, then 20 s, after the failure before it.
        let created = pods.compactMap { $0.creationTimestamp.flatMap(Timestamp.parse) }.sorted()
        let failedAt = pods.compactMap { JobSyncPlan.finishTime(of: $0) }.sorted()
        #expect(created[1] - failedAt[0] >= 10_000 && created[1] - failedAt[0] < 11_000)
        #expect(created[2] - failedAt[1] >= 20_000 && created[2] - failedAt[1] < 21_000)
        #expect(Sim.events(cluster, about: "flaky").last == "BackoffLimitExceeded Job has reached the specified backoff limit")
    }

    @Test func backoffDoublesFromTenSecondsUpToSixMinutes() {
        var backoff = JobPodBackoff()
        var delays: [Millis] = []
        for i in 0..<8 {
            backoff.record(succeeded: 0, failedAt: [Millis(i) * 1000])
            delays.append(backoff.delay)
        }
        #expect(delays == [10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 360_000, 360_000])
        #expect(backoff.remaining(at: 7_000) == 360_000)
        backoff.record(succeeded: 1, failedAt: [])
        #expect(backoff == JobPodBackoff() && backoff.remaining(at: 8_000) == 0)
    }

    @Test func onFailureRestartsCountAgainstTheLimitAndTheFailedJobsPodsGo() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.job("crash", spec: "backoffLimit: 2", command: "[run, '500', '1']", restart: "OnFailure"))
        #expect(cluster.advance(until: { JobSim.finished(cluster, "crash") }, limit: 600_000))
        let job = try #require(JobSim.get(cluster, "Job", "crash"))
        #expect(JobSim.conditions(job) == ["FailureTarget/True/BackoffLimitExceeded", "Failed/True/BackoffLimitExceeded"])
        #expect(job["status"]["failed"].int == 1)
        #expect(JobSim.pods(cluster, of: "crash").isEmpty)
        let events = Sim.events(cluster, about: "crash")
        #expect(events.contains { $0.hasPrefix("SuccessfulDelete Deleted pod: crash-") })
    }

    @Test func theActiveDeadlineStopsTheJob() throws {
        let cluster = JobSim.cluster()
        let start = cluster.now
        try Sim.create(cluster, JobSim.job("slow", spec: "activeDeadlineSeconds: 30", command: "[sleep, infinity]"))
        cluster.advance(by: 29_000)
        #expect(JobSim.conditions(JobSim.get(cluster, "Job", "slow")).isEmpty)
        #expect(cluster.advance(until: { JobSim.finished(cluster, "slow") }, limit: 60_000))
        let job = try #require(JobSim.get(cluster, "Job", "slow"))
        #expect(JobSim.conditions(job) == ["FailureTarget/True/DeadlineExceeded", "Failed/True/DeadlineExceeded"])
        #expect(job["status"]["conditions"][0]["lastTransitionTime"].string == Timestamp.rfc3339(start + 30_000))
        #expect(job["status"]["conditions"][1]["message"].string == "Job was active longer than specified deadline")
        #expect(job["status"]["failed"].int == 1 && job["status"]["active"].isNull)
        #expect(Sim.events(cluster, about: "slow").last == "DeadlineExceeded Job was active longer than specified deadline")
    }

    @Test func aFinishedJobIsDeletedAfterItsTTL() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.job("short", spec: "ttlSecondsAfterFinished: 10"))
        #expect(cluster.advance(until: { JobSim.finished(cluster, "short") }, limit: 60_000))
        let finished = try #require(JobCondition.finishedAt(JobSim.get(cluster, "Job", "short")!))
        cluster.advance(to: finished + 9_000)
        #expect(JobSim.get(cluster, "Job", "short") != nil)
        cluster.advance(to: finished + 12_000)
        #expect(JobSim.get(cluster, "Job", "short") == nil)
        #expect(JobSim.pods(cluster, of: "short").isEmpty)
    }

    @Test func aSuspendedJobStartsNothingUntilResumed() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.job("later", spec: "suspend: true"))
        cluster.advance(by: 30_000)
        var job = try #require(JobSim.get(cluster, "Job", "later"))
        #expect(JobSim.pods(cluster, of: "later").isEmpty)
        #expect(JobSim.conditions(job) == ["Suspended/True/JobSuspended"])
        #expect(job["status"]["startTime"].isNull)
        try JobSim.update(cluster, "Job", "later") { $0["spec"]["suspend"] = false }
        cluster.settle()
        job = try #require(JobSim.get(cluster, "Job", "later"))
        #expect(JobSim.conditions(job) == ["Suspended/False/JobResumed"])
        #expect(job["status"]["startTime"].string == Timestamp.rfc3339(cluster.now))
        #expect(JobSim.pods(cluster, of: "later").count == 1)
        let reasons = Sim.events(cluster, about: "later").map { String($0.split(separator: " ")[0]) }
        #expect(reasons == ["Suspended", "SuccessfulCreate", "Resumed"])
    }

    @Test func indexedPodsCarryTheirIndex() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.job("idx", spec: "completions: 3\nparallelism: 3\ncompletionMode: Indexed"))
        cluster.settle()
        let pods = JobSim.pods(cluster, of: "idx")
        #expect(pods.count == 3)
        for (i, pod) in pods.sorted(by: { ($0.labels[JobIndexes.annotation] ?? "") < ($1.labels[JobIndexes.annotation] ?? "") }).enumerated() {
            #expect(pod.name.hasPrefix("idx-\(i)-") && pod.name.count == "idx-\(i)-".count + 5)
            #expect(pod.annotations[JobIndexes.annotation] == String(i) && pod.labels[JobIndexes.annotation] == String(i))
            #expect(pod["spec"]["hostname"].string == "idx-\(i)")
            #expect(pod["spec"]["containers"][0]["env"] == [["name": "JOB_COMPLETION_INDEX", "valueFrom": ["fieldRef": [
                "apiVersion": "v1", "fieldPath": "metadata.labels['batch.kubernetes.io/job-completion-index']"]]]])
        }
        #expect(cluster.advance(until: { JobSim.finished(cluster, "idx") }, limit: 120_000))
        let job = try #require(JobSim.get(cluster, "Job", "idx"))
        #expect(job["status"]["completedIndexes"].string == "0-2" && job["status"]["succeeded"].int == 3)
    }

    @Test func indexSetsReadAndWriteTheStatusForm() {
        #expect(JobIndexes.format([0, 1, 2, 5, 7, 8]) == "0-2,5,7,8")
        #expect(JobIndexes.format([]) == "")
        #expect(JobIndexes.parse("0-2,5,7-8", completions: 8) == [0, 1, 2, 5, 7])
        #expect(JobIndexes.parse("x,3-1,2-99999999999", completions: 4) == [2, 3])
    }

    static let failJobPolicy = """
        backoffLimit: 6
        podFailurePolicy:
          rules:
          - action: Ignore
            onExitCodes: {operator: In, values: [3]}
          - action: FailJob
            onExitCodes: {containerName: c, operator: In, values: [42]}
        """

    @Test func aFailJobRuleFailsTheJobAtOnce() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.job("strict", spec: Self.failJobPolicy, command: "[run, '500', '42']"))
        #expect(cluster.advance(until: { JobSim.finished(cluster, "strict") }, limit: 60_000))
        let job = try #require(JobSim.get(cluster, "Job", "strict"))
        let pod = try #require(JobSim.pods(cluster, of: "strict").first)
        #expect(JobSim.conditions(job) == ["FailureTarget/True/PodFailurePolicy", "Failed/True/PodFailurePolicy"])
        #expect(job["status"]["conditions"][1]["message"].string
            == "Container c for pod default/\(pod.name) failed with exit code 42 matching FailJob rule at index 1")
        #expect(job["status"]["failed"].int == 1 && JobSim.pods(cluster, of: "strict").count == 1)
    }

    @Test func anIgnoreRuleNeitherCountsNorWaits() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.job("lenient", spec: Self.failJobPolicy, command: "[run, '500', '3']"))
        cluster.advance(by: 20_000)
        let job = try #require(JobSim.get(cluster, "Job", "lenient"))
        #expect(job["status"]["failed"].isNull && JobSim.conditions(job).isEmpty)
        #expect(JobSim.pods(cluster, of: "lenient").count > 3)
    }

    /// The API server's refusal of `manifest`, or nil when it was accepted.
    static func refusal(_ cluster: Cluster, _ manifest: String) -> String? {
        do {
            try Sim.create(cluster, manifest)
            return nil
        } catch {
            return (error as? APIError)?.message ?? "\(error)"
        }
    }

    @Test func theAPIServerRefusesBadJobs() {
        let cluster = JobSim.cluster()
        #expect(Self.refusal(cluster, JobSim.job("neg", spec: "completions: -1"))
            == "The Job \"neg\" is invalid: spec.completions: Invalid value: -1: must be greater than or equal to 0")
        #expect(Self.refusal(cluster, JobSim.job("always", restart: "Always"))
            == "The Job \"always\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"")
        #expect(JobSim.jobs(cluster).isEmpty)
    }
}
