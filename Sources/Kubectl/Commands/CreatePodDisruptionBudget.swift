import KubeAPI

/// `kubectl create poddisruptionbudget|pdb NAME --selector=SELECTOR --min-available=N|--max-unavailable=N`
/// (create_pdb.go): a policy/v1 budget over the pods the selector picks, as the ZooKeeper tutorial and
/// drain lessons use one to keep a quorum up while nodes are drained.
enum CreatePodDisruptionBudget {
    static let flags: [FlagSet.Spec] = [.init("selector"), .init("min-available"), .init("max-unavailable")]

    static let budgets = ResourceRegistry.forKind("PodDisruptionBudget")!

    static func run(_ call: Invocation) throws -> Int32 {
        // Complete: the name, then the dry-run and output flags; Validate: the budget's own flags.
        let name = try GeneratedObject.name(call, words: 1, command: "poddisruptionbudget")
        _ = try DryRun.parse(call.flags.string("dry-run"))
        _ = try OutputFormat.parse(call, allowed: .objectPrinters)
        let selector = call.flags.string("selector")
        let minAvailable = call.flags.string("min-available"), maxUnavailable = call.flags.string("max-unavailable")
        if selector.isEmpty { throw KubectlFailure.error("a selector must be specified") }
        if minAvailable.isEmpty && maxUnavailable.isEmpty {
            throw KubectlFailure.error("one of min-available or max-unavailable must be specified")
        }
        if !minAvailable.isEmpty && !maxUnavailable.isEmpty {
            throw KubectlFailure.error("min-available and max-unavailable cannot be both specified")
        }
        if !minAvailable.isEmpty && !isCountOrPercent(minAvailable) {
            throw KubectlFailure.error("invalid format specified for min-available")
        }
        if !maxUnavailable.isEmpty && !isCountOrPercent(maxUnavailable) {
            throw KubectlFailure.error("invalid format specified for max-unavailable")
        }
        // PodDisruptionBudgetSpec's field order: minAvailable, selector, maxUnavailable.
        var spec = JSONObject()
        if !minAvailable.isEmpty { spec.updateValue(intOrString(minAvailable), forKey: "minAvailable") }
        spec.updateValue(try LabelSelectorObject.parse(selector).json, forKey: "selector")
        if !maxUnavailable.isEmpty { spec.updateValue(intOrString(maxUnavailable), forKey: "maxUnavailable") }
        let object: JSONValue = [
            "kind": "PodDisruptionBudget", "apiVersion": "policy/v1", "metadata": GeneratedObject.metadata(name, call: call),
            "spec": .object(spec),
            // The Go struct's fields, none of them omitempty, in its order.
            "status": ["disruptionsAllowed": 0, "currentHealthy": 0, "desiredHealthy": 0, "expectedPods": 0],
        ]
        return try GeneratedObject.finish(object, as: budgets, call: call, failurePrefix: "failed to create poddisruptionbudgets: ")
    }

    /// Validate's `^[0-9]+%?$`.
    static func isCountOrPercent(_ text: String) -> Bool {
        var digits = text.utf8[...]
        if digits.last == UInt8(ascii: "%") { digits = digits.dropLast() }
        return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// intstr.Parse: a number that fits an int32 is an int (`010` is 10), anything else stays a string.
    static func intOrString(_ text: String) -> JSONValue {
        if let n = Int32(text) { return .int(Int(n)) }
        return .string(text)
    }
}
