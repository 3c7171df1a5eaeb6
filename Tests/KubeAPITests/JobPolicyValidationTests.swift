import KubeAPI
import Testing

/// The API server's checks of backoffLimitPerIndex, maxFailedIndexes, FailIndex, successPolicy
/// and Job selectors, with pkg/apis/batch/validation's texts.
@Suite struct JobPolicyValidationTests {
    static func job(_ spec: String, template: String = "", name: String = "j") -> String {
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: \(name)
          uid: 11111111-2222-3333-4444-555555555555
        spec:
        \(spec.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
          template:
        \(template.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox}]
        """
    }

    static func message(_ spec: String, template: String = "") -> String? {
        admissionError(job(spec, template: template), kind: "Job")?.message
    }

    @Test func indexLimitsNeedAnIndexedJob() {
        #expect(Self.message("backoffLimitPerIndex: 1") == "The Job \"j\" is invalid: spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode")
        #expect(Self.message("completionMode: Indexed\ncompletions: 2\nmaxFailedIndexes: 1") == "The Job \"j\" is invalid: spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified")
        #expect(Self.message("completionMode: Indexed\ncompletions: 2\nbackoffLimitPerIndex: 1\nmaxFailedIndexes: 3")
            == "The Job \"j\" is invalid: spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions")
        #expect(Self.message("completionMode: Indexed\ncompletions: 2\nbackoffLimitPerIndex: -1")
            == "The Job \"j\" is invalid: spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0")
        #expect(Self.message("completionMode: Indexed\ncompletions: 200000\nparallelism: 20000\nbackoffLimitPerIndex: 1") == "The Job \"j\" is invalid: [spec.maxFailedIndexes: Required value: must be specified when completions is above 100000, spec.parallelism: Invalid value: 20000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index]")
    }

    @Test func backoffLimitDefaultsToMaxInt32WithAPerIndexLimit() throws {
        let job = try admitted(Self.job("completionMode: Indexed\ncompletions: 2\nbackoffLimitPerIndex: 1"), kind: "Job")
        #expect(job["spec"]["backoffLimit"] == 2_147_483_647)
        let plain = try admitted(Self.job("completions: 2"), kind: "Job")
        #expect(plain["spec"]["backoffLimit"] == 6)
    }

    @Test func failIndexNeedsBackoffLimitPerIndex() {
        let policy = "podFailurePolicy:\n  rules:\n  - action: FailIndex\n    onExitCodes: {operator: In, values: [1]}"
        #expect(Self.message(policy) == "The Job \"j\" is invalid: spec.podFailurePolicy.rules[0].action: Invalid value: \"FailIndex\": requires the backoffLimitPerIndex to be set")
        #expect(Self.message("completionMode: Indexed\ncompletions: 2\nbackoffLimitPerIndex: 0\n" + policy) == nil)
        #expect(Self.message("podFailurePolicy:\n  rules:\n  - action: Ignore") == "The Job \"j\" is invalid: spec.podFailurePolicy.rules[0]: Invalid value: null: specifying one of OnExitCodes and OnPodConditions is required")
    }

    @Test func successPolicyRules() {
        let indexed = "completionMode: Indexed\ncompletions: 3\n"
        #expect(Self.message(indexed + "successPolicy:\n  rules:\n  - succeededIndexes: \"0-1\"\n    succeededCount: 2") == nil)
        #expect(Self.message(indexed + "successPolicy:\n  rules: []") == "The Job \"j\" is invalid: spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified")
        #expect(Self.message(indexed + "successPolicy:\n  rules:\n  - {}") == "The Job \"j\" is invalid: spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified")
        #expect(Self.message(indexed + "successPolicy:\n  rules:\n  - succeededIndexes: \"0-x\"") == "The Job \"j\" is invalid: spec.successPolicy.rules[0].succeededIndexes: Invalid value: \"0-x\": error parsing succeededIndexes: cannot convert string to integer for index: \"x\"")
        #expect(Self.message(indexed + "successPolicy:\n  rules:\n  - succeededIndexes: \"1,0\"") == "The Job \"j\" is invalid: spec.successPolicy.rules[0].succeededIndexes: Invalid value: \"1,0\": error parsing succeededIndexes: non-increasing order, previous: 1, current: 0")
        #expect(Self.message(indexed + "successPolicy:\n  rules:\n  - succeededIndexes: \"5\"") == "The Job \"j\" is invalid: spec.successPolicy.rules[0].succeededIndexes: Invalid value: \"5\": error parsing succeededIndexes: too large index: \"5\"")
        #expect(Self.message(indexed + "successPolicy:\n  rules:\n  - succeededIndexes: \"0-1\"\n    succeededCount: 3") == "The Job \"j\" is invalid: spec.successPolicy.rules[0].succeededCount: Invalid value: 3: must be less than or equal to 2 (the number of indexes in the specified succeededIndexes field)")
        #expect(Self.message(indexed + "successPolicy:\n  rules:\n  - succeededCount: 4") == "The Job \"j\" is invalid: spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of specified completions)")
        #expect(Self.message("successPolicy:\n  rules:\n  - succeededCount: 1") == "The Job \"j\" is invalid: spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(nil), SucceededCount:(*int32)(0xc0001a2b48)}}}: requires indexed completion mode")
    }

    @Test func selectorsAreGeneratedUnlessManual() throws {
        let job = try admitted(Self.job("completions: 1", template: "metadata: {labels: {app: x}}"), kind: "Job")
        #expect(job["spec"]["selector"] == ["matchLabels": ["batch.kubernetes.io/controller-uid": "11111111-2222-3333-4444-555555555555"]])
        #expect(job["spec"]["template"]["metadata"]["labels"]["app"] == "x")
        #expect(Self.message("selector: {matchLabels: {app: x}}", template: "metadata: {labels: {app: x}}") == "The Job \"j\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"x\", \"batch.kubernetes.io/controller-uid\":\"11111111-2222-3333-4444-555555555555\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated")
        #expect(Self.message("completions: 1", template: "metadata: {labels: {job-name: other}}") == "The Job \"j\" is invalid: spec.template.metadata.labels[job-name]: Invalid value: map[string]string{\"batch.kubernetes.io/controller-uid\":\"11111111-2222-3333-4444-555555555555\", \"batch.kubernetes.io/job-name\":\"j\", \"controller-uid\":\"11111111-2222-3333-4444-555555555555\", \"job-name\":\"other\"}: must be 'j'")
        #expect(Self.message("manualSelector: true") == "The Job \"j\" is invalid: spec.selector: Required value")
        #expect(Self.message("manualSelector: true\nselector: {matchLabels: {app: z}}", template: "metadata: {labels: {app: x}}") == "The Job \"j\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}: `selector` does not match template `labels`")
        let manual = try admitted(Self.job("manualSelector: true\nselector: {matchLabels: {app: x}}", template: "metadata: {labels: {app: x}}"), kind: "Job")
        #expect(manual["spec"]["selector"] == ["matchLabels": ["app": "x"]] && manual["spec"]["template"]["metadata"]["labels"] == ["app": "x"])
    }

    @Test func aCronJobsJobsAlwaysGetAGeneratedSelector() {
        let cronJob = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: c}
            spec:
              schedule: "* * * * *"
              jobTemplate:
                spec:
                  manualSelector: true
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: busybox}]
            """
        #expect(admissionError(cronJob, kind: "CronJob")?.message == "The CronJob \"c\" is invalid: [spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"x\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated, spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: \"nil\", \"false\"]")
    }
}
