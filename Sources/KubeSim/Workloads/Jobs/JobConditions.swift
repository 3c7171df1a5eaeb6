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

    /// The status entry, stamped with `time` (an RFC 3339 timestamp).
    func json(stamp time: String) -> JSONValue {
        let stamp = JSONValue.string(time)
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

    /// How a finished job ended.
    enum Outcome {
        case complete, failed
    }

    /// Complete when that condition is true, else Failed when that one is, else nil (running),
    /// read in one pass: the Job, CronJob and TTL controllers ask this of every job they look at.
    static func outcome(of job: JSONValue) -> Outcome? {
        var failed = false
        for c in job["status"]["conditions"].items where c["status"].string == "True" {
            switch c["type"].string {
            case "Complete": return .complete
            case "Failed": failed = true
            default: break
            }
        }
        return failed ? .failed : nil
    }

    /// A job with Complete or Failed true is finished: nothing about it changes any more.
    static func isFinished(_ job: JSONValue) -> Bool { outcome(of: job) != nil }

    /// When the job finished (its terminal condition's transition time).
    static func finishedAt(_ job: JSONValue) -> Millis? {
        job["status"]["conditions"].items.first {
            ($0["type"].string == "Complete" || $0["type"].string == "Failed") && $0["status"].string == "True"
        }?["lastTransitionTime"].string.flatMap(Timestamp.parse)
    }

    /// `conditions` with `condition` set: an entry of the same type changes (keeping its
    /// transition time when its status stays), a new type is appended. `time` is the RFC 3339
    /// stamp of the change, formatted once by the caller for all it writes in a pass.
    static func setting(_ condition: JobCondition, in conditions: JSONValue, stamp time: @autoclosure () -> String) -> JSONValue {
        var items = conditions.items
        if let i = items.firstIndex(where: { $0["type"].string == condition.type }) {
            if items[i]["status"].string == condition.status && items[i]["reason"].string == condition.reason
                && items[i]["message"].string == condition.message
            {
                return .array(items)
            }
            items[i] = condition.json(stamp: time())
        } else {
            items.append(condition.json(stamp: time()))
        }
        return .array(items)
    }
}
