/// Update-only rules: which fields may change once an object exists.
enum UpdateValidation {
    /// The kind's update rules (see each kind's descriptor file).
    static func run(_ new: JSONValue, old: JSONValue, _ descriptor: KindDescriptor) -> [FieldError] {
        descriptor.validateUpdate?(new, old) ?? []
    }

    static func selectorText(_ s: JSONValue) -> String {
        "v1.LabelSelector{MatchLabels:\(GoFormat.stringMap(s["matchLabels"].stringMap)), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}"
    }

    static func equalIgnoring(_ a: JSONValue, _ b: JSONValue, _ keys: Set<String>) -> Bool {
        var a = a, b = b
        for k in keys { a[k] = .null; b[k] = .null }
        return a.normalisedEmpty == b.normalisedEmpty
    }

    static func podSpecUpdateAllowed(_ new: JSONValue, _ old: JSONValue) -> Bool {
        var a = new, b = old
        for key in ["containers", "initContainers"] {
            let count = min(a[key].items.count, b[key].items.count)
            for i in 0..<count { a[key][i]["image"] = .null; b[key][i]["image"] = .null }
        }
        a["activeDeadlineSeconds"] = .null; b["activeDeadlineSeconds"] = .null
        // Tolerations may only grow. Compared as values: a manifest read back from `get -o yaml`
        // has each toleration's keys in another order than the stored pod.
        let newTolerations = a["tolerations"].items.map(\.normalisedEmpty)
        if !b["tolerations"].items.allSatisfy({ t in newTolerations.contains(t.normalisedEmpty) }) { return false }
        a["tolerations"] = .null; b["tolerations"] = .null
        if let grace = b["terminationGracePeriodSeconds"].int, grace < 0, a["terminationGracePeriodSeconds"] == 1 {
            a["terminationGracePeriodSeconds"] = b["terminationGracePeriodSeconds"]
        }
        // Fields the server fills in were carried over before validation (`KindDescriptor.carryOver`);
        // service links are defaulted on, so a client that omits an explicit false does not count either.
        if a["enableServiceLinks"].isNull { a["enableServiceLinks"] = b["enableServiceLinks"] }
        return a.normalisedEmpty == b.normalisedEmpty
    }
}

extension JSONValue {
    /// The value with keys sorted, so key order does not count as a difference.
    var normalisedEmpty: JSONValue {
        switch self {
        case .object(let o):
            var sorted = o
            sorted.sort { $0.key < $1.key }
            for (k, v) in sorted { sorted[k] = v.normalisedEmpty }
            return .object(sorted)
        case .array(let a): return .array(a.map(\.normalisedEmpty))
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: return .int(Int(d))
        default: return self
        }
    }
}
