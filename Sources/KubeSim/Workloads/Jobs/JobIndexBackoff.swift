import KubeAPI

/// `spec.backoffLimitPerIndex` of an Indexed Job (upstream's `calculateFailedIndexes`,
/// `isIndexFailed`, `getPodsWithDelayedDeletionPerIndex` and `getNewIndexFailureCounts` in
/// indexed_job_utils.go, `getRemainingTimePerIndex` in backoff_utils.go): each index counts its
/// own failures in an annotation its replacement pod carries, an index whose pod fails past the
/// limit (or matches a FailIndex rule) is failed for good, and a failed pod keeps its tracking
/// finalizer until its replacement exists, so the count can be carried over.
struct JobIndexBackoff {
    static let failureCountAnnotation = "batch.kubernetes.io/job-index-failure-count"
    static let ignoredFailureCountAnnotation = "batch.kubernetes.io/job-index-ignored-failure-count"

    let limit: Int
    let policy: JSONValue
    /// `status.failedIndexes` plus the indexes whose pod just failed for the last time.
    private(set) var failedIndexes: Set<Int>
    /// Per pending index, the failed pod its replacement takes its counts from (by name).
    private(set) var awaitingReplacement: [Int: JSONValue] = [:]

    /// Reads the pass's pods of `job` (which has `backoffLimitPerIndex`); `succeeded` are the
    /// indexes counted as succeeded, including those that succeed in this pass. Once the job met
    /// its success or failure criteria no further index fails (`countsNewFailures` false).
    init(job: JSONValue, limit: Int, pods: [JSONValue], succeeded: Set<Int>, completions: Int, countsNewFailures: Bool = true) {
        self.limit = limit
        policy = job.spec["podFailurePolicy"]
        failedIndexes = JobIndexes.parse(job.status["failedIndexes"].string ?? "", completions: completions)
        var activeIndexes: Set<Int> = []
        var failedPods: [(Int, JSONValue)] = []
        for pod in pods {
            guard let index = JobIndexes.index(of: pod, completions: completions) else { continue }
            if !Self.isFailed(pod) {
                if !ReplicaSetController.isTerminal(pod) && !pod.isDeleting { activeIndexes.insert(index) }
                continue
            }
            guard JobController.holdsFinalizer(pod), countsNewFailures else { continue }
            if isIndexFailed(pod) { failedIndexes.insert(index) }
            failedPods.append((index, pod))
        }
        for (index, pod) in failedPods {
            if succeeded.contains(index) || failedIndexes.contains(index) || activeIndexes.contains(index) { continue }
            if let last = awaitingReplacement[index] {
                // The latest failure of the index is the one its counts continue from.
                if Self.absoluteFailureCount(last) <= Self.absoluteFailureCount(pod)
                    && (JobSyncPlan.finishTime(of: pod) ?? 0) >= (JobSyncPlan.finishTime(of: last) ?? 0)
                {
                    awaitingReplacement[index] = pod
                }
            } else {
                awaitingReplacement[index] = pod
            }
        }
    }

    /// Whether the pod holds back its tracking finalizer until its index has a new pod.
    func isAwaitingReplacement(_ pod: JSONValue) -> Bool {
        awaitingReplacement.values.contains { $0.name == pod.name }
    }

    /// A failed pod that fails its index: a FailIndex rule matched, or its failure counts and the
    /// index already failed `limit` times before it.
    func isIndexFailed(_ pod: JSONValue) -> Bool {
        guard Self.isFailed(pod) else { return false }
        switch verdict(pod) {
        case .failIndex: return true
        case .ignore: return false
        case .count, .failJob: return Self.failureCount(pod) >= limit
        }
    }

    /// The annotations of the next pod for `index`: its failure count (and ignored failures).
    func annotations(forIndex index: Int) -> [String: String] {
        var failures = 0, ignored = 0
        if let replaced = awaitingReplacement[index] {
            failures = Self.failureCount(replaced)
            ignored = Self.ignoredFailureCount(replaced)
            if verdict(replaced) == .ignore { ignored += 1 } else { failures += 1 }
        }
        var out = [Self.failureCountAnnotation: String(failures)]
        if ignored > 0 { out[Self.ignoredFailureCountAnnotation] = String(ignored) }
        return out
    }

    /// How long `index` still waits before its next pod: 10 s after its first failure, doubling
    /// with each further one (ignored ones too), capped at six minutes.
    func remaining(forIndex index: Int, at now: Millis) -> Millis {
        guard let last = awaitingReplacement[index] else { return 0 }
        let backoff = JobPodBackoff(failuresAfterLastSuccess: Self.absoluteFailureCount(last) + 1,
                                    lastFailureTime: JobSyncPlan.finishTime(of: last) ?? now)
        return backoff.remaining(at: now)
    }

    private func verdict(_ pod: JSONValue) -> JobPodFailurePolicy.Verdict {
        guard !policy.isNull, pod["status"]["phase"].string == "Failed" else { return .count }
        return JobPodFailurePolicy.verdict(for: pod, policy: policy)
    }

    /// Failed, or deleted before it succeeded (the controller counts both as failures).
    static func isFailed(_ pod: JSONValue) -> Bool {
        let phase = pod["status"]["phase"].string
        return phase == "Failed" || (pod.isDeleting && phase != "Succeeded")
    }

    static func failureCount(_ pod: JSONValue) -> Int { count(pod, failureCountAnnotation) }
    static func ignoredFailureCount(_ pod: JSONValue) -> Int { count(pod, ignoredFailureCountAnnotation) }
    static func absoluteFailureCount(_ pod: JSONValue) -> Int { failureCount(pod) + ignoredFailureCount(pod) }

    /// An annotation's count; missing, malformed, negative or past int32 reads as 0.
    private static func count(_ pod: JSONValue, _ key: String) -> Int {
        guard let text = pod["metadata"]["annotations"][key].string, let n = Int(text), n >= 0, n <= Int(Int32.max) else { return 0 }
        return n
    }
}

extension JobCondition {
    static let failedIndexes = failureTarget(reason: "FailedIndexes", message: "Job has failed indexes")
    static let maxFailedIndexesExceeded = failureTarget(
        reason: "MaxFailedIndexesExceeded", message: "Job has exceeded the specified maximal number of failed indexes")

    /// The failure an Indexed job with backoffLimitPerIndex reaches: more failed indexes than
    /// `maxFailedIndexes`, or every index finished and some failed.
    static func indexFailure(spec: JSONValue, failed: Set<Int>, succeeded: Set<Int>, completions: Int) -> JobCondition? {
        if let most = spec["maxFailedIndexes"].int, failed.count > most { return .maxFailedIndexesExceeded }
        if !failed.isEmpty && failed.count + succeeded.count >= completions { return .failedIndexes }
        return nil
    }
}
