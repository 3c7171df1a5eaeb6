import KubeAPI

/// The finished jobs a CronJob keeps (`cleanupFinishedJobs`): the newest
/// `successfulJobsHistoryLimit` complete and `failedJobsHistoryLimit` failed ones, oldest
/// start time deleted first.
enum CronJobHistory {
    static func trim(_ jobs: [JSONValue], of cronJob: JSONValue, control: CronJobJobControl) {
        let finished = jobs.filter { !$0.isDeleting && JobCondition.isFinished($0) }
        let succeeded = finished.filter { JobCondition.holds("Complete", in: $0.status["conditions"]) }
        let failed = finished.filter { !JobCondition.holds("Complete", in: $0.status["conditions"]) }
        for (group, key) in [(succeeded, "successfulJobsHistoryLimit"), (failed, "failedJobsHistoryLimit")] {
            guard let limit = cronJob.spec[key].int, group.count > max(0, limit) else { continue }
            for job in group.sorted(by: startedBefore).prefix(group.count - max(0, limit)) {
                control.delete(job.name, of: cronJob)
            }
        }
    }

    /// Jobs without a start time sort last; ties by name (byJobStartTime).
    static func startedBefore(_ a: JSONValue, _ b: JSONValue) -> Bool {
        let sa = a.status["startTime"].string.flatMap(Timestamp.parse), sb = b.status["startTime"].string.flatMap(Timestamp.parse)
        switch (sa, sb) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.name < b.name
        }
    }
}
