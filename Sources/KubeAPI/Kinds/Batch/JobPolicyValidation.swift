/// The API server's checks of a Job's index, failure and success policies and of its selector
/// (pkg/apis/batch/validation: `validateJobSpec`, `validatePodFailurePolicyRule`,
/// `validateSuccessPolicy`, `validateGeneratedSelector`, `ValidateJobSpec`), with its texts.
extension Validation {
    /// Most indexes an Indexed job may run in parallel, and most failed indexes it may allow.
    static let maxParallelismForIndexedJob = 100_000
    static let maxFailedIndexesForIndexedJob = 100_000
    /// Above this many completions, backoffLimitPerIndex needs tighter limits.
    static let completionsSoftLimit = 100_000
    static let limitForHighCompletions = 10_000
    static let maxSuccessPolicySucceededIndexes = 64 * 1024

    /// backoffLimitPerIndex and maxFailedIndexes: non-negative, Indexed only, bounded.
    mutating func jobIndexLimits(_ spec: JSONValue, path: String) {
        nonNegative(spec, "backoffLimitPerIndex", path: path)
        if !spec["maxFailedIndexes"].isNull {
            nonNegative(spec, "maxFailedIndexes", path: path)
            if spec["backoffLimitPerIndex"].isNull {
                add(path + ".backoffLimitPerIndex", .required, "when maxFailedIndexes is specified")
            }
        }
    }

    /// The completion mode's rules for the index fields.
    mutating func jobIndexedMode(_ spec: JSONValue, path: String) {
        let completions = spec["completions"].int
        let parallelism = spec["parallelism"].int
        let most = spec["maxFailedIndexes"].int
        if spec["completionMode"].string == "Indexed" {
            if let p = parallelism, p > Self.maxParallelismForIndexedJob {
                add(path + ".parallelism", .invalid(value: String(p)),
                    "must be less than or equal to \(Self.maxParallelismForIndexedJob) when completion mode is Indexed")
            }
            if let c = completions, let m = most, m > c {
                add(path + ".maxFailedIndexes", .invalid(value: String(m)), "must be less than or equal to completions")
            }
            if let m = most, m > Self.maxFailedIndexesForIndexedJob {
                add(path + ".maxFailedIndexes", .invalid(value: String(m)), "must be less than or equal to \(Self.maxFailedIndexesForIndexedJob)")
            }
            if let c = completions, c > Self.completionsSoftLimit, !spec["backoffLimitPerIndex"].isNull {
                let high = "when completions are above \(Self.completionsSoftLimit) and used with backoff limit per index"
                if most == nil {
                    add(path + ".maxFailedIndexes", .required, "must be specified when completions is above \(Self.completionsSoftLimit)")
                }
                if let p = parallelism, p > Self.limitForHighCompletions {
                    add(path + ".parallelism", .invalid(value: String(p)), "must be less than or equal to \(Self.limitForHighCompletions) \(high)")
                }
                if let m = most, m > Self.limitForHighCompletions {
                    add(path + ".maxFailedIndexes", .invalid(value: String(m)), "must be less than or equal to \(Self.limitForHighCompletions) \(high)")
                }
            }
        } else if spec["completionMode"].string == nil || spec["completionMode"].string == "NonIndexed" {
            if let b = spec["backoffLimitPerIndex"].int {
                add(path + ".backoffLimitPerIndex", .invalid(value: String(b)), "requires indexed completion mode")
            }
            if let m = most { add(path + ".maxFailedIndexes", .invalid(value: String(m)), "requires indexed completion mode") }
        }
    }

    /// Each podFailurePolicy rule: a supported action (FailIndex only with backoffLimitPerIndex)
    /// and exactly one of onExitCodes and onPodConditions.
    mutating func jobPodFailurePolicy(_ spec: JSONValue, path: String) {
        let policy = spec["podFailurePolicy"]
        guard !policy.isNull else { return }
        let actions = ["Count", "FailIndex", "FailJob", "Ignore"]
        for (i, rule) in policy["rules"].items.enumerated() {
            let rulePath = "\(path).podFailurePolicy.rules[\(i)]"
            let action = rule["action"].string ?? ""
            if action.isEmpty {
                add(rulePath + ".action", .required, "valid values: [" + actions.map { "\"\($0)\"" }.joined(separator: " ") + "]")
            } else if action == "FailIndex" {
                if spec["backoffLimitPerIndex"].isNull {
                    add(rulePath + ".action", .invalid(value: GoFormat.quoted(action)), "requires the backoffLimitPerIndex to be set")
                }
            } else if !actions.contains(action) {
                add(rulePath + ".action", .unsupported(value: GoFormat.quoted(action), allowed: actions))
            }
            let exitCodes = !rule["onExitCodes"].isNull, conditions = !rule["onPodConditions"].items.isEmpty
            if exitCodes && conditions {
                add(rulePath, .invalid(value: "null"), "specifying both OnExitCodes and OnPodConditions is not supported")
            }
            if !exitCodes && !conditions {
                add(rulePath, .invalid(value: "null"), "specifying one of OnExitCodes and OnPodConditions is required")
            }
        }
    }

    /// successPolicy: Indexed jobs only; one to twenty rules, each with readable indexes and a
    /// count no larger than the indexes or completions it refers to.
    mutating func jobSuccessPolicy(_ spec: JSONValue, path: String) {
        let policy = spec["successPolicy"]
        guard !policy.isNull else { return }
        let policyPath = path + ".successPolicy"
        guard spec["completionMode"].string == "Indexed" else {
            add(policyPath, .invalid(value: Self.successPolicyText(policy)), "requires indexed completion mode")
            return
        }
        let rules = policy["rules"].items
        if rules.isEmpty { add(policyPath + ".rules", .required, "at least one rules must be specified when the successPolicy is specified") }
        let completions = spec["completions"].int ?? 0
        for (i, rule) in rules.enumerated() {
            let rulePath = "\(policyPath).rules[\(i)]"
            let indexes = rule["succeededIndexes"].string
            let count = rule["succeededCount"].int
            if indexes == nil && count == nil {
                add(rulePath, .required, "at least one of succeededCount or succeededIndexes must be specified")
            }
            var total = 0
            if let indexes {
                let p = rulePath + ".succeededIndexes"
                if indexes.utf8.count > Self.maxSuccessPolicySucceededIndexes {
                    add(p, .tooLong(value: indexes, max: Self.maxSuccessPolicySucceededIndexes))
                }
                switch Self.indexesTotal(indexes, completions: completions) {
                case .success(let n): total = n
                case .failure(let error): add(p, .invalid(value: GoFormat.quoted(indexes)), "error parsing succeededIndexes: \(error.text)")
                }
            }
            if let count {
                let p = rulePath + ".succeededCount"
                nonNegative(rule, "succeededCount", path: rulePath)
                if count > completions {
                    add(p, .invalid(value: String(count)), "must be less than or equal to \(completions) (the number of specified completions)")
                }
                if indexes != nil && count > total {
                    add(p, .invalid(value: String(count)),
                        "must be less than or equal to \(total) (the number of indexes in the specified succeededIndexes field)")
                }
            }
        }
    }

    struct IndexesError: Error { var text: String }

    /// How many indexes `0-2,5` names, or why it cannot be read (upstream's `validateIndexesFormat`).
    static func indexesTotal(_ text: String, completions: Int) -> Result<Int, IndexesError> {
        guard !text.isEmpty else { return .success(0) }
        var last: Int?
        var total = 0
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            if bounds.count > 2 {
                return .failure(IndexesError(text: "the fragment \(GoFormat.quoted(String(part))) violates the requirement that an index interval can have at most two parts separated by '-'"))
            }
            var ends: [Int] = []
            for b in bounds {
                guard let n = Int(b) else { return .failure(IndexesError(text: "cannot convert string to integer for index: \(GoFormat.quoted(b))")) }
                if n >= completions { return .failure(IndexesError(text: "too large index: \(GoFormat.quoted(b))")) }
                ends.append(n)
            }
            let x = ends[0], y = ends.count == 2 ? ends[1] : ends[0]
            if ends.count == 2 && x >= y { return .failure(IndexesError(text: "non-increasing order, previous: \(x), current: \(y)")) }
            if let last, last >= x { return .failure(IndexesError(text: "non-increasing order, previous: \(last), current: \(x)")) }
            total += y - x + 1
            last = y
        }
        return .success(total)
    }

    /// The policy as Go's `%#v` prints the internal struct (its pointer fields as addresses).
    static func successPolicyText(_ policy: JSONValue) -> String {
        let rules = policy["rules"].items.enumerated().map { i, rule in
            let indexes = rule["succeededIndexes"].isNull ? "(*string)(nil)" : "(*string)(0xc000\(String(0x1a2b30 + i * 0x20, radix: 16)))"
            let count = rule["succeededCount"].isNull ? "(*int32)(nil)" : "(*int32)(0xc000\(String(0x1a2b48 + i * 0x20, radix: 16)))"
            return "batch.SuccessPolicyRule{SucceededIndexes:\(indexes), SucceededCount:\(count)}"
        }
        return "batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{\(rules.joined(separator: ", "))}}"
    }

    /// `validateGeneratedSelector`: without manualSelector the selector and template labels must
    /// be the generated ones, naming the job's uid and name.
    mutating func jobGeneratedSelector(_ obj: JSONValue) {
        let spec = obj["spec"]
        guard spec["manualSelector"].bool != true, !spec["selector"].isNull else { return }
        let uid = obj["metadata"]["uid"].string ?? ""
        let name = obj["metadata"]["name"].string ?? ""
        if uid.isEmpty { add("metadata.uid", .required) }
        let labels = spec["template"]["metadata"]["labels"]
        let expected: [(String, String)] = [("controller-uid", uid), ("job-name", name),
                                            ("batch.kubernetes.io/controller-uid", uid), ("batch.kubernetes.io/job-name", name)]
        for (key, value) in expected {
            // The path is spelled only for an error: every Job a CronJob starts passes here.
            func path() -> String { "spec.template.metadata.labels[\(key)]" }
            if let actual = labels[key].string {
                if actual != value { add(path(), .invalid(value: GoFormat.stringMap(labels.stringMap)), "must be '\(value)'") }
            } else {
                add(path(), .required, value)
            }
        }
        let matchesExpected = Self.selectorMatches(spec["selector"]) { key in expected.first { $0.0 == key }?.1 }
        if !matchesExpected {
            add("spec.selector", .invalid(value: UpdateValidation.selectorText(spec["selector"])), "`selector` not auto-generated")
        }
    }

    /// `ValidateJobTemplateSpec`: the jobs a CronJob makes always get a generated selector.
    mutating func jobTemplateSelector(_ spec: JSONValue, path: String) {
        if !spec["selector"].isNull {
            add(path + ".selector", .invalid(value: UpdateValidation.selectorText(spec["selector"])), "`selector` will be auto-generated")
        }
        if spec["manualSelector"].bool == true {
            add(path + ".manualSelector", .unsupported(value: "true", allowed: ["nil", "false"]))
        }
    }

    /// `ValidateJobSpec`'s selector part: required, and it must select the template's labels.
    /// (Admitted without a uid, a generated selector is still to come.)
    mutating func jobSelector(_ obj: JSONValue) {
        let spec = obj["spec"]
        let selector = spec["selector"]
        guard selector.object != nil else {
            if spec["manualSelector"].bool == true || !(obj["metadata"]["uid"].string ?? "").isEmpty { add("spec.selector", .required) }
            return
        }
        labelsOnly(selector["matchLabels"], path: "spec.selector.matchLabels")
        let templateLabels = spec["template"]["metadata"]["labels"]
        if !Self.selectorMatches(selector, { templateLabels[$0].string }) {
            add("spec.template.metadata.labels", .invalid(value: GoFormat.stringMap(templateLabels.stringMap)),
                "`selector` does not match template `labels`")
        }
    }

    /// Whether `selector` picks the labels `label` looks up; a selector of labels only (every
    /// job's generated one) is read in place, without building a `LabelSelector`.
    static func selectorMatches(_ selector: JSONValue, _ label: (String) -> String?) -> Bool {
        guard selector["matchExpressions"].isNull, let matchLabels = selector["matchLabels"].object else {
            var labels: [String: String] = [:]
            for r in LabelSelector(object: selector).requirements { labels[r.key] = label(r.key) }
            return LabelSelector(object: selector).matches(labels)
        }
        for (key, value) in matchLabels where label(key) != value.string { return false }
        return true
    }
}
