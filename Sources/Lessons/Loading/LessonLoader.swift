import Foundation
import KubeLab
import Yams

/// Loads a lesson folder (`lessons/NN-slug/`): lesson.yaml, solution.sh and the files the
/// learner's working directory holds. Reads nothing outside the folder and refuses links that
/// leave it.
public enum LessonLoader {
    /// A lesson folder holds a few small manifests; anything larger is a mistake.
    public static let maximumFileBytes = 1 << 20
    public static let maximumFiles = 200

    /// The lesson in `folder` (a path to `lessons/NN-slug`).
    public static func load(folder: String) throws(LessonLoadError) -> Lesson {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let folderName = url.lastPathComponent
        let yamlPath = url.appendingPathComponent("lesson.yaml").path
        let yamlText = try readText(yamlPath, shown: display(yamlPath))
        let files = try collectFiles(in: url)
        let solutionPath = url.appendingPathComponent("solution.sh").path
        let solution = try SolutionScript.parse(
            try readText(solutionPath, shown: display(solutionPath)), file: display(solutionPath))
        return try parse(yaml: yamlText, file: display(yamlPath), folderName: folderName, files: files, solution: solution)
    }

    /// A lesson from its texts (tests and the loader share this).
    public static func parse(
        yaml: String, file: String, folderName: String, files: [String: [UInt8]], solution: SolutionScript
    ) throws(LessonLoadError) -> Lesson {
        let reader = LessonYAMLReader(file: file)
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else { throw reader.error(nil, "the file is empty") }
            root = composed
        } catch let error as LessonLoadError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw reader.error(nil, "\(error)")
        }
        let top = try reader.mapping(root, "the lesson", allowed: ["id", "title", "summary", "coverage", "start", "scoring", "steps"])
        let folderID = String(folderName.prefix { $0.isNumber })
        guard !folderID.isEmpty else {
            throw LessonLoadError(file: file, "the lesson folder '\(folderName)' must start with its number (NN-slug)")
        }
        if let idNode = top["id"], try reader.string(idNode, "id") != folderID {
            throw reader.error(idNode, "id '\(try reader.string(idNode, "id"))' does not match the folder's number '\(folderID)'")
        }
        guard let titleNode = top["title"] else { throw reader.error(root, "the lesson needs a title") }
        guard let summaryNode = top["summary"] else { throw reader.error(root, "the lesson needs a summary") }
        guard let stepsNode = top["steps"] else { throw reader.error(root, "the lesson needs steps") }
        var start = LessonStart()
        if let node = top["start"] {
            let fields = try reader.mapping(node, "start", allowed: ["nodes", "nodeNames", "seed", "setup"])
            if let n = fields["nodes"] {
                start.nodes = try reader.integer(n, "start.nodes", in: LabOptions.nodeRange)
            }
            if let n = fields["nodeNames"] {
                let names = try reader.sequence(n, "start.nodeNames").map { node throws(LessonLoadError) in try reader.string(node, "start.nodeNames") }
                if let problem = LabOptions.problem(withNodeNames: names) { throw reader.error(n, "start.nodeNames: " + problem) }
                start.nodeNames = names
                start.nodes = names.count - 1
            }
            if let n = fields["seed"] { start.seed = UInt64(try reader.integer(n, "start.seed", in: 0...Int.max)) }
            if let n = fields["setup"] { start.setup = try reader.sequence(n, "start.setup").map { node throws(LessonLoadError) in try reader.string(node, "start.setup") } }
        }
        var scoring = Scoring()
        if let node = top["scoring"] {
            let fields = try reader.mapping(node, "scoring", allowed: ["hintPenalty", "pointsWhenSolutionShown"])
            if let n = fields["hintPenalty"] { scoring.hintPenalty = try reader.integer(n, "scoring.hintPenalty", in: 0...1000) }
            if let n = fields["pointsWhenSolutionShown"] {
                scoring.pointsWhenSolutionShown = try reader.integer(n, "scoring.pointsWhenSolutionShown", in: 0...1000)
            }
        }
        var steps: [LessonStep] = []
        for node in try reader.sequence(stepsNode, "steps") {
            let step = try StepReader(reader: reader).step(node, number: steps.count + 1)
            if steps.contains(where: { $0.id == step.id }) { throw reader.error(node, "two steps have the id '\(step.id)'") }
            steps.append(step)
        }
        guard !steps.isEmpty else { throw reader.error(stepsNode, "the lesson needs at least one step") }
        return Lesson(
            id: folderID, folderName: folderName, title: try reader.text(titleNode, "title"),
            summary: try reader.text(summaryNode, "summary"), coverage: try top["coverage"].map { node throws(LessonLoadError) in try reader.text(node, "coverage") },
            start: start, scoring: scoring, steps: steps, files: files, solution: solution)
    }

    static func yamlError(_ error: YamlError, file: String) -> LessonLoadError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return LessonLoadError(file: file, line: mark.line, "YAML: \(problem)")
        default:
            return LessonLoadError(file: file, "YAML: \(error)")
        }
    }

    /// Paths in messages relative to the current directory when below it.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    static func readText(_ path: String, shown: String) throws(LessonLoadError) -> String {
        let bytes = try readBytes(path, shown: shown)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func readBytes(_ path: String, shown: String) throws(LessonLoadError) -> [UInt8] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw LessonLoadError(file: shown, "no such file")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { throw LessonLoadError(file: shown, "not a regular file") }
        guard (attributes[.size] as? Int ?? 0) <= maximumFileBytes else {
            throw LessonLoadError(file: shown, "larger than \(maximumFileBytes >> 20) MiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw LessonLoadError(file: shown, "cannot be read") }
        return Array(data)
    }

    /// The folder's files (not lesson.yaml), by relative path; symbolic links are not followed.
    static func collectFiles(in folder: URL) throws(LessonLoadError) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let manager = FileManager.default
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? folder.path : folder.path + "/" + relative
            guard let names = try? manager.contentsOfDirectory(atPath: directory) else { continue }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                let full = folder.path + "/" + path
                guard let attributes = try? manager.attributesOfItem(atPath: full) else { continue }
                switch attributes[.type] as? FileAttributeType {
                case .typeDirectory?: pending.append(path)
                case .typeRegular?:
                    if path == "lesson.yaml" { continue }
                    guard files.count < maximumFiles else {
                        throw LessonLoadError(file: display(folder.path), "more than \(maximumFiles) files")
                    }
                    files[path] = try readBytes(full, shown: display(full))
                default: continue  // links and devices stay out of the learner's directory
                }
            }
        }
        return files
    }
}
