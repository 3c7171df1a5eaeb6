import KubeLab
import Foundation
import GoldenTesting
import KubeLabCLI
import PodShell
import Testing

/// Runs walkthrough scripts from Fixtures/ through the same driver as `kubelab run`.
enum WalkthroughHarness {
    static var fixtures: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

    /// Every file of a fixture folder, by relative path.
    static func files(in folder: String) -> [String: String] {
        let root = fixtures.appendingPathComponent(folder)
        var out: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let rel = String(url.path.dropFirst(root.path.count + 1))
            out[rel] = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        }
        return out
    }

    /// The transcript of `script` run in a fresh sandbox whose working directory holds `folder`'s files.
    static func run(folder: String, script: String, seed: UInt64 = LabOptions.defaultSeed, nodes: Int = 2,
                    nodeNames: [String] = [], configure: (Lab) -> Void = { _ in }) -> String
    {
        let wd = WorkingDirectoryFiles.inMemory(files(in: folder))
        let lab = Lab(options: LabOptions(seed: seed, nodes: nodes, mode: .script, nodeNames: nodeNames), workingDirectory: wd)
        configure(lab)
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var transcript = ""
        _ = ScriptRunner.run(lines: lines.last == "" ? Array(lines.dropLast()) : lines, session: lab, strict: false,
                             output: OutputChannel(out: { transcript += $0 }, err: { transcript += $0 }))
        return transcript
    }

    /// Runs the folder's own walkthrough.sh.
    static func runWalkthrough(_ folder: String, seed: UInt64 = LabOptions.defaultSeed) -> String {
        run(folder: folder, script: files(in: folder)["walkthrough.sh"] ?? "", seed: seed)
    }

    /// The lines of the transcript between the echo of `command` and the next prompt.
    static func output(of command: String, in transcript: String, occurrence: Int = 1) -> [String] {
        var lines = transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var seen = 0
        while let first = lines.first {
            lines.removeFirst()
            if first == "$ " + command {
                seen += 1
                if seen == occurrence { break }
            }
        }
        var out: [String] = []
        for l in lines {
            if l.hasPrefix("$ ") { break }
            out.append(l)
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    /// Compares with a golden transcript kubelab produced, in Fixtures/<folder>/<name> (see `GoldenFile`).
    static func expectGolden(_ text: String, folder: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(folder).appendingPathComponent(name)
        let expected = try? String(contentsOf: fixtures.appendingPathComponent(folder).appendingPathComponent(name), encoding: .utf8)
        GoldenFile.expect(text, expected: expected, source: source, shownAs: "\(folder)/\(name)", sourceLocation: sourceLocation)
    }

    /// A transcript with the values a seed may change (IPs, volume and pod-name suffixes, ages,
    /// durations, node placement) replaced by placeholders, so two seeds' runs can be compared whole.
    static func withoutVolatileValues(_ text: String) -> String {
        var out = text
        let rules: [(String, String)] = [
            (#"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b"#, "<ip>"),
            (#"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, "<uid>"),
            (#"\bk8s-node\d+\b"#, "<node>"),
            (#"\b\d+(\.\d+)?(ms|s|m|h|d)(\d+(s|m|h))?\b"#, "<age>"),
            (#" +"#, " "),
        ]
        for (pattern, replacement) in rules {
            out = out.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        // Rows named by a random uid (volumes `pvc-<uid>`) are listed in name order, which the
        // seed decides: compare each run of them as a set.
        var lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let named = { (line: String) in line.split(separator: " ").first?.contains("<uid>") == true }
            guard named(lines[i]) else { i += 1; continue }
            var j = i
            while j < lines.count && named(lines[j]) { j += 1 }
            lines[i..<j].sort()
            i = j
        }
        return lines.joined(separator: "\n")
    }
}
