/// Validation with the API server's field error texts (pkg/apis/*/validation): the shared parts (metadata,
/// pod specs, selectors, claims); each kind's own rules live in its descriptor's file under `Kinds/`.
struct Validation {
    private(set) var errors: [FieldError] = []

    mutating func add(_ path: String, _ kind: FieldError.Kind, _ detail: String = "") {
        errors.append(FieldError(path, kind, detail))
    }

    /// Validate for `descriptor`'s kind: object metadata with the kind's name rule, then the kind's own rules.
    static func run(_ obj: JSONValue, _ descriptor: KindDescriptor) -> [FieldError] {
        var v = Validation()
        v.objectMeta(obj["metadata"], nameRule: descriptor.nameRule)
        descriptor.validate?(&v, obj)
        return v.errors
    }

    enum NameRule { case subdomain, label, dns1035, pathSegment, none }

    // MARK: Metadata

    mutating func objectMeta(_ meta: JSONValue, nameRule: NameRule) {
        let name = meta["name"].string ?? ""
        let generateName = meta["generateName"].string ?? ""
        if name.isEmpty && generateName.isEmpty {
            add("metadata.name", .required, "name or generateName is required")
        } else if !name.isEmpty {
            let messages: [String]
            switch nameRule {
            case .subdomain: messages = NameRules.dns1123Subdomain(name)
            case .label: messages = NameRules.dns1123Label(name)
            case .dns1035: messages = NameRules.dns1035Label(name)
            case .pathSegment:
                if name == "." || name == ".." { messages = ["may not be '\(name)'"] }
                else if name.contains("/") { messages = ["may not contain '/'"] }
                else if name.contains("%") { messages = ["may not contain '%'"] }
                else { messages = [] }
            case .none: messages = []
            }
            for m in messages { add("metadata.name", .invalid(value: GoFormat.quoted(name)), m) }
        }
        labels(meta["labels"], path: "metadata.labels")
        annotations(meta["annotations"], path: "metadata.annotations")
    }

    /// All annotations of one object hold at most 256 KiB, keys and values counted together
    /// (`TotalAnnotationSizeLimitB`); this is what stops `kubectl apply` of a large manifest,
    /// whose last-applied-configuration annotation repeats it.
    static let totalAnnotationSizeLimit = 256 * 1024

    /// apimachinery's `ValidateAnnotations`: each key a qualified name in any case, then the total size.
    mutating func annotations(_ annotations: JSONValue, path: String) {
        guard let o = annotations.object else { return }
        var total = 0
        for (key, value) in o {
            // A key valid as written is valid lowered; only the others pay for lowering.
            if !NameRules.isQualifiedName(key) {
                for m in NameRules.qualifiedName(key.lowercased()) { add(path, .invalid(value: GoFormat.quoted(key)), m) }
            }
            total += key.utf8.count + (value.string ?? value.scalarText ?? "").utf8.count
        }
        if total > Self.totalAnnotationSizeLimit { add(path, .tooLong(value: "", max: Self.totalAnnotationSizeLimit)) }
    }

    mutating func labels(_ labels: JSONValue, path: String) {
        guard let o = labels.object else { return }
        for (key, value) in o {
            for m in NameRules.qualifiedName(key) { add(path, .invalid(value: GoFormat.quoted(key)), m) }
            let text = value.scalarText ?? ""
            for m in NameRules.labelValue(text) { add(path, .invalid(value: GoFormat.quoted(text)), m) }
        }
    }

    // MARK: Pods

    /// Where a pod spec is validated: errors name the path, and pods and templates differ in a few rules.
    private struct PodSpecPlace: Hashable {
        let path: String
        let forPod: Bool
    }

    /// Pod specs validated before (see `AdmissionMemo`): the pods of a Job share its template's spec.
    private static let podSpecErrors = AdmissionMemo<PodSpecPlace, [FieldError]>()

    mutating func podSpec(_ spec: JSONValue, path: String, forPod: Bool) {
        errors += Self.podSpecErrors.value(for: spec, variant: PodSpecPlace(path: path, forPod: forPod)) {
            var own = Validation()
            own.checkPodSpec(spec, path: path, forPod: forPod)
            return own.errors
        }
    }

    private mutating func checkPodSpec(_ spec: JSONValue, path: String, forPod: Bool) {
        var volumeNames: Set<String> = []
        for (i, v) in spec["volumes"].items.enumerated() {
            let p = "\(path).volumes[\(i)]"
            let name = v["name"].string ?? ""
            if name.isEmpty { add(p + ".name", .required) }
            else {
                for m in NameRules.dns1123Label(name) { add(p + ".name", .invalid(value: GoFormat.quoted(name)), m) }
                if !volumeNames.insert(name).inserted { add(p + ".name", .duplicate(value: GoFormat.quoted(name))) }
            }
            if let claim = v["persistentVolumeClaim"].object, (claim["claimName"]?.string ?? "").isEmpty {
                add(p + ".persistentVolumeClaim.claimName", .required)
            }
            if !v["hostPath"].isNull, (v["hostPath"]["path"].string ?? "").isEmpty { add(p + ".hostPath.path", .required) }
            fileModes(v, path: p)
        }
        var containerNames: Set<String> = []
        let containers = spec["containers"].items
        if containers.isEmpty { add(path + ".containers", .required) }
        for (i, c) in containers.enumerated() {
            container(c, path: "\(path).containers[\(i)]", names: &containerNames, volumes: volumeNames, forPod: forPod)
        }
        for (i, c) in spec["initContainers"].items.enumerated() {
            container(c, path: "\(path).initContainers[\(i)]", names: &containerNames, volumes: volumeNames, forPod: forPod)
        }
        if let policy = spec["restartPolicy"].string, !["Always", "OnFailure", "Never"].contains(policy) {
            add(path + ".restartPolicy", .unsupported(value: GoFormat.quoted(policy), allowed: ["Always", "OnFailure", "Never"]))
        }
        if let policy = spec["dnsPolicy"].string, !["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"].contains(policy) {
            add(path + ".dnsPolicy", .unsupported(value: GoFormat.quoted(policy), allowed: ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]))
        }
        if let grace = spec["terminationGracePeriodSeconds"].int, grace < 0, !forPod {
            add(path + ".terminationGracePeriodSeconds", .invalid(value: String(grace)), "must be greater than or equal to 0")
        }
        if let deadline = spec["activeDeadlineSeconds"].int, deadline <= 0 {
            add(path + ".activeDeadlineSeconds", .invalid(value: String(deadline)), "must be between 1 and 2147483647, inclusive")
        }
        // ValidateServiceAccountName: a DNS subdomain (`kubectl set sa` writes any word here).
        if let account = spec["serviceAccountName"].string, !account.isEmpty {
            for m in NameRules.dns1123Subdomain(account) {
                add(path + ".serviceAccountName", .invalid(value: GoFormat.quoted(account)), m)
            }
        }
        for key in ["hostname", "subdomain"] {
            if let value = spec[key].string, !value.isEmpty {
                for m in NameRules.dns1123Label(value) { add("\(path).\(key)", .invalid(value: GoFormat.quoted(value)), m) }
            }
        }
        labelsOnly(spec["nodeSelector"], path: path + ".nodeSelector")
        podSecurityContext(spec["securityContext"], path: path + ".securityContext")
        for (i, t) in spec["tolerations"].items.enumerated() {
            let p = "\(path).tolerations[\(i)]"
            if let op = t["operator"].string, !["Equal", "Exists"].contains(op) {
                add(p + ".operator", .unsupported(value: GoFormat.quoted(op), allowed: ["Equal", "Exists"]))
            }
            if t["operator"].string == "Exists", let value = t["value"].string, !value.isEmpty {
                add(p + ".operator", .invalid(value: GoFormat.quoted(value)), "value must be empty when `operator` is 'Exists'")
            }
            if let effect = t["effect"].string, !effect.isEmpty, !["NoSchedule", "PreferNoSchedule", "NoExecute"].contains(effect) {
                add(p + ".effect", .unsupported(value: GoFormat.quoted(effect), allowed: ["NoSchedule", "PreferNoSchedule", "NoExecute"]))
            }
        }
    }

    mutating func labelsOnly(_ m: JSONValue, path: String) {
        guard let o = m.object else { return }
        for (key, value) in o {
            for msg in NameRules.qualifiedName(key) { add(path, .invalid(value: GoFormat.quoted(key)), msg) }
            let text = value.scalarText ?? ""
            for msg in NameRules.labelValue(text) { add(path, .invalid(value: GoFormat.quoted(text)), msg) }
        }
    }

    mutating func container(_ c: JSONValue, path: String, names: inout Set<String>, volumes: Set<String>, forPod: Bool) {
        let name = c["name"].string ?? ""
        if name.isEmpty { add(path + ".name", .required) }
        else {
            for m in NameRules.dns1123Label(name) { add(path + ".name", .invalid(value: GoFormat.quoted(name)), m) }
            if !names.insert(name).inserted { add(path + ".name", .duplicate(value: GoFormat.quoted(name))) }
        }
        let image = c["image"].string ?? ""
        if image.isEmpty { add(path + ".image", .required) }
        else if forPod, image.trimmingCharacters(in: " \t\n\r") != image {
            // Templates tolerate surrounding whitespace (upstream keeps it for compatibility).
            add(path + ".image", .invalid(value: GoFormat.quoted(image)), "must not have leading or trailing whitespace")
        }
        if let policy = c["imagePullPolicy"].string, !["Always", "IfNotPresent", "Never"].contains(policy) {
            add(path + ".imagePullPolicy", .unsupported(value: GoFormat.quoted(policy), allowed: ["Always", "IfNotPresent", "Never"]))
        }
        if let policy = c["terminationMessagePolicy"].string, !["File", "FallbackToLogsOnError"].contains(policy) {
            add(path + ".terminationMessagePolicy", .unsupported(value: GoFormat.quoted(policy), allowed: ["File", "FallbackToLogsOnError"]))
        }
        var portNames: Set<String> = []
        for (i, p) in c["ports"].items.enumerated() {
            let pp = "\(path).ports[\(i)]"
            if let port = p["containerPort"].int {
                if port < 1 || port > 65535 {
                    add(pp + ".containerPort", .invalid(value: String(port)), "must be between 1 and 65535, inclusive")
                }
            } else { add(pp + ".containerPort", .required) }
            if let hostPort = p["hostPort"].int, hostPort != 0, hostPort < 1 || hostPort > 65535 {
                add(pp + ".hostPort", .invalid(value: String(hostPort)), "must be between 1 and 65535, inclusive")
            }
            if let proto = p["protocol"].string, !["SCTP", "TCP", "UDP"].contains(proto) {
                add(pp + ".protocol", .unsupported(value: GoFormat.quoted(proto), allowed: ["SCTP", "TCP", "UDP"]))
            }
            if let portName = p["name"].string, !portName.isEmpty {
                for m in portNameErrors(portName) { add(pp + ".name", .invalid(value: GoFormat.quoted(portName)), m) }
                if !portNames.insert(portName).inserted { add(pp + ".name", .duplicate(value: GoFormat.quoted(portName))) }
            }
        }
        for (i, e) in c["env"].items.enumerated() {
            if (e["name"].string ?? "").isEmpty { add("\(path).env[\(i)].name", .required) }
        }
        var mountPaths: Set<String> = []
        for (i, m) in c["volumeMounts"].items.enumerated() {
            // Spelled only for an error: every pod gets a token mount, so this loop always runs.
            func mp() -> String { "\(path).volumeMounts[\(i)]" }
            let volume = m["name"].string ?? ""
            if volume.isEmpty { add(mp() + ".name", .required) }
            else if !volumes.contains(volume) { add(mp() + ".name", .notFound(value: GoFormat.quoted(volume))) }
            let mountPath = m["mountPath"].string ?? ""
            if mountPath.isEmpty { add(mp() + ".mountPath", .required) }
            else if !mountPaths.insert(mountPath).inserted {
                add(mp() + ".mountPath", .invalid(value: GoFormat.quoted(mountPath)), "must be unique")
            }
            if let sub = m["subPath"].string, sub.hasPrefix("/") {
                add(mp() + ".subPath", .invalid(value: GoFormat.quoted(sub)), "must be a relative path")
            }
        }
        resourceRequirements(c["resources"], path: path + ".resources")
        userAndGroupIDs(c["securityContext"], ["runAsUser", "runAsGroup"], path: path + ".securityContext")
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] where !c[probe].isNull {
            let p = c[probe]
            let handlers = ["exec", "httpGet", "tcpSocket", "grpc"].filter { !p[$0].isNull }
            if handlers.isEmpty { add("\(path).\(probe)", .required, "must specify a handler type") }
            else if handlers.count > 1 {
                add("\(path).\(probe).\(handlers[1])", .forbidden, "may not specify more than 1 handler type")
            }
            for key in ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] {
                nonNegative(p, key, path: "\(path).\(probe)")
            }
            if let grace = p["terminationGracePeriodSeconds"].int, grace <= 0 {
                add("\(path).\(probe).terminationGracePeriodSeconds", .invalid(value: String(grace)), "must be greater than 0")
            }
            if probe != "readinessProbe", let s = p["successThreshold"].int, s != 1 {
                add("\(path).\(probe).successThreshold", .invalid(value: String(s)), "must be 1")
            }
        }
    }

    func portNameErrors(_ name: String) -> [String] {
        var errors: [String] = []
        let b = Array(name.utf8)
        if b.count > 15 { errors.append("must be no more than 15 characters") }
        if !b.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") }) {
            errors.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if !b.contains(where: { $0 >= 97 && $0 <= 122 }) { errors.append("must contain at least one letter (a-z)") }
        if name.contains("--") { errors.append("must not contain consecutive hyphens") }
        if b.first == UInt8(ascii: "-") || b.last == UInt8(ascii: "-") { errors.append("must not begin or end with a hyphen") }
        return errors
    }

    // MARK: Workloads

    mutating func nonNegative(_ spec: JSONValue, _ key: String, path: String) {
        if let n = spec[key].int, n < 0 { add("\(path).\(key)", .invalid(value: String(n)), "must be greater than or equal to 0") }
    }

    /// Selector presence, validity, and that it selects the template's labels.
    mutating func selector(_ spec: JSONValue, templateLabelsPath: String, emptyMessage: String?) {
        let selector = spec["selector"]
        guard selector.object != nil else { add("spec.selector", .required); return }
        let matchLabels = selector["matchLabels"].stringMap
        let expressions = selector["matchExpressions"].items
        labelsOnly(selector["matchLabels"], path: "spec.selector.matchLabels")
        for (i, e) in expressions.enumerated() {
            let p = "spec.selector.matchExpressions[\(i)]"
            let op = e["operator"].string ?? ""
            let values = e["values"].items
            switch op {
            case "In", "NotIn":
                if values.isEmpty { add(p + ".values", .required, "must be specified when `operator` is 'In' or 'NotIn'") }
            case "Exists", "DoesNotExist":
                if !values.isEmpty { add(p + ".values", .forbidden, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'") }
            default:
                add(p + ".operator", .invalid(value: GoFormat.quoted(op)), "not a valid selector operator")
            }
        }
        if matchLabels.isEmpty && expressions.isEmpty {
            if let emptyMessage {
                add("spec.selector", .invalid(value: "v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}"), emptyMessage)
            }
            return
        }
        let templateLabels = spec["template"]["metadata"]["labels"].stringMap
        if !LabelSelector(object: selector).matches(templateLabels) {
            add(templateLabelsPath, .invalid(value: GoFormat.stringMap(templateLabels)), "`selector` does not match template `labels`")
        }
    }

    mutating func replicated(_ spec: JSONValue, requireTemplate: Bool, hasReplicas: Bool = true,
                             emptySelector: String = "empty selector is invalid for deployment") {
        if hasReplicas { nonNegative(spec, "replicas", path: "spec") }
        nonNegative(spec, "minReadySeconds", path: "spec")
        nonNegative(spec, "revisionHistoryLimit", path: "spec")
        selector(spec, templateLabelsPath: "spec.template.metadata.labels", emptyMessage: emptySelector)
        guard !spec["template"].isNull || requireTemplate else { return }
        labels(spec["template"]["metadata"]["labels"], path: "spec.template.metadata.labels")
        podSpec(spec["template"]["spec"], path: "spec.template.spec", forPod: false)
        let restart = spec["template"]["spec"]["restartPolicy"].string ?? "Always"
        if restart != "Always" {
            add("spec.template.spec.restartPolicy", .unsupported(value: GoFormat.quoted(restart), allowed: ["Always"]))
        }
    }

    // MARK: Storage

    mutating func claimSpec(_ spec: JSONValue, path: String) {
        let modes = spec["accessModes"].items
        if modes.isEmpty { add(path + ".accessModes", .required, "at least 1 access mode is required") }
        var readWriteOncePod = false, otherMode = false
        for m in modes {
            let mode = m.string ?? ""
            if !StorageSchemas.accessModes.contains(mode) {
                add(path + ".accessModes", .unsupported(value: GoFormat.quoted(mode), allowed: StorageSchemas.accessModes))
            } else if mode == "ReadWriteOncePod" { readWriteOncePod = true }
            else { otherMode = true }
        }
        if readWriteOncePod && otherMode {
            add(path + ".accessModes", .forbidden, "may not use ReadWriteOncePod with other access modes")
        }
        let storage = spec["resources"]["requests"]["storage"]
        if storage.isNull { add(path + ".resources[storage]", .required) }
        else if storage.scalarText.map(isZeroQuantity) == true {
            add(path + ".resources[storage]", .invalid(value: GoFormat.quoted(storage.scalarText ?? "")), "must be greater than zero")
        }
        storageClassName(spec, path: path)
        if let mode = spec["volumeMode"].string, mode != "Block", mode != "Filesystem" {
            add(path + ".volumeMode", .unsupported(value: GoFormat.quoted(mode), allowed: ["Block", "Filesystem"]))
        }
    }

    /// A class name must be a DNS subdomain (ValidateClassName): a scraped `\"standard\"` is refused
    /// here rather than stored and left Pending.
    mutating func storageClassName(_ spec: JSONValue, path: String) {
        guard let name = spec["storageClassName"].string, !name.isEmpty else { return }
        for m in NameRules.dns1123Subdomain(name) {
            add(path + ".storageClassName", .invalid(value: GoFormat.quoted(name)), m)
        }
    }

    func isZeroQuantity(_ text: String) -> Bool {
        let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        guard let value = Double(digits) else { return false }
        return value <= 0
    }

    // MARK: RBAC

}
