import KubeAPI

/// The delay before a Job replaces a failed pod (upstream's `backoffRecord` and
/// `getRemainingTime`): 10 s after the first failure since the last success, doubling with each
/// further failure, capped at six minutes. A success resets the count.
struct JobPodBackoff: Equatable {
    static let base: Millis = 10_000
    static let cap: Millis = 360_000

    /// Failures seen since the job's last successful pod.
    var failuresAfterLastSuccess = 0
    /// When the latest of those failures happened.
    var lastFailureTime: Millis?

    /// Folds in the pods that finished in one sync: a success clears the record, failures extend it.
    mutating func record(succeeded: Int, failedAt times: [Millis]) {
        if succeeded > 0 && times.isEmpty {
            self = JobPodBackoff()
            return
        }
        guard let latest = times.max() else { return }
        failuresAfterLastSuccess += times.count
        lastFailureTime = max(lastFailureTime ?? latest, latest)
    }

    /// The delay owed after `failuresAfterLastSuccess` failures.
    var delay: Millis {
        guard failuresAfterLastSuccess > 0 else { return 0 }
        var d = Self.base
        for _ in 1..<min(failuresAfterLastSuccess, 32) {
            d *= 2
            if d >= Self.cap { return Self.cap }
        }
        return min(d, Self.cap)
    }

    /// How long from `now` until a replacement pod may be created (0 when it may now).
    func remaining(at now: Millis) -> Millis {
        guard let last = lastFailureTime, failuresAfterLastSuccess > 0 else { return 0 }
        return max(0, last + delay - now)
    }
}
