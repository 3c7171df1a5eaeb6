import Foundation
import Yams

/// Turns manifest text (YAML, several `---` documents, or JSON) into objects, resolving plain
/// scalars the way the API machinery's YAML 1.1 decoder does (`yes` is a bool, `0400` is octal).
public enum YAMLLoader {
    /// A syntax error, worded like Go's yaml package: `yaml: line 3: mapping values are not allowed in this context`.
    public struct LoadError: Error, Equatable, Sendable {
        public let message: String
    }

    /// Splits on `---` separator lines as kubectl's document reader does, then parses each document.
    /// Empty documents (only comments or whitespace) are skipped.
    public static func documents(_ text: String) throws(LoadError) -> [JSONValue] {
        var docs: [JSONValue] = []
        for result in documentResults(text) {
            switch result {
            case .success(let v): docs.append(v)
            case .failure(let e): throw e
            }
        }
        return docs
    }

    /// Like `documents`, but keeps the documents before a syntax error: kubectl's stream reader
    /// hands those on and reports the error after them. The failure, if any, is the last element.
    public static func documentResults(_ text: String) -> [Result<JSONValue, LoadError>] {
        var out: [Result<JSONValue, LoadError>] = []
        for chunk in splitDocuments(text) {
            do {
                if let v = try parse(chunk), !v.isNull { out.append(.success(v)) }
            } catch {
                out.append(.failure(error))
                break
            }
        }
        return out
    }

    /// Parses one document; nil when it holds nothing.
    public static func parse(_ text: String) throws(LoadError) -> JSONValue? {
        if text.unicodeScalars.contains(where: { $0 == "\t" }) {
            // libyaml rejects tabs used as indentation, as Go's yaml does.
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let lead = line.prefix { $0 == " " || $0 == "\t" }
                if lead.contains("\t") && !line.trimmingCharacters(in: " \t").isEmpty {
                    throw LoadError(message: "yaml: line \(n + 1): found character that cannot start any token")
                }
            }
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            var budget = aliasExpansionBudget(forBytes: text.utf8.count)
            return try convert(node, budget: &budget)
        } catch let e as LoadError {
            throw e
        } catch let e as YamlError {
            throw LoadError(message: goMessage(e, text: text))
        } catch {
            throw LoadError(message: "yaml: \(error)")
        }
    }

    static func splitDocuments(_ text: String) -> [String] {
        var chunks: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed == "---" || (trimmed.hasPrefix("--- ") && trimmed.dropFirst(4).allSatisfy { $0 == " " }) {
                chunks.append(current.joined(separator: "\n"))
                current = []
            } else if trimmed.hasPrefix("---") && trimmed.dropFirst(3).first == " " {
                // `--- # comment` or `--- value` starts a new document with content.
                chunks.append(current.joined(separator: "\n"))
                current = [line]
            } else {
                current.append(line)
            }
        }
        chunks.append(current.joined(separator: "\n"))
        return chunks
    }

    /// Go's yaml (v2, as sigs.k8s.io/yaml uses it) names the problem's 0-based line, plus one for
    /// scanner errors only, falling back to the context line; Yams marks are 1-based.
    static func goMessage(_ e: YamlError, text: String) -> String {
        switch e {
        case .scanner(let context, let problem, let mark, _):
            return "yaml: " + goLine(problem: mark.line, context: context?.mark.line, scanner: true) + problem
        case .parser(let context, let problem, let mark, _):
            // libyaml stops nesting at 1000 levels (Go's yaml at 10000); say so in Go's words.
            let text = problem.hasPrefix("Maximum nesting level reached") ? "exceeded max depth of \(maxDepth)" : problem
            return "yaml: " + goLine(problem: mark.line, context: context?.mark.line, scanner: false) + text
        case .composer(let context, let problem, let mark, _):
            if problem == "found undefined alias" {
                return "yaml: unknown anchor '\(aliasName(at: mark, in: text))' referenced"
            }
            return "yaml: " + goLine(problem: mark.line, context: context?.mark.line, scanner: false) + problem
        case .reader(let problem, _, _, _): return "yaml: \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Go's decoder would keep the last value; Yams refuses repeated keys outright.
            let line = context.mark.line
            return "yaml: unmarshal errors:\n" + duplicates.sorted().map { "  line \(line): key \"\($0)\" already set in map" }.joined(separator: "\n")
        default: return "yaml: \(e)"
        }
    }

    /// The deepest nesting libyaml (inside Yams) accepts.
    public static let maxDepth = 1000

    static func goLine(problem: Int, context: Int?, scanner: Bool) -> String {
        var line = 0
        if problem - 1 != 0 {
            line = problem - 1 + (scanner ? 1 : 0)
        } else if let context, context - 1 != 0 {
            line = context - 1
        }
        return line == 0 ? "" : "line \(line): "
    }

    /// The name after `*` at a mark (Yams reports undefined aliases by position only).
    static func aliasName(at mark: Mark, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return "" }
        let rest = lines[mark.line - 1].dropFirst(max(0, mark.column - 1)).drop { $0 != "*" }.dropFirst()
        return String(rest.prefix { !" \t,[]{}".contains($0) })
    }

    /// Values one document may expand to. Without aliases a document holds fewer values than
    /// it has bytes; only aliases multiply them (a 400-byte "billion laughs" would be 387 million
    /// strings), so past this budget the document is refused in go-yaml's words.
    static func aliasExpansionBudget(forBytes bytes: Int) -> Int { 10_000 + 4 * bytes }

    static let excessiveAliasing = LoadError(message: "yaml: document contains excessive aliasing")

    static func convert(_ node: Node, budget: inout Int) throws(LoadError) -> JSONValue {
        budget -= 1
        if budget < 0 { throw excessiveAliasing }
        switch node {
        case .scalar(let s):
            return resolve(s)
        case .sequence(let seq):
            var out: [JSONValue] = []
            out.reserveCapacity(seq.count)
            for n in seq { out.append(try convert(n, budget: &budget)) }
            return .array(out)
        case .mapping(let map):
            var out = JSONObject()
            for (k, v) in map {
                let key: String
                switch k {
                case .scalar(let ks):
                    let resolved = resolve(ks)
                    key = resolved.scalarText ?? ks.string
                    if key == "<<" { continue }
                default:
                    throw LoadError(message: "yaml: line \(k.mark?.line ?? 0): invalid map key: \(k)")
                }
                // sigs.k8s.io/yaml decodes into a map: a repeated key keeps its last value.
                out[key] = try convert(v, budget: &budget)
            }
            return .object(out)
        case .alias:
            throw LoadError(message: "yaml: unknown anchor referenced")
        }
    }

    /// YAML 1.1 plain-scalar resolution (go-yaml v2 rules); quoted scalars stay strings.
    static func resolve(_ s: Node.Scalar) -> JSONValue {
        let text = s.string
        if s.style != .plain && s.style != .any { return .string(text) }
        if s.tag.description == "tag:yaml.org,2002:str" { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        default: break
        }
        guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else {
            return .string(text)
        }
        if let i = parseInt(text) { return .int(i) }
        if text.contains(where: { $0.isNumber }), text.allSatisfy({ "0123456789.eE+-_".contains($0) }),
            let d = Double(text.replacingOccurrences(of: "_", with: ""))
        {
            return .double(d)
        }
        return .string(text)
    }

    static func parseInt(_ text: String) -> Int? {
        var t = Substring(text.replacingOccurrences(of: "_", with: ""))
        var negative = false
        if t.first == "-" || t.first == "+" { negative = t.first == "-"; t = t.dropFirst() }
        guard !t.isEmpty else { return nil }
        var value: Int?
        if t.hasPrefix("0x") { value = Int(t.dropFirst(2), radix: 16) }
        else if t.hasPrefix("0b") { value = Int(t.dropFirst(2), radix: 2) }
        else if t.hasPrefix("0o") { value = Int(t.dropFirst(2), radix: 8) }
        else if t.count > 1 && t.hasPrefix("0") { value = Int(t.dropFirst(), radix: 8) }
        else if t.allSatisfy({ $0.isASCII && $0.isNumber }) { value = Int(t) }
        guard let v = value else { return nil }
        return negative ? -v : v
    }
}

extension StringProtocol {
    /// Drops the given characters from both ends (no Foundation needed).
    public func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
