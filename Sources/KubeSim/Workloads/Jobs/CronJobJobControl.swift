import KubeAPI

/// The CronJob controller's writes to Jobs (upstream's `jobControl` and `getJobFromTemplate2`):
/// a job built from the template and named after its scheduled time, and background deletion.
struct CronJobJobControl {
    let cluster: Cluster
    let source: String

    static let jobs = JobController.jobs
    static let scheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp"

    /// The job for the run scheduled at `scheduled`.
    static func job(for cronJob: JSONValue, scheduled: Millis, zone: CronTimeZone) -> JSONValue {
        let template = cronJob.spec["jobTemplate"]
        var annotations = template["metadata"]["annotations"].stringMap
        annotations[scheduledTimestampAnnotation] = zone.rfc3339(scheduled)
        var metadata: JSONValue = [:]
        metadata["annotations"] = .stringMap(annotations)
        let labels = template["metadata"]["labels"].stringMap
        if !labels.isEmpty { metadata["labels"] = .stringMap(labels) }
        metadata["name"] = .string(CronJobSchedule.jobName(cronJob.name, scheduled: scheduled))
        metadata["namespace"] = .string(cronJob.namespace ?? "default")
        metadata["ownerReferences"] = [cronJob.ownerReference()]
        var job: JSONValue = ["apiVersion": "batch/v1", "kind": "Job"]
        job["metadata"] = metadata
        job["spec"] = template["spec"].isNull ? [:] : template["spec"]
        return job
    }

    /// The `status.active` entry for a job.
    static func reference(to job: JSONValue) -> JSONValue {
        ["apiVersion": "batch/v1", "kind": "Job", "name": .string(job.name), "namespace": .string(job.namespace ?? "default"),
         "resourceVersion": job["metadata"]["resourceVersion"], "uid": .string(job.uid)]
    }

    /// Creates the run's job, recording SuccessfulCreate or FailedCreate.
    func create(for cronJob: JSONValue, scheduled: Millis, zone: CronTimeZone) -> JSONValue? {
        RecordedWrites(cluster: cluster, source: source).create(
            Self.job(for: cronJob, scheduled: scheduled, zone: zone), as: Self.jobs, owner: cronJob,
            created: { "Created job \($0)" }, failed: { "Error creating job: \($0)" })
    }

    /// Deletes a job and, through the garbage collector, its pods; records SuccessfulDelete.
    func delete(_ name: String, of cronJob: JSONValue) {
        RecordedWrites(cluster: cluster, source: source).delete(name, as: Self.jobs, owner: cronJob, deleted: { "Deleted job \($0)" })
    }
}
