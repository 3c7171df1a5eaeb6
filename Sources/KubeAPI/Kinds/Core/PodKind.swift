/// Pod (v1): the scheduler fills nodeName, admission the service account, priority, token volume and
/// default tolerations; a replace that omits them keeps them, and only a few spec fields may change.
extension KindDescriptor {
    static let pod = KindDescriptor(
        ResourceType(kind: "Pod", plural: "pods", shortNames: ["po"], categories: ["all"]),
        schema: PodSchemas.pod, defaults: { obj, operation, _ in Defaulting.pod(&obj, operation: operation) },
        validate: { v, obj in v.podSpec(obj["spec"], path: "spec", forPod: true) },
        validateUpdate: UpdateValidation.pod,
        serverFilledSpecFields: ["nodeName", "serviceAccountName", "serviceAccount", "priority", "preemptionPolicy", "volumes", "tolerations"])
}

extension Defaulting {
    /// Pod specs defaulted before, by operation (see `AdmissionMemo`): a Job's pods share its template's spec.
    private static let podSpecs = AdmissionMemo<Admission.Operation, JSONValue>()
    private static let qosClasses = AdmissionMemo<Admission.Operation, String>()

    static func pod(_ obj: inout JSONValue, operation: Admission.Operation) {
        child(&obj, "spec", create: true) { spec in
            let given = spec
            spec = podSpecs.value(for: given, variant: operation) {
                var defaulted = given
                podOwnSpec(&defaulted, operation: operation)
                return defaulted
            }
        }
        if operation == .create {
            let spec = obj["spec"]
            obj["status"] = ["phase": "Pending", "qosClass": .string(qosClasses.value(for: spec, variant: .create) { PodQOS.podClass(of: spec) })]
        }
    }

    /// The pod strategy's and admission plugins' defaults; they read and write the spec alone.
    private static func podOwnSpec(_ spec: inout JSONValue, operation: Admission.Operation) {
        podSpec(&spec)
        // SetDefaults_Pod: requests default to limits, service links on.
        for key in ["containers", "initContainers"] {
            eachElement(&spec, key) { c in
                child(&c, "resources", create: true) { r in
                    guard let limits = r["limits"].object, !limits.isEmpty else { return }
                    var requests = r["requests"].object ?? [:]
                    for (name, amount) in limits where requests[name] == nil { requests[name] = amount }
                    r["requests"] = .object(requests)
                }
            }
        }
        setDefault(&spec, "enableServiceLinks", true)
        if operation == .create {
            // ServiceAccount admission; the v1 conversion mirrors it into the deprecated field.
            let legacy = spec["serviceAccount"]
            setDefault(&spec, "serviceAccountName", legacy.isNull ? "default" : legacy)
            let account = spec["serviceAccountName"]
            setDefault(&spec, "serviceAccount", account)
            // Priority admission with no PriorityClass in play.
            setDefault(&spec, "priority", 0)
            setDefault(&spec, "preemptionPolicy", "PreemptLowerPriority")
        }
        // DefaultTolerationSeconds runs on create and update.
        DefaultTolerationSeconds.apply(to: &spec)
    }
}

extension UpdateValidation {
    static let podMessage = "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"

    static func pod(_ new: JSONValue, old: JSONValue) -> [FieldError] {
        podSpecUpdateAllowed(new["spec"], old["spec"]) ? [] : [FieldError("spec", .forbidden, podMessage)]
    }
}
