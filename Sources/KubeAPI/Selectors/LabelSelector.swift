/// A label selector: the string form of `kubectl -l` and the object form of `spec.selector`.
public struct LabelSelector: Equatable, Sendable {
    public enum Operator: Equatable, Sendable {
        case equals, notEquals, `in`, notIn, exists, doesNotExist, greaterThan, lessThan
    }

    public struct Requirement: Equatable, Sendable {
        public var key: String
        public var op: Operator
        public var values: [String]

        func matches(_ labels: [String: String]) -> Bool { matches(labels[key]) }

        func matches(_ v: String?) -> Bool {
            switch op {
            case .equals, .in: return v.map { values.contains($0) } ?? false
            case .notEquals, .notIn: return v.map { !values.contains($0) } ?? true
            case .exists: return v != nil
            case .doesNotExist: return v == nil
            case .greaterThan, .lessThan:
                guard let have = v.flatMap({ Int($0) }), let bound = values.first.flatMap({ Int($0) }) else { return false }
                return op == .greaterThan ? have > bound : have < bound
            }
        }
    }

    public var requirements: [Requirement]
    /// A nil `spec.selector` selects nothing; an empty one selects everything.
    public var matchesNothing = false

    public init(requirements: [Requirement] = []) { self.requirements = requirements }

    public static let nothing: LabelSelector = { var s = LabelSelector(); s.matchesNothing = true; return s }()

    public var isEmpty: Bool { requirements.isEmpty && !matchesNothing }

    public func matches(_ labels: [String: String]) -> Bool {
        if matchesNothing { return false }
        return requirements.allSatisfy { $0.matches(labels) }
    }

    /// Matches an object's labels by looking each key up, without building the label map.
    public func matches(labelsOf object: JSONValue) -> Bool {
        matches(labelValues: object.metadataField("labels"))
    }

    /// Matches a `metadata.labels` value by looking each key up, without building the label map.
    public func matches(labelValues labels: JSONValue) -> Bool {
        if matchesNothing { return false }
        return requirements.allSatisfy { $0.matches(labels[$0.key].scalarText) }
    }

    /// `app=web` selector from a plain map (Service selectors, matchLabels).
    public init(matchLabels: [String: String]) {
        requirements = matchLabels.keys.sorted().map { Requirement(key: $0, op: .equals, values: [matchLabels[$0]!]) }
    }

    /// From a `metav1.LabelSelector` object (matchLabels + matchExpressions).
    public init(object: JSONValue) {
        if object.isNull { self = .nothing; return }
        var reqs = LabelSelector(matchLabels: object["matchLabels"].stringMap).requirements
        for e in object["matchExpressions"].items {
            let key = e["key"].string ?? ""
            let values = e["values"].items.compactMap(\.scalarText)
            switch e["operator"].string ?? "" {
            case "In": reqs.append(Requirement(key: key, op: .in, values: values))
            case "NotIn": reqs.append(Requirement(key: key, op: .notIn, values: values))
            case "Exists": reqs.append(Requirement(key: key, op: .exists, values: []))
            case "DoesNotExist": reqs.append(Requirement(key: key, op: .doesNotExist, values: []))
            default: break
            }
        }
        requirements = reqs
    }

    /// `app=web,tier!=db`: the text kubectl shows in SELECTOR columns and describe.
    public var description: String {
        if requirements.isEmpty { return matchesNothing ? "<none>" : "" }
        return requirements.map { r in
            switch r.op {
            case .equals: return "\(r.key)=\(r.values[0])"
            case .notEquals: return "\(r.key)!=\(r.values[0])"
            case .in: return "\(r.key) in (\(r.values.sorted().joined(separator: ",")))"
            case .notIn: return "\(r.key) notin (\(r.values.sorted().joined(separator: ",")))"
            case .exists: return r.key
            case .doesNotExist: return "!\(r.key)"
            case .greaterThan: return "\(r.key)>\(r.values[0])"
            case .lessThan: return "\(r.key)<\(r.values[0])"
            }
        }.joined(separator: ",")
    }

    public struct ParseError: Error, Equatable, Sendable {
        public let message: String
    }

    /// Parses the `-l` syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`, `k>1`, `k<1`.
    public static func parse(_ text: String) throws(ParseError) -> LabelSelector {
        var reqs: [Requirement] = []
        let chars = Array(text)
        var i = 0
        func skipSpaces() { while i < chars.count, chars[i] == " " { i += 1 } }
        func readToken() -> String {
            var s = ""
            while i < chars.count, !" ,=!()<>".contains(chars[i]) { s.append(chars[i]); i += 1 }
            return s
        }
        while true {
            skipSpaces()
            if i >= chars.count { break }
            var negate = false
            if chars[i] == "!" { negate = true; i += 1; skipSpaces() }
            let key = readToken()
            guard !key.isEmpty else { throw ParseError(message: "found '\(i < chars.count ? String(chars[i]) : "")', expected: identifier") }
            try validateKey(key)
            skipSpaces()
            if negate {
                reqs.append(Requirement(key: key, op: .doesNotExist, values: []))
            } else if i >= chars.count || chars[i] == "," {
                reqs.append(Requirement(key: key, op: .exists, values: []))
            } else if chars[i] == "=" || chars[i] == "!" {
                var op = Operator.equals
                if chars[i] == "!" {
                    guard i + 1 < chars.count, chars[i + 1] == "=" else { throw ParseError(message: "found '!', expected: '=' after '!'") }
                    op = .notEquals; i += 2
                } else {
                    i += 1
                    if i < chars.count, chars[i] == "=" { i += 1 }
                }
                skipSpaces()
                let value = readToken()
                try validateValue(value)
                reqs.append(Requirement(key: key, op: op, values: [value]))
            } else if chars[i] == ">" || chars[i] == "<" {
                let op: Operator = chars[i] == ">" ? .greaterThan : .lessThan
                i += 1; skipSpaces()
                let value = readToken()
                guard Int(value) != nil else { throw ParseError(message: "for 'Gt', 'Lt' operators, the value must be an integer") }
                reqs.append(Requirement(key: key, op: op, values: [value]))
            } else {
                let word = readToken()
                guard word == "in" || word == "notin" else {
                    throw ParseError(message: "found '\(word)', expected: in, notin, =, ==, !=, gt, lt")
                }
                skipSpaces()
                guard i < chars.count, chars[i] == "(" else { throw ParseError(message: "found '\(i < chars.count ? String(chars[i]) : "")', expected: '('") }
                i += 1
                var values: [String] = []
                while true {
                    skipSpaces()
                    let v = readToken()
                    try validateValue(v)
                    values.append(v)
                    skipSpaces()
                    guard i < chars.count else { throw ParseError(message: "found '', expected: ',' or ')'") }
                    if chars[i] == "," { i += 1; continue }
                    if chars[i] == ")" { i += 1; break }
                    throw ParseError(message: "found '\(chars[i])', expected: ',' or ')'")
                }
                reqs.append(Requirement(key: key, op: word == "in" ? .in : .notIn, values: values))
            }
            skipSpaces()
            if i < chars.count {
                guard chars[i] == "," else { throw ParseError(message: "found '\(chars[i])', expected: ',' or 'end of string'") }
                i += 1
            }
        }
        return LabelSelector(requirements: reqs)
    }

    static func validateKey(_ key: String) throws(ParseError) {
        let name = key.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? key
        if name.isEmpty || name.count > 63 || !isQualifiedNamePart(name) {
            throw ParseError(message: "invalid label key \"\(key)\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")
        }
    }

    static func validateValue(_ value: String) throws(ParseError) {
        if value.isEmpty { return }
        if value.count > 63 || !isQualifiedNamePart(value) {
            throw ParseError(message: "invalid label value: \"\(value)\": at key: \"\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")
        }
    }

    static func isQualifiedNamePart(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, let l = s.unicodeScalars.last else { return false }
        func alnum(_ c: Unicode.Scalar) -> Bool { c.isASCII && (("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)) }
        return alnum(f) && alnum(l) && s.unicodeScalars.allSatisfy { alnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }
}
