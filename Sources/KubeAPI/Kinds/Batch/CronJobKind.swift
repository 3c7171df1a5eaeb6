/// CronJob (batch/v1): its name leaves room for the 11-character scheduled-time suffix of its Jobs.
extension KindDescriptor {
    static let cronJob = KindDescriptor(
        ResourceType(kind: "CronJob", plural: "cronjobs", shortNames: ["cj"], group: "batch", categories: ["all"], generation: .spec),
        schema: WorkloadSchemas.cronJob, defaults: { obj, _, _ in Defaulting.cronJob(&obj) },
        // ValidateCronJobCreate checks the name's length after the spec.
        validate: { v, obj in v.cronJob(obj["spec"]); v.cronJobName(obj) }, initialStatus: .emptyObject)
}

extension Defaulting {
    static func cronJob(_ obj: inout JSONValue) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "concurrencyPolicy", "Allow")
            setDefault(&spec, "suspend", false)
            setDefault(&spec, "successfulJobsHistoryLimit", 3)
            setDefault(&spec, "failedJobsHistoryLimit", 1)
            child(&spec, "jobTemplate", create: true) { jt in
                templateMetadata(&jt)
                child(&jt, "spec", create: true) { child(&$0, "template", create: true, podTemplate) }
            }
        }
    }
}

extension Validation {
    /// validateCronJobSpec, in its order: schedule, startingDeadlineSeconds, timeZone,
    /// concurrencyPolicy, the job template, then the history limits.
    mutating func cronJob(_ spec: JSONValue) {
        let schedule = spec["schedule"].string ?? ""
        if schedule.isEmpty { add("spec.schedule", .required) }
        for detail in schedule.isEmpty ? [] : CronSchedule.errorDetails(schedule) {
            add("spec.schedule", .invalid(value: GoFormat.quoted(schedule)), detail)
        }
        nonNegative(spec, "startingDeadlineSeconds", path: "spec")
        if let zone = spec["timeZone"].string, let detail = CronSchedule.timeZoneDetail(zone) {
            add("spec.timeZone", .invalid(value: GoFormat.quoted(zone)), detail)
        }
        if let policy = spec["concurrencyPolicy"].string, !["Allow", "Forbid", "Replace"].contains(policy) {
            add("spec.concurrencyPolicy", .unsupported(value: GoFormat.quoted(policy), allowed: ["Allow", "Forbid", "Replace"]))
        }
        jobSpec(spec["jobTemplate"]["spec"], path: "spec.jobTemplate.spec", template: true)
        jobTemplateSelector(spec["jobTemplate"]["spec"], path: "spec.jobTemplate.spec")
        for key in ["successfulJobsHistoryLimit", "failedJobsHistoryLimit"] { nonNegative(spec, key, path: "spec") }
    }
}

extension Validation {
    /// ValidateCronJobCreate: Job names are the CronJob's name plus `-` and up to 10 digits.
    mutating func cronJobName(_ obj: JSONValue) {
        if let name = obj.metadata["name"].string, name.utf8.count > 52 {
            add("metadata.name", .invalid(value: GoFormat.quoted(name)), "must be no more than 52 characters")
        }
    }
}
