import KubeLab
import Yams

/// Reads lesson.yaml's nodes strictly: every key known, every value of the right shape, each
/// mistake reported with its line. Only known keys are descended into and every list holds texts
/// or steps, so an alias-heavy file cannot make the reader walk an exploded tree.
struct LessonYAMLReader {
    let file: String

    func error(_ node: Node?, _ message: String) -> LessonLoadError {
        LessonLoadError(file: file, line: node?.mark?.line, message)
    }

    func mapping(_ node: Node, _ what: String, allowed: Set<String>) throws(LessonLoadError) -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw error(node, "\(what) must be a mapping") }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error(key, "\(what) has a key that is not a string") }
            guard allowed.contains(name) else {
                throw error(key, "unknown key '\(name)' in \(what) (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard result[name] == nil else { throw error(key, "key '\(name)' appears twice in \(what)") }
            result[name] = value
        }
        return result
    }

    func string(_ node: Node, _ what: String) throws(LessonLoadError) -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "\(what) must be a string") }
        return scalar.string
    }

    func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>) throws(LessonLoadError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string), range.contains(value) else {
            throw error(node, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func sequence(_ node: Node, _ what: String) throws(LessonLoadError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(node, "\(what) must be a list") }
        return Array(sequence)
    }

    /// `{en: ..., ko: ..., ja: ...}`; a plain string counts as English (the validator then
    /// reports the other two languages missing).
    func text(_ node: Node, _ what: String) throws(LessonLoadError) -> LocalizedText {
        if case .scalar(let scalar) = node { return LocalizedText([.english: scalar.string]) }
        let fields = try mapping(node, what, allowed: Set(Language.allCases.map(\.rawValue)))
        var texts: [Language: String] = [:]
        for (key, value) in fields {
            texts[Language(rawValue: key)!] = try string(value, "\(what).\(key)")
        }
        return LocalizedText(texts)
    }
}
