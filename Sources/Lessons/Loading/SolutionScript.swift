/// `solution.sh`: the lesson's reference solution, lines that `kubelab run` reads as they are.
/// A comment `# step: ID` starts the lines of step ID; blank lines and other comments are kept
/// for the reader but are not commands.
public struct SolutionScript: Equatable, Sendable {
    public struct Part: Equatable, Sendable {
        public var stepID: String
        /// The commands of this step, in order (`sleep N` where the learner waits).
        public var lines: [String]
        /// Line in solution.sh of the `# step:` marker.
        public var line: Int
    }

    public var parts: [Part]

    public init(parts: [Part] = []) { self.parts = parts }

    public func lines(forStep id: String) -> [String] { parts.first { $0.stepID == id }?.lines ?? [] }

    static let marker = "# step:"

    /// Parses the script; lines before the first marker are an error (every command belongs to a step).
    public static func parse(_ text: String, file: String) throws(LessonLoadError) -> SolutionScript {
        var parts: [Part] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = String(raw)
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix(marker) {
                let id = String(trimmed.dropFirst(marker.count)).trimmingSpaces
                guard !id.isEmpty else { throw LessonLoadError(file: file, line: index + 1, "a '# step:' marker needs a step ID") }
                guard !parts.contains(where: { $0.stepID == id }) else {
                    throw LessonLoadError(file: file, line: index + 1, "step '\(id)' has a second '# step:' marker")
                }
                parts.append(Part(stepID: id, lines: [], line: index + 1))
                continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard !parts.isEmpty else {
                throw LessonLoadError(file: file, line: index + 1, "a command before the first '# step: ID' marker")
            }
            parts[parts.count - 1].lines.append(line)
        }
        return SolutionScript(parts: parts)
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
