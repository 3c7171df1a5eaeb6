import KubeAPI

/// `spec.successPolicy` of an Indexed Job (upstream's `matchSuccessPolicy` in
/// success_policy.go): the first rule its succeeded indexes satisfy makes the job meet its
/// success criteria early; its remaining pods are then stopped and it completes with reason
/// `SuccessPolicy`.
enum JobSuccessPolicy {
    /// `Matched rules at index N` for the first satisfied rule, nil when none is (or there is no policy).
    static func match(_ policy: JSONValue, completions: Int, succeeded: Set<Int>) -> String? {
        guard !policy.isNull, !succeeded.isEmpty else { return nil }
        for (index, rule) in policy["rules"].items.enumerated() {
            if let text = rule["succeededIndexes"].string {
                let required = JobIndexes.parse(text, completions: completions)
                // A rule whose indexes cannot be read selects nothing.
                guard !required.isEmpty else { continue }
                let contained = required.intersection(succeeded).count
                if contained == required.count || rule["succeededCount"].int.map({ contained >= $0 }) == true {
                    return "Matched rules at index \(index)"
                }
            } else if let count = rule["succeededCount"].int, succeeded.count >= count {
                return "Matched rules at index \(index)"
            }
        }
        return nil
    }
}

extension JobCondition {
    static func successPolicy(_ message: String) -> JobCondition {
        JobCondition(type: "SuccessCriteriaMet", reason: "SuccessPolicy", message: message)
    }
}
