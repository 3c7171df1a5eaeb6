import Foundation
import Yams
import OrderedCollections

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
        for chunk in splitDocuments(text) {
            if let v = try parse(chunk), !v.isNull { docs.append(v) }
        }
        return docs
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
            return try convert(node)
        } catch let e as LoadError {
            throw e
        } catch let e as YamlError {
            throw LoadError(message: goMessage(e))
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

    static func goMessage(_ e: YamlError) -> String {
        switch e {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // Go's yaml reports the context line for parser errors that have one.
            let line = context.map { $0.mark.line } ?? mark.line
            if case .parser = e, let ctx = context {
                return "yaml: line \(line): \(problem == "did not find expected key" ? problem : ctx.text.isEmpty ? problem : problem)"
            }
            return "yaml: line \(line): \(problem)"
        case .reader(let problem, _, _, _): return "yaml: \(problem)"
        default: return "yaml: \(e)"
        }
    }

    static func convert(_ node: Node) throws(LoadError) -> JSONValue {
        switch node {
        case .scalar(let s):
            return resolve(s)
        case .sequence(let seq):
            var out: [JSONValue] = []
            out.reserveCapacity(seq.count)
            for n in seq { out.append(try convert(n)) }
            return .array(out)
        case .mapping(let map):
            var out = OrderedDictionary<String, JSONValue>()
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
                if out[key] != nil {
                    throw LoadError(message: "yaml: unmarshal errors:\n  line \(k.mark?.line ?? 0): key \"\(key)\" already set in map")
                }
                out[key] = try convert(v)
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
