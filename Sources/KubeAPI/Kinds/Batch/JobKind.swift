/// Job (batch/v1): the selector is generated from the uid; completions and (unless suspended) the
/// template are immutable.
extension KindDescriptor {
    static let job = KindDescriptor(
        ResourceType(kind: "Job", plural: "jobs", group: "batch", categories: ["all"], generation: .spec),
        schema: WorkloadSchemas.job, defaults: { obj, _, _ in Defaulting.job(&obj) },
        validate: { v, obj in
            v.jobGeneratedSelector(obj)
            v.jobSpec(obj["spec"], path: "spec", template: true)
            v.jobSelector(obj)
        },
        validateUpdate: UpdateValidation.job,
        initialStatus: .emptyObject)
}

extension Defaulting {
    static func job(_ obj: inout JSONValue) {
        let uid = obj["metadata"]["uid"].string ?? ""
        let jobName = obj["metadata"]["name"].string ?? ""
        child(&obj, "spec", create: true) { spec in
            // The job strategy's generateSelector: the uid and name labels go on the template (a
            // label the user set stays, for validation to judge) and the uid into the selector.
            // Without a uid the caller must do it later.
            if spec["manualSelector"].bool != true, !uid.isEmpty {
                child(&spec, "template", create: true) { t in
                    child(&t, "metadata", create: true) { m in
                        child(&m, "labels", create: true) { l in
                            for (key, value) in [("batch.kubernetes.io/controller-uid", uid), ("batch.kubernetes.io/job-name", jobName),
                                                 ("controller-uid", uid), ("job-name", jobName)] where l[key].isNull {
                                l[key] = .string(value)
                            }
                        }
                    }
                }
                child(&spec, "selector", create: true) { sel in
                    child(&sel, "matchLabels", create: true) { l in
                        if l["batch.kubernetes.io/controller-uid"].isNull { l["batch.kubernetes.io/controller-uid"] = .string(uid) }
                    }
                }
            }
            if spec["completions"].isNull && spec["parallelism"].isNull {
                spec["completions"] = 1
                spec["parallelism"] = 1
            }
            setDefault(&spec, "parallelism", 1)
            // A job with backoffLimitPerIndex fails by index, so its overall limit is off by default.
            let limit: JSONValue = spec["backoffLimitPerIndex"].isNull ? 6 : .int(Int(Int32.max))
            setDefault(&spec, "backoffLimit", limit)
            setDefault(&spec, "completionMode", "NonIndexed")
            setDefault(&spec, "suspend", false)
            if spec["podFailurePolicy"].isNull { setDefault(&spec, "podReplacementPolicy", "TerminatingOrFailed") }
            else { setDefault(&spec, "podReplacementPolicy", "Failed") }
            child(&spec, "template", create: true, podTemplate)
        }
    }
}

extension Validation {
    mutating func jobSpec(_ spec: JSONValue, path: String, template: Bool) {
        for key in ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished"] {
            nonNegative(spec, key, path: path)
        }
        jobIndexLimits(spec, path: path)
        if let mode = spec["completionMode"].string, mode != "NonIndexed", mode != "Indexed" {
            add(path + ".completionMode", .unsupported(value: GoFormat.quoted(mode), allowed: ["NonIndexed", "Indexed"]))
        }
        if spec["completionMode"].string == "Indexed", spec["completions"].isNull {
            add(path + ".completions", .required, "when completion mode is Indexed")
        }
        jobIndexedMode(spec, path: path)
        jobPodFailurePolicy(spec, path: path)
        jobSuccessPolicy(spec, path: path)
        let podPath = path + ".template.spec"
        podSpec(spec["template"]["spec"], path: podPath, forPod: false)
        let restart = spec["template"]["spec"]["restartPolicy"].string ?? ""
        if restart != "OnFailure" && restart != "Never" {
            add(podPath + ".restartPolicy", .unsupported(value: GoFormat.quoted(restart), allowed: ["OnFailure", "Never"]))
        } else if !spec["podFailurePolicy"].isNull && restart != "Never" {
            add(podPath + ".restartPolicy", .invalid(value: GoFormat.quoted(restart)), "only \"Never\" is supported when podFailurePolicy is specified")
        }
    }
}

extension UpdateValidation {
    /// ValidateJobUpdate: the selector and completions stay; the template changes only while suspended.
    static func job(_ new: JSONValue, old: JSONValue) -> [FieldError] {
        let newSpec = new["spec"], oldSpec = old["spec"]
        var errors: [FieldError] = []
        if newSpec["selector"] != oldSpec["selector"], !oldSpec["selector"].isNull, !newSpec["selector"].isNull {
            errors.append(FieldError("spec.selector", .invalid(value: selectorText(newSpec["selector"])), "field is immutable"))
        }
        if newSpec["completions"] != oldSpec["completions"] {
            // validateCompletions: an Indexed job is elastic (GA in 1.31) when completions and
            // parallelism change together and stay equal; any other job's completions stay.
            if newSpec["completionMode"].string != "Indexed" {
                errors.append(FieldError("spec.completions", .invalid(value: GoFormat.value(newSpec["completions"])), "field is immutable"))
            } else if let completions = newSpec["completions"].int, completions != newSpec["parallelism"].int {
                errors.append(FieldError("spec.completions", .invalid(value: GoFormat.value(newSpec["completions"])),
                                         "can only be modified in tandem with spec.parallelism"))
            }
        }
        // validatePodTemplateUpdate: only a job suspended since its creation (never started) may
        // change its pods' scheduling directives, labels and annotations; nothing else in the
        // template changes. (The labels are left out in every case: the server put the selector's
        // labels there, and a selector mismatch has an error of its own.)
        var newTemplate = newSpec["template"], oldTemplate = oldSpec["template"]
        newTemplate["metadata"]["labels"] = .null; oldTemplate["metadata"]["labels"] = .null
        if oldSpec["suspend"].bool == true && old["status"]["startTime"].isNull {
            func dropMutable(_ t: inout JSONValue) {
                t["metadata"]["annotations"] = .null
                for key in ["nodeSelector", "tolerations", "affinity", "schedulingGates"] { t["spec"][key] = .null }
            }
            dropMutable(&newTemplate)
            dropMutable(&oldTemplate)
        }
        if newTemplate != oldTemplate {
            errors.append(FieldError("spec.template", .invalid(value: "core.PodTemplateSpec{...}"), "field is immutable"))
        }
        for key in ["completionMode", "backoffLimitPerIndex"] where newSpec[key] != oldSpec[key] {
            errors.append(FieldError("spec." + key, .invalid(value: GoFormat.value(newSpec[key])), "field is immutable"))
        }
        return errors
    }
}
