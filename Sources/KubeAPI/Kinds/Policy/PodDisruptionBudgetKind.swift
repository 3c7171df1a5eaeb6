/// PodDisruptionBudget (policy/v1): how many of a set of pods voluntary evictions must leave running.
extension KindDescriptor {
    static let podDisruptionBudget = KindDescriptor(
        ResourceType(kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", shortNames: ["pdb"], group: "policy", generation: .spec),
        schema: WorkloadSchemas.pdb,
        validate: { v, obj in v.podDisruptionBudgetSpec(obj["spec"]) },
        initialStatus: ["currentHealthy": 0, "desiredHealthy": 0, "disruptionsAllowed": 0, "expectedPods": 0])
}

extension Validation {
    /// ValidatePodDisruptionBudgetSpec's checks of the two budgets: each a non-negative count or a
    /// percentage of at most 100%. (Its "cannot be both set" error quotes the whole spec struct with
    /// pointer addresses, which kubelab cannot reproduce, so that check is left out.)
    mutating func podDisruptionBudgetSpec(_ spec: JSONValue) {
        for key in ["minAvailable", "maxUnavailable"] {
            let path = "spec." + key
            switch spec[key] {
            case .int(let n):
                if n < 0 { add(path, .invalid(value: String(n)), "must be greater than or equal to 0") }
            case .string(let text):
                // field.Invalid prints an IntOrString with %#v: its String method takes a pointer.
                let value = "intstr.IntOrString{Type:1, IntVal:0, StrVal:\(GoFormat.quoted(text))}"
                guard let percent = Self.percentValue(text) else {
                    add(path, .invalid(value: value), "a valid percent string must be a numeric string followed by an ending '%' "
                        + "(e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")
                    continue
                }
                if percent > 100 { add(path, .invalid(value: value), "must not be greater than 100%") }
            default:
                continue
            }
        }
    }

    /// validation.IsValidPercent's `^[0-9]+%$`, and the number before the sign (saturated: only
    /// whether it exceeds 100 matters).
    static func percentValue(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.last == UInt8(ascii: "%") else { return nil }
        var value = 0
        for b in bytes.dropLast() {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = min(value * 10 + Int(b - UInt8(ascii: "0")), 1_000)
        }
        return value
    }
}
