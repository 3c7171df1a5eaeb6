/// Job (batch/v1): the selector is generated from the uid; completions and (unless suspended) the
/// template are immutable.
extension KindDescriptor {
    static let job = KindDescriptor(
        ResourceType(kind: "Job", plural: "jobs", group: "batch", categories: ["all"], generation: .spec),
        schema: WorkloadSchemas.job, defaults: { obj, _, _ in Defaulting.job(&obj) },
        validate: { v, obj in v.jobSpec(obj["spec"], path: "spec", template: true) }, validateUpdate: UpdateValidation.job,
        initialStatus: .emptyObject)
}

extension Defaulting {
    static func job(_ obj: inout JSONValue) {
        let uid = obj["metadata"]["uid"].string ?? ""
        let jobName = obj["metadata"]["name"].string ?? ""
        child(&obj, "spec", create: true) { spec in
            // The job strategy generates the selector from the UID; without one the caller must do it later.
            if spec["manualSelector"].bool != true, !uid.isEmpty, spec["selector"].isNull {
                spec["selector"] = ["matchLabels": ["batch.kubernetes.io/controller-uid": .string(uid)]]
                child(&spec, "template", create: true) { t in
                    child(&t, "metadata", create: true) { m in
                        child(&m, "labels", create: true) { l in
                            l["batch.kubernetes.io/controller-uid"] = .string(uid)
                            l["batch.kubernetes.io/job-name"] = .string(jobName)
                            l["controller-uid"] = .string(uid)
                            l["job-name"] = .string(jobName)
                        }
                    }
                }
            }
            if spec["completions"].isNull && spec["parallelism"].isNull {
                spec["completions"] = 1
                spec["parallelism"] = 1
            }
            setDefault(&spec, "parallelism", 1)
            setDefault(&spec, "backoffLimit", 6)
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
        for key in ["parallelism", "completions", "backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished"] {
            nonNegative(spec, key, path: path)
        }
        if let mode = spec["completionMode"].string, mode != "NonIndexed", mode != "Indexed" {
            add(path + ".completionMode", .unsupported(value: GoFormat.quoted(mode), allowed: ["NonIndexed", "Indexed"]))
        }
        if spec["completionMode"].string == "Indexed", spec["completions"].isNull {
            add(path + ".completions", .required, "when completion mode is Indexed")
        }
        let podPath = path + ".template.spec"
        podSpec(spec["template"]["spec"], path: podPath, forPod: false)
        let restart = spec["template"]["spec"]["restartPolicy"].string ?? ""
        if restart != "OnFailure" && restart != "Never" {
            add(podPath + ".restartPolicy", .unsupported(value: GoFormat.quoted(restart), allowed: ["OnFailure", "Never"]))
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
            errors.append(FieldError("spec.completions", .invalid(value: GoFormat.value(newSpec["completions"])), "field is immutable"))
        }
        var newTemplate = newSpec["template"], oldTemplate = oldSpec["template"]
        newTemplate["metadata"]["labels"] = .null; oldTemplate["metadata"]["labels"] = .null
        if newTemplate != oldTemplate, oldSpec["suspend"].bool != true {
            errors.append(FieldError("spec.template", .invalid(value: "core.PodTemplateSpec{...}"), "field is immutable"))
        }
        return errors
    }
}
