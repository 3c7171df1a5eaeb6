import KubeAPI

/// The CronJob controller of kube-controller-manager (cronjob_controllerv2.go): creates a Job
/// for each scheduled time, honouring `concurrencyPolicy`, `suspend` and
/// `startingDeadlineSeconds`; keeps `status.active`, `lastScheduleTime` and
/// `lastSuccessfulTime`; trims finished jobs to the history limits. It sleeps on the cluster's
/// event queue until the next scheduled time instead of polling.
public final class CronJobController: Controller {
    public let name = "cronjob-controller"
    public let watchedKinds = WatchedKinds.only(["CronJob", "Job"])
    private let wakeups = KeyedWakeups()
    /// The CronJob whose sync is running: its own job writes (the run it starts, the history it
    /// trims, the jobs Replace deletes) come back through the watch during the sync, which has
    /// accounted for them already, so they queue no second sync.
    private var syncing: String?
    /// Parsed schedules by schedule text and zone: every CronJob firing each minute parsed its
    /// schedule on every sync, which showed in profiles. Bounded, as schedules are user text.
    private var parsedSchedules: [ScheduleText: Result<CronJobSchedule, CronJobScheduleError>] = [:]

    private struct ScheduleText: Hashable {
        let schedule: String
        let timeZone: String
    }

    public init() {}

    private func schedule(of cronJob: JSONValue) -> Result<CronJobSchedule, CronJobScheduleError> {
        let key = ScheduleText(schedule: cronJob.spec["schedule"].string ?? "", timeZone: cronJob.spec["timeZone"].string ?? "")
        if let known = parsedSchedules[key] { return known }
        let parsed = CronJobSchedule.of(cronJob)
        if parsedSchedules.count >= 256 { parsedSchedules.removeAll() }
        parsedSchedules[key] = parsed
        return parsed
    }

    static let cronJobs = ResourceRegistry.forKind("CronJob")!
    static let jobs = JobController.jobs

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        let object = event.object
        let ns = object.namespace ?? "default"
        switch event.resource.kind {
        case "CronJob":
            if event.kind == .deleted {
                wakeups.forget(event.namespacedKey)
                return []
            }
            if event.kind == .modified, let old = event.old, StatefulSetController.onlyStatusChanged(old, object) { return [] }
            return [event.namespacedKey]
        case "Job":
            guard let ref = object.controllerRef ?? event.old?.controllerRef, ref["kind"].string == "CronJob",
                let owner = ref["name"].string
            else { return [] }
            if let syncing, syncing == ns + "/" + owner { return [] }
            // A running job's progress changes nothing here; its start, end and removal do.
            if event.kind == .modified, let old = event.old, JobCondition.isFinished(old) == JobCondition.isFinished(object),
                old.isDeleting == object.isDeleting
            {
                return []
            }
            return [ns + "/" + owner]
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let (ns, cronJobName) = NamespacedKey.split(key) else { return }
        guard let cronJob = cluster.store.get(Self.cronJobs, namespace: ns, name: cronJobName), !cronJob.isDeleting else { return }
        syncing = key
        defer { syncing = nil }
        let control = CronJobJobControl(cluster: cluster, source: name)
        let now = cluster.now
        // Each job's outcome is read once, for this loop and for the history trim.
        var jobs = Self.ownedJobs(of: cronJob, in: cluster).map { CronJobHistory.Owned(job: $0, outcome: JobCondition.outcome(of: $0)) }
        var status = cronJob.status.object == nil ? JSONValue.emptyObject : cronJob.status
        var active = status["active"].items
        func event(_ type: String, _ reason: String, _ message: String) {
            cluster.recordEvent(for: cronJob, type: type, reason: reason, message: message, source: name)
        }

        // What became of the jobs it started.
        for owned in jobs {
            let job = owned.job, outcome = owned.outcome, uid = job.uid
            let listed = active.contains { $0["uid"].string == uid }
            if !listed && outcome == nil && !job.isDeleting {
                // A job it owns but did not start (`kubectl create job --from=cronjob/...`) is left alone.
                event("Warning", "UnexpectedJob", "Saw a job that the controller did not create or forgot: \(job.name)")
            } else if let outcome {
                if listed {
                    let condition = outcome == .complete ? "Complete" : "Failed"
                    active.removeAll { $0["uid"].string == uid }
                    event("Normal", "SawCompletedJob", "Saw completed job: \(job.name), condition: \(condition)")
                }
                // Any job it owns that succeeded counts, listed or not: a manual run
                // (`kubectl create job --from=cronjob/...`) moves lastSuccessfulTime too. Upstream
                // does this a sync after the SawCompletedJob one; the status ends the same.
                if outcome == .complete, let done = job.status["completionTime"].string,
                    (status["lastSuccessfulTime"].string.flatMap(Timestamp.parse) ?? .min) < (Timestamp.parse(done) ?? .min)
                {
                    status["lastSuccessfulTime"] = .string(done)
                }
            }
        }
        // A handful of jobs (the history limits'): a list beats hashing them.
        let existing = jobs.map(\.job.uid)
        for ref in active where !existing.contains(ref["uid"].string ?? "") {
            event("Normal", "MissingJob", "Active job went missing: \(ref["name"].string ?? "")")
        }
        active.removeAll { !existing.contains($0["uid"].string ?? "") }

        if cronJob.spec["suspend"].bool != true {
            switch schedule(of: cronJob) {
            case .failure(.unparseable(let message)):
                event("Warning", "UnparseableSchedule", message)
            case .failure(.unknownZone(let message)):
                event("Warning", "UnknownTimeZone", message)
            case .success(let schedule):
                var view = cronJob
                view["status"] = status
                let due = schedule.due(for: view, now: now)
                if let scheduled = due.scheduled {
                    if due.missed > CronJobSchedule.manyMissedLimit {
                        event("Warning", "TooManyMissedTimes",
                              "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew")
                    }
                    let jobName = CronJobSchedule.jobName(cronJob.name, scheduled: scheduled)
                    let deadline = cronJob.spec["startingDeadlineSeconds"].int.map { scheduled + Millis(max(0, min($0, 1 << 40))) * 1000 }
                    if let deadline, deadline < now {
                        event("Warning", "MissSchedule", "Missed scheduled time to start a job: \(Timestamp.rfc1123z(scheduled))")
                    } else if active.contains(where: { $0["name"].string == jobName })
                        || cluster.store.get(Self.jobs, namespace: ns, name: jobName) != nil
                    {
                        // This run exists already.
                    } else if cronJob.spec["concurrencyPolicy"].string == "Forbid" && !active.isEmpty {
                        event("Normal", "JobAlreadyActive",
                              "Not starting job because prior execution is running and concurrency policy is Forbid")
                    } else {
                        if cronJob.spec["concurrencyPolicy"].string == "Replace" {
                            for ref in active { control.delete(ref["name"].string ?? "", of: cronJob) }
                            active = []
                        }
                        if let job = control.create(for: cronJob, scheduled: scheduled, zone: schedule.zone) {
                            active.append(CronJobJobControl.reference(to: job))
                            jobs.append(CronJobHistory.Owned(job: job, outcome: nil))
                            status["lastScheduleTime"] = .string(Timestamp.rfc3339(scheduled))
                        }
                    }
                }
                if let at = schedule.wakeAfter(now) { wakeups.wake(self, key: key, at: at, in: cluster) }
            }
        }

        CronJobHistory.trim(jobs, of: cronJob, control: control)
        status["active"] = active.isEmpty ? .null : .array(active)
        if let current = cluster.store.get(Self.cronJobs, namespace: ns, name: cronJobName), current.uid == cronJob.uid {
            let wanted = status.object?.isEmpty ?? true ? JSONValue.emptyObject : status
            if current["status"] != wanted {
                var updated = current
                updated["status"] = wanted
                _ = try? cluster.store.update(Self.cronJobs, updated)
            }
        }
    }

    /// The jobs in its namespace this CronJob controls, by name (the store's dependents come
    /// sorted by kind, namespace and name, so the refs are in name order already).
    static func ownedJobs(of cronJob: JSONValue, in cluster: Cluster) -> [JSONValue] {
        let uid = cronJob.uid, ns = cronJob.namespace ?? "default"
        return cluster.store.dependents(of: uid).compactMap { ref -> JSONValue? in
            guard ref.resource.kind == "Job", ref.namespace == ns, let job = cluster.store.get(ref), job.controllerRef?["uid"].string == uid
            else { return nil }
            return job
        }
    }
}
