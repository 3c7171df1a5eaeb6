import KubeAPI
import Testing
@testable import KubeSim

/// Containers of an Indexed job whose fate depends on their index (read from the pod name
/// `<job>-<index>-xxxxx`): `[byindex, "I=MS:CODE", ...]` exits with CODE after MS milliseconds for
/// index I; an index not listed runs until stopped.
final class IndexedContainers: ContainerBehaviour {
    func outcome(of launch: ContainerLaunch) -> ContainerOutcome {
        let argv = launch.command + launch.args
        guard argv.first == "byindex", !launch.isInit else { return ScriptedContainers().outcome(of: launch) }
        let parts = launch.podName.split(separator: "-")
        guard parts.count >= 3, let index = Int(parts[parts.count - 2]) else { return .runsUntilStopped }
        for rule in argv.dropFirst() {
            let sides = rule.split(separator: "=")
            guard sides.count == 2, Int(sides[0]) == index else { continue }
            let fate = sides[1].split(separator: ":")
            if fate.count == 2, let ms = Millis(fate[0]), let code = Int(fate[1]) { return .exits(code: code, afterMillis: ms) }
        }
        return .runsUntilStopped
    }

    func image(_ reference: String) -> ImageInfo? { ImageReference.defaultInfo(for: reference) }
}

/// backoffLimitPerIndex, maxFailedIndexes, FailIndex, successPolicy and pod adoption, as the v1.32
/// Job controller runs them with default feature gates.
@Suite struct JobIndexPolicyTests {
    static func cluster() -> Cluster {
        let cluster = JobSim.cluster()
        cluster.controller(Kubelet.self)?.behaviour = IndexedContainers()
        return cluster
    }

    static func indexed(_ name: String, spec: String, fates: [String]) -> String {
        JobSim.job(name, spec: "completionMode: Indexed\n" + spec, command: "[byindex, " + fates.map { "'\($0)'" }.joined(separator: ", ") + "]")
    }

    static func failureCount(_ pod: JSONValue) -> String? { pod.annotations[JobIndexBackoff.failureCountAnnotation] }
    static func index(_ pod: JSONValue) -> String? { pod.annotations[JobIndexes.annotation] }

    @Test func anIndexIsRetriedWithItsCountUntilItsLimitThenTheJobFailsWithFailedIndexes() throws {
        let cluster = Self.cluster()
        let created = try Sim.create(cluster, Self.indexed("per", spec: "completions: 3\nparallelism: 3\nbackoffLimitPerIndex: 1",
                                                           fates: ["0=1000:0", "1=1000:1", "2=3000:0"]))
        #expect(created.spec["backoffLimit"].int == Int(Int32.max))
        cluster.settle()
        #expect(JobSim.pods(cluster, of: "per").map(Self.failureCount) == ["0", "0", "0"])
        // Index 1's first pod fails; it keeps its finalizer until its replacement exists.
        #expect(cluster.advance(until: { JobSim.pods(cluster, of: "per").contains { $0.status["phase"] == "Failed" } }, limit: 60_000))
        cluster.settle()
        let failed = try #require(JobSim.pods(cluster, of: "per").first { $0.status["phase"] == "Failed" })
        #expect(Self.index(failed) == "1" && failed["metadata"]["finalizers"] == ["batch.kubernetes.io/job-tracking"])
        #expect(JobSim.get(cluster, "Job", "per")?.status["failed"].isNull == true)
        #expect(JobSim.get(cluster, "Job", "per")?.status["failedIndexes"] == "")
        #expect(cluster.advance(until: { JobSim.finished(cluster, "per") }, limit: 600_000))
        let job = try #require(JobSim.get(cluster, "Job", "per"))
        #expect(JobSim.conditions(job) == ["FailureTarget/True/FailedIndexes", "Failed/True/FailedIndexes"])
        #expect(job.status["conditions"][1]["message"] == "Job has failed indexes")
        #expect(job.status["failedIndexes"] == "1" && job.status["completedIndexes"] == "0,2")
        #expect(job.status["succeeded"] == 2 && job.status["failed"] == 2 && job.status["completionTime"].isNull)
        let pods = JobSim.pods(cluster, of: "per")
        let indexOne = pods.filter { Self.index($0) == "1" }.sorted { ($0.creationTimestamp ?? "") < ($1.creationTimestamp ?? "") }
        #expect(indexOne.map(Self.failureCount) == ["0", "1"])
        #expect(pods.allSatisfy { $0["metadata"]["finalizers"].isNull })
        // The replacement waits the index's own 10 s backoff after the failure.
        let failedAt = try #require(JobSyncPlan.finishTime(of: indexOne[0]))
        let replacedAt = try #require(indexOne[1].creationTimestamp.flatMap(Timestamp.parse))
        #expect(replacedAt - failedAt >= 10_000 && replacedAt - failedAt < 11_000)
        #expect(Sim.events(cluster, about: "per").last == "FailedIndexes Job has failed indexes")
    }

    @Test func moreFailedIndexesThanAllowedFailTheJobAndStopTheRest() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.indexed("strict", spec: "completions: 4\nparallelism: 2\nbackoffLimitPerIndex: 0\nmaxFailedIndexes: 0",
                                             fates: ["0=1000:1"]))
        #expect(cluster.advance(until: { JobSim.finished(cluster, "strict") }, limit: 120_000))
        let job = try #require(JobSim.get(cluster, "Job", "strict"))
        #expect(JobSim.conditions(job) == ["FailureTarget/True/MaxFailedIndexesExceeded", "Failed/True/MaxFailedIndexesExceeded"])
        #expect(job.status["conditions"][0]["message"] == "Job has exceeded the specified maximal number of failed indexes")
        // The stopped pod of index 1 counts as a failed pod, not as a failed index.
        #expect(job.status["failedIndexes"] == "0" && job.status["failed"] == 2 && job.status["active"].isNull)
        // Index 1's running pod was stopped; no index was retried.
        #expect(JobSim.pods(cluster, of: "strict").map { "\(Self.index($0) ?? "") \($0.status["phase"].string ?? "")" } == ["0 Failed"])
        let events = Sim.events(cluster, about: "strict")
        #expect(events.filter { $0.hasPrefix("SuccessfulCreate") }.count == 2)
        #expect(events.contains { $0.hasPrefix("SuccessfulDelete Deleted pod: strict-1-") })
        #expect(events.last == "MaxFailedIndexesExceeded Job has exceeded the specified maximal number of failed indexes")
    }

    @Test func aFailIndexRuleFailsTheIndexWithoutRetries() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.indexed("rules", spec: """
            completions: 2
            parallelism: 2
            backoffLimitPerIndex: 3
            podFailurePolicy:
              rules:
              - action: FailIndex
                onExitCodes: {operator: In, values: [42]}
            """, fates: ["0=1000:42", "1=2000:0"]))
        #expect(cluster.advance(until: { JobSim.finished(cluster, "rules") }, limit: 120_000))
        let job = try #require(JobSim.get(cluster, "Job", "rules"))
        #expect(JobSim.conditions(job) == ["FailureTarget/True/FailedIndexes", "Failed/True/FailedIndexes"])
        #expect(job.status["failedIndexes"] == "0" && job.status["completedIndexes"] == "1" && job.status["failed"] == 1)
        #expect(JobSim.pods(cluster, of: "rules").count == 2)
    }

    @Test func anIgnoredFailureIsCountedApartAndRetried() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.indexed("ign", spec: """
            completions: 1
            backoffLimitPerIndex: 0
            podFailurePolicy:
              rules:
              - action: Ignore
                onExitCodes: {operator: In, values: [7]}
            """, fates: ["0=1000:7"]))
        cluster.settle()
        #expect(cluster.advance(until: { JobSim.pods(cluster, of: "ign").count == 2 }, limit: 60_000))
        let second = try #require(JobSim.pods(cluster, of: "ign").first { $0.status["phase"] != "Failed" })
        #expect(Self.failureCount(second) == "0" && second.annotations[JobIndexBackoff.ignoredFailureCountAnnotation] == "1")
        #expect(JobSim.get(cluster, "Job", "ign")?.status["failed"].isNull == true)
    }

    @Test func aSuccessPolicyEndsTheJobWhenItsIndexesSucceed() throws {
        let cluster = Self.cluster()
        try Sim.create(cluster, Self.indexed("sp", spec: """
            completions: 4
            parallelism: 4
            successPolicy:
              rules:
              - succeededIndexes: "0-2"
                succeededCount: 2
            """, fates: ["0=1000:0", "2=2000:0"]))
        #expect(cluster.advance(until: { JobSim.finished(cluster, "sp") }, limit: 120_000))
        let job = try #require(JobSim.get(cluster, "Job", "sp"))
        #expect(JobSim.conditions(job) == ["SuccessCriteriaMet/True/SuccessPolicy", "Complete/True/SuccessPolicy"])
        #expect(job.status["conditions"].items.map { $0["message"] } == ["Matched rules at index 0", "Matched rules at index 0"])
        #expect(job.status["completedIndexes"] == "0,2" && job.status["succeeded"] == 2 && job.status["completionTime"].string != nil)
        // The two pods still running were stopped, and count for nothing.
        #expect(job.status["failed"].isNull && job.status["active"].isNull)
        let events = Sim.events(cluster, about: "sp")
        #expect(events.filter { $0.hasPrefix("SuccessfulDelete") }.count == 2)
        #expect(events.last == "Completed Job completed")
    }

    @Test func successPolicyRulesMatchInOrder() {
        let policy: (String) -> JSONValue = { Sim.yaml("rules:\n" + $0) }
        #expect(JobSuccessPolicy.match(.null, completions: 3, succeeded: [0]) == nil)
        #expect(JobSuccessPolicy.match(policy("- succeededCount: 1"), completions: 3, succeeded: []) == nil)
        #expect(JobSuccessPolicy.match(policy("- succeededCount: 2"), completions: 3, succeeded: [0]) == nil)
        #expect(JobSuccessPolicy.match(policy("- succeededCount: 2"), completions: 3, succeeded: [0, 2]) == "Matched rules at index 0")
        #expect(JobSuccessPolicy.match(policy("- succeededIndexes: \"1\"\n- succeededIndexes: \"0,2\""), completions: 3, succeeded: [0, 2])
            == "Matched rules at index 1")
        #expect(JobSuccessPolicy.match(policy("- succeededIndexes: \"0-3\"\n  succeededCount: 3"), completions: 5, succeeded: [1, 2, 3, 4])
            == "Matched rules at index 0")
        #expect(JobSuccessPolicy.match(policy("- succeededIndexes: \"0-3\"\n  succeededCount: 3"), completions: 5, succeeded: [1, 2, 4]) == nil)
        // Indexes past the completions select nothing.
        #expect(JobSuccessPolicy.match(policy("- succeededIndexes: \"7\""), completions: 3, succeeded: [0]) == nil)
    }

    @Test func aManualSelectorJobAdoptsMatchingOrphansAndReleasesPodsThatStopMatching() throws {
        let cluster = JobSim.cluster()
        let orphan = try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata: {name: early, labels: {app: batch}}
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox, command: [run, '600000', '0']}]
            """)
        cluster.settle()
        let job = try Sim.create(cluster, """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: manual}
            spec:
              manualSelector: true
              selector: {matchLabels: {app: batch}}
              completions: 2
              parallelism: 2
              template:
                metadata: {labels: {app: batch}}
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: busybox, command: [run, '600000', '0']}]
            """)
        #expect(job.spec["selector"] == ["matchLabels": ["app": "batch"]] && job.spec["template"]["metadata"]["labels"] == ["app": "batch"])
        cluster.settle()
        let adopted = try #require(Sim.pod(cluster, "early"))
        #expect(adopted.controllerRef?["uid"].string == job.uid && adopted.uid == orphan.uid)
        #expect(adopted["metadata"]["finalizers"] == ["batch.kubernetes.io/job-tracking"])
        let pods = cluster.store.list(Sim.type("Pod"), namespace: "default").filter { $0.controllerRef?["uid"].string == job.uid }
        #expect(pods.count == 2)
        #expect(JobSim.get(cluster, "Job", "manual")?.status["active"] == 2)
        // A pod relabelled out of the selector is let go (owner and finalizer) and replaced.
        try JobSim.update(cluster, "Pod", "early") { $0["metadata"]["labels"] = ["app": "other"] }
        // Pod events reach the job a batch period (1 s) later, as upstream's enqueueSyncJobBatched.
        cluster.advance(by: 1_000)
        let released = try #require(Sim.pod(cluster, "early"))
        #expect(released.controllerRef == nil && released["metadata"]["finalizers"].isNull)
        let owned = cluster.store.list(Sim.type("Pod"), namespace: "default").filter { $0.controllerRef?["uid"].string == job.uid }
        #expect(owned.count == 2 && !owned.contains { $0.name == "early" })
    }

    @Test func anOrphanCreatedWithAJobsLabelsIsAdopted() throws {
        let cluster = JobSim.cluster()
        let job = try Sim.create(cluster, JobSim.job("gen", spec: "completions: 2\nparallelism: 1", command: "[run, '600000', '0']"))
        cluster.settle()
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: stray
              labels: {batch.kubernetes.io/controller-uid: \(job.uid), job-name: gen}
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox, command: [run, '600000', '0']}]
            """)
        cluster.advance(by: 1_000)
        let stray = try #require(Sim.pod(cluster, "stray"))
        #expect(stray.controllerRef?["name"] == "gen" && stray.isDeleting)
        // Parallelism 1: one of the two pods is now too many, and the newer one goes.
        #expect(Sim.events(cluster, about: "gen").contains("SuccessfulDelete Deleted pod: stray"))
    }
}
