import KubeAPI

/// A parsed kubectl JSONPath template (`-o jsonpath=...`, `--sort-by`, custom-columns).
///
/// Evaluation follows client-go's `FindResults`: each top-level node yields a group of results,
/// `{range}`/`{end}` repeat the nodes between them per element, missing keys yield nothing.
public struct JSONPath: Sendable {
    public let template: String
    let nodes: [JSONPathNode]
    /// `AllowMissingKeys(true)`, kubectl's default for printing.
    public var allowMissingKeys = true

    public init(_ template: String) throws(JSONPathError) {
        self.template = template
        self.nodes = try JSONPathParser.parse(template)
    }

    /// Result groups, one per top-level node (and per range iteration).
    public func findResults(_ data: JSONValue) throws(JSONPathError) -> [[JSONValue]] {
        var state = RangeState()
        return try find(nodes[...], data, &state)
    }

    /// What `kubectl get -o jsonpath=...` prints (no trailing newline).
    public func execute(_ data: JSONValue) throws(JSONPathError) -> String {
        var out = ""
        for group in try findResults(data) {
            for (i, v) in group.enumerated() {
                out += Self.text(v)
                if i != group.count - 1 { out += " " }
            }
        }
        return out
    }

    /// `-o jsonpath-as-json`: every result group as an indented JSON array.
    public func executeAsJSON(_ data: JSONValue) throws(JSONPathError) -> String {
        var out = ""
        for group in try findResults(data) { out += JSONText.pretty(.array(group)) }
        return out
    }

    /// Maps and arrays print as compact JSON, scalars as `fmt.Fprint` text, null as `null`.
    static func text(_ v: JSONValue) -> String {
        switch v {
        case .object, .array: return JSONText.compact(v)
        case .null: return "null"
        case .double(let d): return GoFormat.float(d)
        default: return v.scalarText ?? ""
        }
    }

    private struct RangeState {
        var beginRange = 0
        var inRange = 0
        var endRange = 0
        var lastEndIndex: Int? = nil
        var steps = 0
    }

    private func find(_ nodes: ArraySlice<JSONPathNode>, _ data: JSONValue, _ st: inout RangeState)
        throws(JSONPathError) -> [[JSONValue]]
    {
        var full: [[JSONValue]] = []
        var i = nodes.startIndex
        while i < nodes.endIndex {
            st.steps += 1
            if st.steps > 2_000_000 { throw JSONPathError("template evaluation too large") }
            let results = try walk([data], nodes[i], &st)
            if st.endRange > 0 && st.endRange <= st.inRange {
                st.endRange -= 1
                st.lastEndIndex = i
                break
            }
            if st.beginRange > 0 {
                st.beginRange -= 1
                st.inRange += 1
                let rest = nodes[(i + 1)...]
                if results.isEmpty {
                    _ = try find(rest, .null, &st)
                } else {
                    for value in results { full += try find(rest, value, &st) }
                }
                st.inRange -= 1
                if let end = st.lastEndIndex, end > i { i = end }
                i += 1
                continue
            }
            full.append(results)
            i += 1
        }
        return full
    }

    private func walk(_ input: [JSONValue], _ node: JSONPathNode, _ st: inout RangeState) throws(JSONPathError)
        -> [JSONValue]
    {
        switch node {
        case .list(let nodes):
            var cur = input
            for n in nodes { cur = try walk(cur, n, &st) }
            return cur
        case .text(let t): return [.string(t)]
        case .field(let name): return try evalField(input, name)
        case .array(let slice): return try evalArray(input, slice)
        case .filter(let left, let right, let op): return try evalFilter(input, left, right, op, &st)
        case .int(let v): return input.map { _ in .int(v) }
        case .float(let v): return input.map { _ in .double(v) }
        case .bool(let v): return input.map { _ in .bool(v) }
        case .wildcard:
            var out: [JSONValue] = []
            for v in input {
                switch v {
                case .object(let o): for k in o.keys.sorted() { out.append(o[k] ?? .null) }
                case .array(let a): out += a
                default: break
                }
            }
            return out
        case .recursive:
            return recursive(input)
        case .union(let lists):
            var out: [JSONValue] = []
            for l in lists { out += try walk(input, .list(l), &st) }
            return out
        case .identifier(let name):
            switch name {
            case "range":
                st.beginRange += 1
                return input
            case "end":
                if st.inRange > 0 { st.endRange += 1; return [] }
                throw JSONPathError("not in range, nothing to end")
            default:
                throw JSONPathError("unrecognized identifier \(name)")
            }
        }
    }

    private func recursive(_ input: [JSONValue]) -> [JSONValue] {
        var result: [JSONValue] = []
        for v in input {
            var children: [JSONValue] = []
            switch v {
            case .object(let o): for k in o.keys.sorted() { children.append(o[k] ?? .null) }
            case .array(let a): children = a
            default: break
            }
            if !children.isEmpty {
                result.append(v)
                result += recursive(children)
            }
        }
        return result
    }

    private func evalField(_ input: [JSONValue], _ name: String) throws(JSONPathError) -> [JSONValue] {
        var results: [JSONValue] = []
        for v in input {
            if v.isNull { continue }
            if case .object(let o) = v, let r = o[name] { results.append(r) }
        }
        if results.isEmpty && !allowMissingKeys && !input.isEmpty { throw JSONPathError("\(name) is not found") }
        return results
    }

    static func goTypeName(_ v: JSONValue) -> String {
        switch v {
        case .null: return "interface {}"
        case .bool: return "bool"
        case .int, .double: return "float64"  // kubectl decodes every JSON number as float64
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }

    private func evalArray(_ input: [JSONValue], _ slice: JSONPathSlice) throws(JSONPathError) -> [JSONValue] {
        var result: [JSONValue] = []
        for v in input {
            if v.isNull { continue }
            guard case .array(let a) = v else { throw JSONPathError("\(Self.goTypeName(v)) is not array or slice") }
            var p = slice
            let n = a.count
            if !p.start.known { p.start.value = 0 }
            if p.start.value < 0 { p.start.value &+= n }
            if !p.end.known { p.end.value = n }
            if p.end.value < 0 || (p.end.value == 0 && p.end.derived) { p.end.value &+= n }
            if p.end.value == p.start.value { return result }
            if p.start.value >= n || p.start.value < 0 {
                throw JSONPathError("array index out of bounds: index \(p.start.value), length \(n)")
            }
            if p.end.value > n || p.end.value < 0 {
                throw JSONPathError("array index out of bounds: index \(p.end.value &- 1), length \(n)")
            }
            if p.start.value > p.end.value {
                throw JSONPathError("starting index \(p.start.value) is greater than ending index \(p.end.value)")
            }
            var step = 1
            if p.step.known {
                if p.step.value <= 0 { throw JSONPathError("step must be > 0") }
                step = p.step.value
            }
            var i = p.start.value
            while i < p.end.value {
                result.append(a[i])
                // A step past Int.max ends the slice instead of overflowing.
                let (next, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = next
            }
        }
        return result
    }

    private func evalFilter(_ input: [JSONValue], _ left: [JSONPathNode], _ right: [JSONPathNode], _ op: String,
                            _ st: inout RangeState) throws(JSONPathError) -> [JSONValue]
    {
        var results: [JSONValue] = []
        for v in input {
            guard case .array(let a) = v else {
                throw JSONPathError("\(GoFormat.plain(v)) is not array or slice and cannot be filtered")
            }
            for element in a {
                let lefts = try walk([element], .list(left), &st)
                if op == "exists" {
                    if !lefts.isEmpty { results.append(element) }
                    continue
                }
                if lefts.isEmpty { continue }
                if lefts.count > 1 { throw JSONPathError("can only compare one element at a time") }
                let rights = try walk([element], .list(right), &st)
                if rights.isEmpty { continue }
                if rights.count > 1 { throw JSONPathError("can only compare one element at a time") }
                let l = Operand(lefts[0], literalInt: left.isIntLiteral)
                let r = Operand(rights[0], literalInt: right.isIntLiteral)
                if try Self.compare(l, r, op) { results.append(element) }
            }
        }
        return results
    }

    /// A filter operand: numbers read from objects are float64 in kubectl, while an integer written
    /// in the template (`==80`) is an int, and Go templates refuse to compare the two.
    struct Operand {
        var value: JSONValue
        var literalInt: Bool
        init(_ value: JSONValue, literalInt: Bool) {
            self.value = value
            self.literalInt = literalInt
        }
    }

    /// Go template comparison (`eq`, `lt`, ...): same basic kinds only.
    static func compare(_ lo: Operand, _ ro: Operand, _ op: String) throws(JSONPathError) -> Bool {
        let l = lo.value
        let r = ro.value
        enum Basic { case bool(Bool), int(Int), float(Double), string(String), other }
        func basic(_ o: Operand) -> Basic {
            switch o.value {
            case .bool(let b): return .bool(b)
            case .int(let i): return o.literalInt ? .int(i) : .float(Double(i))
            case .double(let d): return .float(d)
            case .string(let s): return .string(s)
            default: return .other
            }
        }
        let ordering: Int?  // -1, 0, 1, or nil when only equality is defined
        var equal: Bool
        switch (basic(lo), basic(ro)) {
        case (.bool(let a), .bool(let b)): equal = a == b; ordering = nil
        case (.int(let a), .int(let b)): equal = a == b; ordering = a < b ? -1 : (a == b ? 0 : 1)
        case (.float(let a), .float(let b)): equal = a == b; ordering = a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)):
            equal = a == b
            ordering = Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) ? -1 : (a == b ? 0 : 1)
        case (.other, _), (_, .other):
            if op == "==" || op == "!=" {
                if l.isNull || r.isNull { equal = l.isNull && r.isNull; ordering = nil; break }
                throw JSONPathError("invalid type for comparison")
            }
            throw JSONPathError("invalid type for comparison")
        default:
            throw JSONPathError("incompatible types for comparison")
        }
        switch op {
        case "==": return equal
        case "!=": return !equal
        case "<", ">", "<=", ">=":
            guard let o = ordering else { throw JSONPathError("invalid type for comparison") }
            switch op {
            case "<": return o < 0
            case ">": return o > 0
            case "<=": return o <= 0
            default: return o >= 0
            }
        default:
            throw JSONPathError("unrecognized filter operator \(op)")
        }
    }
}

extension Array where Element == JSONPathNode {
    /// True for a filter side that is just an integer literal.
    var isIntLiteral: Bool {
        if count == 1, case .int = self[0] { return true }
        return false
    }
}
