import KubeAPI

/// The finished jobs a CronJob keeps (`cleanupFinishedJobs`): the newest
/// `successfulJobsHistoryLimit` complete and `failedJobsHistoryLimit` failed ones, oldest
/// start time deleted first.
enum CronJobHistory {
    /// A job the CronJob controls, with its outcome as the sync read it.
    struct Owned {
        let job: JSONValue
        let outcome: JobCondition.Outcome?
    }

    static func trim(_ jobs: [Owned], of cronJob: JSONValue, control: CronJobJobControl) {
        var succeeded: [JSONValue] = [], failed: [JSONValue] = []
        for owned in jobs where !owned.job.isDeleting {
            switch owned.outcome {
            case .complete: succeeded.append(owned.job)
            case .failed: failed.append(owned.job)
            case nil: break
            }
        }
        for (group, key) in [(succeeded, "successfulJobsHistoryLimit"), (failed, "failedJobsHistoryLimit")] {
            guard let limit = cronJob.spec[key].int, group.count > max(0, limit) else { continue }
            // Start times are parsed once per trim, not in every comparison.
            let started = group.map { Started(time: $0.status["startTime"].string.flatMap(Timestamp.parse), name: $0.name) }
            for job in started.sorted(by: Started.before).prefix(group.count - max(0, limit)) {
                control.delete(job.name, of: cronJob)
            }
        }
    }

    /// A finished job's start time and name, what the oldest-first order reads.
    struct Started {
        let time: Millis?
        let name: String

        /// Jobs without a start time sort last; ties by name (byJobStartTime).
        static func before(_ a: Started, _ b: Started) -> Bool {
            switch (a.time, b.time) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.name < b.name
            }
        }
    }
}
