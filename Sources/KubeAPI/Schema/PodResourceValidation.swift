/// The pod spec's numeric ranges the API server checks (pkg/apis/core/validation): resource names and
/// quantities of containers, user and group IDs, and volume file modes.
extension Validation {
    /// Resource names containers may request without a domain prefix (`IsStandardContainerResourceName`).
    static let standardContainerResources: Set<String> = ["cpu", "memory", "ephemeral-storage"]
    /// Unprefixed names that are standard for some object, though not for containers (`IsStandardResourceName`).
    static let standardResources: Set<String> = standardContainerResources.union([
        "storage", "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
        "persistentvolumeclaims", "services.nodeports", "services.loadbalancers", "requests.cpu", "requests.memory",
        "requests.storage", "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage",
    ])

    /// `ValidateContainerResourceRequirements`: every name is a container resource, every amount is
    /// non-negative, and a request is at most its limit. Names are checked in sorted order (Go's map
    /// order is random; sorted keeps kubelab's answer stable).
    mutating func resourceRequirements(_ resources: JSONValue, path: String) {
        let limits = resources["limits"].object ?? [:]
        for key in ["limits", "requests"] {
            guard let list = resources[key].object else { continue }
            for (name, amount) in list.sorted(by: { $0.key < $1.key }) {
                let p = "\(path).\(key)[\(name)]"
                resourceName(name, path: p)
                let text = amount.scalarText ?? ""
                guard let value = ResourceQuantity.signedValue(text) else { continue }
                if value < 0 { add(p, .invalid(value: GoFormat.quoted(text)), "must be greater than or equal to 0") }
                if key == "requests", let limitText = limits[name]?.scalarText, let limit = ResourceQuantity.signedValue(limitText), value > limit {
                    add("\(path).requests", .invalid(value: GoFormat.quoted(text)), "must be less than or equal to \(name) limit of \(limitText)")
                }
            }
        }
    }

    /// `validateContainerResourceName`: a qualified name; unprefixed names must be standard, and
    /// standard for containers.
    mutating func resourceName(_ name: String, path: String) {
        let problems = NameRules.qualifiedName(name)
        for m in problems { add(path, .invalid(value: GoFormat.quoted(name)), m) }
        guard problems.isEmpty, !name.contains("/") else { return }
        if name.hasPrefix("hugepages-") { return }
        if !Self.standardResources.contains(name) {
            add(path, .invalid(value: GoFormat.quoted(name)), "must be a standard resource type or fully qualified")
        } else if !Self.standardContainerResources.contains(name) {
            add(path, .invalid(value: GoFormat.quoted(name)), "must be a standard resource for containers")
        }
    }

    /// `IsValidUserID` / `IsValidGroupID`: 0 to 2147483647.
    mutating func userAndGroupIDs(_ context: JSONValue, _ keys: [String], path: String) {
        for key in keys {
            guard let id = context[key].int, id < 0 || id > 2_147_483_647 else { continue }
            add("\(path).\(key)", .invalid(value: String(id)), "must be between 0 and 2147483647, inclusive")
        }
    }

    /// `validatePodSpecSecurityContext`: fsGroup, runAsUser, runAsGroup and supplementalGroups in range.
    mutating func podSecurityContext(_ context: JSONValue, path: String) {
        userAndGroupIDs(context, ["fsGroup", "runAsUser", "runAsGroup"], path: path)
        for (i, g) in context["supplementalGroups"].items.enumerated() {
            if let id = g.int, id < 0 || id > 2_147_483_647 {
                add("\(path).supplementalGroups[\(i)]", .invalid(value: String(id)), "must be between 0 and 2147483647, inclusive")
            }
        }
    }

    /// Secret, ConfigMap, downward API and projected volumes: `defaultMode` and items' `mode` are file modes.
    mutating func fileModes(_ volume: JSONValue, path: String) {
        let message = "must be a number between 0 and 0777 (octal), both inclusive"
        for source in ["secret", "configMap", "downwardAPI", "projected"] where !volume[source].isNull {
            let s = volume[source]
            if let mode = s["defaultMode"].int, mode < 0 || mode > 0o777 {
                add("\(path).\(source).defaultMode", .invalid(value: String(mode)), message)
            }
            for (i, item) in s["items"].items.enumerated() {
                if let mode = item["mode"].int, mode < 0 || mode > 0o777 {
                    add("\(path).\(source).items[\(i)].mode", .invalid(value: String(mode)), message)
                }
            }
        }
    }

    /// ConfigMaps and Secrets hold at most 1 MiB of values (`core.MaxSecretSize`).
    static let maxDataBytes = 1_048_576
}
