import KubeAPI

/// metav1.ParseToLabelSelector: a `-l`-style selector as a LabelSelector object. `=` and `==`
/// become matchLabels (a later value for a key wins), the set-based requirements matchExpressions,
/// both in key order with sorted values; `!=`, `>` and `<` have no place in the object.
/// `kubectl create pdb --selector` and `kubectl set selector` read their selectors so.
struct LabelSelectorObject {
    var matchLabels: [String: String] = [:]
    /// Each requirement as its JSON object (key, operator, values).
    var matchExpressions: [JSONValue] = []

    /// The object as the API writes it, empty parts left out.
    var json: JSONValue {
        var selector = JSONObject()
        if !matchLabels.isEmpty { selector.updateValue(.stringMap(matchLabels), forKey: "matchLabels") }
        if !matchExpressions.isEmpty { selector.updateValue(.array(matchExpressions), forKey: "matchExpressions") }
        return .object(selector)
    }

    /// Go's `%v` of the expressions (`[{app In [a b]}]`), as errors quote them.
    var expressionsText: String {
        "[" + matchExpressions.map { e in
            "{\(e["key"].string ?? "") \(e["operator"].string ?? "") [\(e["values"].items.compactMap(\.string).joined(separator: " "))]}"
        }.joined(separator: " ") + "]"
    }

    static func parse(_ text: String) throws -> LabelSelectorObject {
        let parsed: LabelSelector
        do throws(LabelSelector.ParseError) { parsed = try LabelSelector.parse(text) } catch {
            throw KubectlFailure.error("couldn't parse the selector string \"\(text)\": unable to parse requirement: \(error.message)")
        }
        // labels.Parse orders the requirements by key.
        let requirements = parsed.requirements.enumerated()
            .sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        var result = LabelSelectorObject()
        for r in requirements {
            let op: String
            switch r.op {
            case .equals:
                result.matchLabels[r.key] = r.values.first ?? ""
                continue
            case .in: op = "In"
            case .notIn: op = "NotIn"
            case .exists: op = "Exists"
            case .doesNotExist: op = "DoesNotExist"
            case .notEquals: throw KubectlFailure.error("\"!=\" is not a valid label selector operator")
            case .greaterThan: throw KubectlFailure.error("\"gt\" isn't supported in label selectors")
            case .lessThan: throw KubectlFailure.error("\"lt\" isn't supported in label selectors")
            }
            var expression: JSONObject = ["key": .string(r.key), "operator": .string(op)]
            let values = Set(r.values).sorted()
            if !values.isEmpty { expression.updateValue(.array(values.map { .string($0) }), forKey: "values") }
            result.matchExpressions.append(.object(expression))
        }
        return result
    }
}
