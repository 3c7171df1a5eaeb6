import KubeAPI

/// One pass of the Job controller worked out without touching the cluster (the pure half of
/// upstream's `syncJob` / `manageJob` / `trackJobStatusAndRemoveFinalizers`): which finished
/// pods to count (and release from the tracking finalizer), which active pods to delete, how many
/// to create (and at which indexes), the new status and the events to record.
struct JobSyncPlan {
    struct Event: Equatable {
        var type: String
        var reason: String
        var message: String
    }

    /// Finished (or deleted) pods now counted, whose `job-tracking` finalizer goes.
    var releasedPods: [String] = []
    /// Active pods to delete (excess, a finished or suspended job's, a succeeded index's).
    var podsToDelete: [String] = []
    /// Pods to create: nil entries for a NonIndexed job, the completion index otherwise.
    var podsToCreate: [Int?] = []
    /// Extra annotations of the pods to create, by index (the per-index failure counts).
    var podAnnotations: [Int: [String: String]] = [:]
    /// The status to write, with `active` counting the pods this plan keeps and creates.
    var status: JSONValue = .emptyObject
    /// Events about the job (pod creations and deletions are recorded as they happen).
    var events: [Event] = []
    /// The backoff record after this pass.
    var backoff = JobPodBackoff()
    /// When the job should be looked at again although nothing changes (backoff, deadline).
    var wakeAt: Millis?

    /// Pods created or deleted in one pass, like the controller's burst of pod writes.
    static let burst = 500

    static let trackingFinalizer = "batch.kubernetes.io/job-tracking"

    init() {}

    /// Plans the pass for `job` (not yet finished) owning `pods`, at `now`.
    init(job: JSONValue, pods: [JSONValue], backoff previous: JobPodBackoff, now: Millis) {
        let spec = job.spec
        let indexed = spec["completionMode"].string == "Indexed"
        let completions = spec["completions"].int.map { max(0, $0) }
        let parallelism = max(0, min(spec["parallelism"].int ?? 1, Self.maxParallelism))
        let backoffLimit = spec["backoffLimit"].int ?? 6
        let suspended = spec["suspend"].bool == true
        let policy = spec["podFailurePolicy"]
        // `now` as the status writes it (start, conditions, completion), formatted at most once.
        var formattedNow: String?
        func nowStamp() -> String {
            if let formattedNow { return formattedNow }
            let text = Timestamp.rfc3339(now)
            formattedNow = text
            return text
        }
        var status = job.status.object == nil ? JSONValue.emptyObject : job.status
        // Upstream lets go of every pod in the pass that records the interim condition, so pods
        // that stop after it count for nothing: no failed index, and after a success no failure.
        let heldInterim = JobCondition.interim(in: status["conditions"])
        let indexBackoff = indexed ? spec["backoffLimitPerIndex"].int.map { limit in
            JobIndexBackoff(job: job, limit: limit, pods: pods,
                            succeeded: Self.succeededIndexes(of: job, pods: pods, completions: completions ?? 0),
                            completions: completions ?? 0, countsNewFailures: heldInterim == nil)
        } : nil

        var succeeded = status["succeeded"].int ?? 0
        var failed = status["failed"].int ?? 0
        var succeededIndexes = indexed ? JobIndexes.parse(status["completedIndexes"].string ?? "", completions: completions ?? 0) : []
        var failJobMessage: String?
        var failureTimes: [Millis] = []
        var newlySucceeded = 0
        var active: [JSONValue] = []
        var terminating = 0
        /// Failed pods kept (with their finalizer) until their index has a new pod.
        var awaitingReplacement: [JSONValue] = []

        for pod in pods {
            let phase = pod["status"]["phase"].string ?? ""
            let terminal = phase == "Succeeded" || phase == "Failed"
            if !terminal && !pod.isDeleting {
                active.append(pod)
                continue
            }
            if !terminal { terminating += 1 }
            guard JobController.holdsFinalizer(pod) else { continue }
            if let indexBackoff, indexBackoff.isAwaitingReplacement(pod) {
                awaitingReplacement.append(pod)
                continue
            }
            releasedPods.append(pod.name)
            if phase == "Succeeded" {
                newlySucceeded += 1
                if indexed {
                    if let i = JobIndexes.index(of: pod, completions: completions ?? 0) { succeededIndexes.insert(i) }
                } else {
                    succeeded += 1
                }
                continue
            }
            if heldInterim?.type == "SuccessCriteriaMet" { continue }
            if phase == "Failed" && !policy.isNull {
                switch JobPodFailurePolicy.verdict(for: pod, policy: policy) {
                case .ignore: continue
                case .failJob(let message): failJobMessage = failJobMessage ?? message
                case .count, .failIndex: break
                }
            }
            failed += 1
            failureTimes.append(Self.finishTime(of: pod) ?? now)
        }
        if indexed { succeeded = succeededIndexes.count }
        backoff = previous
        backoff.record(succeeded: newlySucceeded, failedAt: failureTimes)

        var conditions = status["conditions"]
        if conditions.isNull { conditions = .array([]) }
        if status["startTime"].isNull && !suspended { status["startTime"] = .string(nowStamp()) }
        let startTime = status["startTime"].string.flatMap(Timestamp.parse)

        var interim = JobCondition.interim(in: conditions)
        if interim == nil {
            let deadline = spec["activeDeadlineSeconds"].int.flatMap { s in startTime.map { $0 + Millis(min(s, 1 << 40)) * 1000 } }
            if let failJobMessage {
                interim = .failureTarget(reason: "PodFailurePolicy", message: failJobMessage)
            } else if failed + Self.countedFailures(awaitingReplacement, policy: policy) > backoffLimit
                || Self.pastBackoffLimitOnFailure(spec, active: active, limit: backoffLimit)
            {
                interim = .backoffLimitExceeded
            } else if let deadline, !suspended, now >= deadline {
                interim = .deadlineExceeded
            } else if let indexBackoff, let failure = JobCondition.indexFailure(
                spec: spec, failed: indexBackoff.failedIndexes, succeeded: succeededIndexes, completions: completions ?? 0)
            {
                interim = failure
            } else if indexed, let message = JobSuccessPolicy.match(spec["successPolicy"], completions: completions ?? 0, succeeded: succeededIndexes) {
                interim = .successPolicy(message)
            } else if completions.map({ succeeded >= $0 }) ?? (succeeded > 0 && active.isEmpty) {
                interim = .successCriteriaMet()
            }
            if let interim { conditions = JobCondition.setting(interim, in: conditions, stamp: nowStamp()) }
        }

        if interim != nil && !awaitingReplacement.isEmpty {
            // A finished job replaces nothing: the kept pods are counted and let go.
            releasedPods += awaitingReplacement.map(\.name)
            failed += Self.countedFailures(awaitingReplacement, policy: policy)
            releasedPods.sort()
        }

        var keep = active
        if let interim {
            // A job that met its success or failure criteria stops its remaining pods; it
            // finishes once none of them is still terminating.
            podsToDelete = active.prefix(Self.burst).map(\.name)
            keep = []
            if interim.terminal.type == "Failed" {
                // Upstream's trackJobStatusAndRemoveFinalizers: once the job fails, each pod it
                // stops counts as failed in the same pass, whatever the pod ends with later.
                for pod in active.prefix(Self.burst) where JobController.holdsFinalizer(pod) {
                    failed += 1
                    releasedPods.append(pod.name)
                }
                releasedPods.sort()
            }
            if active.isEmpty && terminating == 0 {
                let terminal = interim.terminal
                conditions = JobCondition.setting(terminal, in: conditions, stamp: nowStamp())
                if terminal.type == "Complete" {
                    status["completionTime"] = .string(nowStamp())
                    events.append(Event(type: "Normal", reason: "Completed", message: "Job completed"))
                } else {
                    events.append(Event(type: "Warning", reason: terminal.reason, message: terminal.message))
                }
            }
        } else if suspended {
            podsToDelete = active.prefix(Self.burst).map(\.name)
            keep = []
            if !JobCondition.holds("Suspended", in: conditions) {
                conditions = JobCondition.setting(.suspended, in: conditions, stamp: nowStamp())
                events.append(Event(type: "Normal", reason: "Suspended", message: "Job suspended"))
            }
        } else {
            if JobCondition.holds("Suspended", in: conditions) {
                conditions = JobCondition.setting(.resumed, in: conditions, stamp: nowStamp())
                // The deadline counts from the resume.
                status["startTime"] = .string(nowStamp())
                events.append(Event(type: "Normal", reason: "Resumed", message: "Job resumed"))
            }
            if indexed {
                // A pod still running an index another pod already completed is not needed.
                let redundant = active.filter { pod in
                    JobIndexes.index(of: pod, completions: completions ?? 0).map(succeededIndexes.contains) ?? true
                }
                podsToDelete = redundant.map(\.name)
                keep = active.filter { !podsToDelete.contains($0.name) }
            }
            let wantActive: Int
            if let completions {
                wantActive = max(0, min(parallelism, completions - succeeded))
            } else {
                wantActive = succeeded > 0 ? keep.count : parallelism
            }
            if keep.count > wantActive {
                let excess = keep.sorted(by: Self.deletionOrder).prefix(min(Self.burst, keep.count - wantActive)).map(\.name)
                podsToDelete += excess
                keep = keep.filter { !excess.contains($0.name) }
            } else if keep.count < wantActive {
                // With backoffLimitPerIndex each index waits on its own failures instead.
                let wait = indexBackoff == nil ? backoff.remaining(at: now) : 0
                if wait > 0 {
                    wakeAt = now + wait
                } else {
                    let missing = min(Self.burst, wantActive - keep.count)
                    if indexed {
                        let running = Set(keep.compactMap { JobIndexes.index(of: $0, completions: completions ?? 0) })
                        var chosen: [Int?] = []
                        var i = 0
                        let failedIndexes = indexBackoff?.failedIndexes ?? []
                        while chosen.count < missing && i < (completions ?? 0) {
                            if !succeededIndexes.contains(i) && !running.contains(i) && !failedIndexes.contains(i) { chosen.append(i) }
                            i += 1
                        }
                        if let indexBackoff {
                            let (ready, wait) = Self.readyIndexes(chosen.compactMap { $0 }, indexBackoff, now: now)
                            chosen = ready
                            if let wait { wakeAt = now + wait }
                            for i in ready { podAnnotations[i] = indexBackoff.annotations(forIndex: i) }
                        }
                        podsToCreate = chosen
                    } else {
                        podsToCreate = Array(repeating: nil, count: missing)
                    }
                }
            }
            let deadline = spec["activeDeadlineSeconds"].int.flatMap { s in
                status["startTime"].string.flatMap(Timestamp.parse).map { $0 + Millis(min(s, 1 << 40)) * 1000 }
            }
            if let deadline { wakeAt = min(wakeAt ?? deadline, deadline) }
        }

        let ready = keep.filter(Self.isReady).count
        status["active"] = keep.count + podsToCreate.count > 0 ? .int(keep.count + podsToCreate.count) : .null
        status["ready"] = .int(ready)
        status["terminating"] = .int(terminating + podsToDelete.count)
        status["succeeded"] = succeeded > 0 ? .int(succeeded) : .null
        status["failed"] = failed > 0 ? .int(failed) : .null
        if indexed {
            let text = JobIndexes.format(succeededIndexes)
            status["completedIndexes"] = text.isEmpty ? .null : .string(text)
        }
        if let indexBackoff {
            // Written even when empty, as upstream's pointer field is.
            status["failedIndexes"] = .string(JobIndexes.format(indexBackoff.failedIndexes))
        }
        status["conditions"] = conditions.items.isEmpty ? .null : conditions
        status["uncountedTerminatedPods"] = .emptyObject
        self.status = status
    }

    /// The indexes already counted as succeeded plus those whose pod just succeeded
    /// (upstream's `calculateSucceededIndexes`).
    static func succeededIndexes(of job: JSONValue, pods: [JSONValue], completions: Int) -> Set<Int> {
        var out = JobIndexes.parse(job.status["completedIndexes"].string ?? "", completions: completions)
        for pod in pods where pod["status"]["phase"].string == "Succeeded" && JobController.holdsFinalizer(pod) {
            if let i = JobIndexes.index(of: pod, completions: completions) { out.insert(i) }
        }
        return out
    }

    /// Failed pods whose failure counts against the limits (no Ignore rule matched).
    static func countedFailures(_ pods: [JSONValue], policy: JSONValue) -> Int {
        pods.filter { pod in
            policy.isNull || pod["status"]["phase"].string != "Failed" || JobPodFailurePolicy.verdict(for: pod, policy: policy) != .ignore
        }.count
    }

    /// Of the pending `indexes`, those whose own backoff is over; when none is, the shortest wait
    /// (upstream's `getPodCreationInfoForIndependentIndexes`). The others' wait is returned too,
    /// so the job is looked at again when the next one may start.
    static func readyIndexes(_ indexes: [Int], _ backoff: JobIndexBackoff, now: Millis) -> ([Int], Millis?) {
        var ready: [Int] = []
        var wait: Millis?
        for i in indexes {
            let left = backoff.remaining(forIndex: i, at: now)
            if left == 0 { ready.append(i) } else { wait = min(wait ?? left, left) }
        }
        return (ready, wait)
    }

    /// The most pods one job keeps active, whatever its parallelism says.
    static let maxParallelism = 10_000

    /// With restartPolicy OnFailure the kubelet restarts containers in place; their restarts
    /// count against the backoff limit (upstream's `pastBackoffLimitOnFailure`).
    static func pastBackoffLimitOnFailure(_ spec: JSONValue, active: [JSONValue], limit: Int) -> Bool {
        guard spec["template"]["spec"]["restartPolicy"].string == "OnFailure" else { return false }
        var restarts = 0
        for pod in active {
            let phase = pod["status"]["phase"].string ?? ""
            guard phase == "Running" || phase == "Pending" else { continue }
            let status = pod["status"]
            for key in ["initContainerStatuses", "containerStatuses"] {
                for c in status[key].items { restarts += c["restartCount"].int ?? 0 }
            }
        }
        return limit == 0 ? restarts > 0 : restarts >= limit
    }

    /// When the pod's last container stopped, as the kubelet reported it.
    static func finishTime(of pod: JSONValue) -> Millis? {
        (pod["status"]["containerStatuses"].items + pod["status"]["initContainerStatuses"].items)
            .compactMap { $0["state"]["terminated"]["finishedAt"].string.flatMap(Timestamp.parse) }.max()
    }

    static func isReady(_ pod: JSONValue) -> Bool { ReplicaSetController.isReady(pod) }

    /// Which active pods go first when there are too many (controller.ActivePods).
    static func deletionOrder(_ a: JSONValue, _ b: JSONValue) -> Bool { ReplicaSetController.deletionOrder(a, b) }
}
