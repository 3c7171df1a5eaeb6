import KubeAPI

/// The conditions a Job's status carries, with upstream's reasons and messages. Since 1.31 the
/// controller first records an interim condition (SuccessCriteriaMet, FailureTarget) and adds
/// the terminal one (Complete, Failed) once none of the job's pods is still terminating.
struct JobCondition: Equatable {
    var type: String
    var status: String = "True"
    var reason: String
    var message: String

    static func successCriteriaMet() -> JobCondition {
        JobCondition(type: "SuccessCriteriaMet", reason: "CompletionsReached", message: "Reached expected number of succeeded pods")
    }

    static func failureTarget(reason: String, message: String) -> JobCondition {
        JobCondition(type: "FailureTarget", reason: reason, message: message)
    }

    static let backoffLimitExceeded = failureTarget(reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit")
    static let deadlineExceeded = failureTarget(reason: "DeadlineExceeded", message: "Job was active longer than specified deadline")

    static let suspended = JobCondition(type: "Suspended", reason: "JobSuspended", message: "Job suspended")
    static let resumed = JobCondition(type: "Suspended", status: "False", reason: "JobResumed", message: "Job resumed")

    /// The terminal condition an interim one leads to, with the same reason and message.
    var terminal: JobCondition {
        JobCondition(type: type == "SuccessCriteriaMet" ? "Complete" : "Failed", reason: reason, message: message)
    }

    /// The status entry, stamped `at`.
    func json(at time: Millis) -> JSONValue {
        let stamp = JSONValue.string(Timestamp.rfc3339(time))
        return ["type": .string(type), "status": .string(status), "lastProbeTime": stamp, "lastTransitionTime": stamp,
                "reason": .string(reason), "message": .string(message)]
    }

    /// Whether `conditions` holds `type` with status True.
    static func holds(_ type: String, in conditions: JSONValue) -> Bool {
        conditions.items.contains { $0["type"].string == type && $0["status"].string == "True" }
    }

    /// The interim condition a status holds, if any.
    static func interim(in conditions: JSONValue) -> JobCondition? {
        for c in conditions.items where c["status"].string == "True" {
            let type = c["type"].string ?? ""
            guard type == "SuccessCriteriaMet" || type == "FailureTarget" else { continue }
            return JobCondition(type: type, reason: c["reason"].string ?? "", message: c["message"].string ?? "")
        }
        return nil
    }

    /// A job with Complete or Failed true is finished: nothing about it changes any more.
    static func isFinished(_ job: JSONValue) -> Bool {
        holds("Complete", in: job["status"]["conditions"]) || holds("Failed", in: job["status"]["conditions"])
    }

    /// When the job finished (its terminal condition's transition time).
    static func finishedAt(_ job: JSONValue) -> Millis? {
        job["status"]["conditions"].items.first {
            ($0["type"].string == "Complete" || $0["type"].string == "Failed") && $0["status"].string == "True"
        }?["lastTransitionTime"].string.flatMap(Timestamp.parse)
    }

    /// `conditions` with `condition` set: an entry of the same type changes (keeping its
    /// transition time when its status stays), a new type is appended.
    static func setting(_ condition: JobCondition, in conditions: JSONValue, at time: Millis) -> JSONValue {
        var items = conditions.items
        if let i = items.firstIndex(where: { $0["type"].string == condition.type }) {
            if items[i]["status"].string == condition.status && items[i]["reason"].string == condition.reason
                && items[i]["message"].string == condition.message
            {
                return .array(items)
            }
            items[i] = condition.json(at: time)
        } else {
            items.append(condition.json(at: time))
        }
        return .array(items)
    }
}
