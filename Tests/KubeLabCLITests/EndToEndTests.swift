import Foundation
import Testing

/// The built `kubelab` binary as a learner meets it: through a pseudo-terminal, a pipe, and `run`.
@Suite(.serialized) struct EndToEndTests {
    static let ptyAvailable: Bool = {
        guard BuiltBinary.kubelab != nil, let python = BuiltBinary.python3,
            let result = try? BuiltBinary.run(python, ["-c", "import os, pty; os.openpty()"], in: "/")
        else { return false }
        return result.status == 0
    }()

    @Test(.enabled(
        if: EndToEndTests.ptyAvailable,
        "skipped: needs python3 with a working pty module and the built .build/debug/kubelab"))
    func terminalSessionHandlesCtrlCUTF8TabAndCtrlD() throws {
        let kubelab = try #require(BuiltBinary.kubelab)
        let python = try #require(BuiltBinary.python3)
        let script = try #require(Bundle.module.path(forResource: "pty_session", ofType: "py", inDirectory: "Fixtures"))
        let directory = try BuiltBinary.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let result = try BuiltBinary.run(python, [script, kubelab, directory], in: directory)
        try #require(result.status != 3, "no pseudo-terminal: \(result.err)")
        let screen = result.out
        #expect(!screen.contains("FAILURE"), "\(screen)")
        #expect(screen.hasSuffix("EXIT 0\n"), "\(screen)")
        #expect(screen.contains("Try `kubectl get nodes`"))
        #expect(screen.contains("`exit` or press Ctrl-D"))
        // Ctrl-C dropped the half-typed line: a fresh prompt, and the command never ran.
        #expect(screen.contains("$ echo dropped\r\n$ "), "\(screen)")
        #expect(!screen.contains("\r\ndropped\r\n"), "\(screen)")
        // Ctrl-C stopped a running command and the prompt came back on a line of its own.
        #expect(screen.contains("$ sleep 30\r\n^C\r\n$ "), "\(screen)")
        // Korean text went in and came back out intact.
        #expect(screen.contains("$ echo 안녕하세요\r\n안녕하세요\r\n$ "), "\(screen)")
        // History is kept in the working directory; the dropped line is not in it.
        let history = try String(contentsOfFile: directory + "/.kubelab_history", encoding: .utf8)
        #expect(history.contains("echo\\040안녕하세요"))
        #expect(!history.contains("dropped"))
        // Tab completed the verb (with a space); a second Tab listed the candidates.
        #expect(history.contains("kubectl\\040get\\040\n"))
        let afterDe = try #require(screen.range(of: "$ kubectl de")).upperBound
        let listing = screen[afterDe...]
        #expect(listing.contains("\u{7}"), "the first Tab rings the bell")
        #expect(listing.contains("delete") && listing.contains("describe"), "\(screen)")
        // The session was recorded as it ran, and replays exactly: Ctrl-C cut `sleep 30` short
        // then, and the replay stops it at the same cluster time.
        let folder = directory + "/.local/share/kubelab/transcripts"
        let recorded = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        let text = try String(contentsOfFile: folder + "/" + recorded, encoding: .utf8)
        #expect(text.contains("\n$ sleep 30\n"))
        #expect(text.contains("\n$ echo 안녕하세요\n안녕하세요\n"))
        let replay = try BuiltBinary.run(kubelab, ["replay", folder + "/" + recorded], in: directory)
        #expect(replay.out.hasSuffix("commands: every output is identical\n"), "\(replay.out)")
        #expect(replay.status == 0)
    }

    @Test(.enabled(if: BuiltBinary.kubelab != nil, "skipped: the built .build/debug/kubelab is missing"))
    func pipedInputPrintsOnlyTheCommandsOutput() throws {
        let kubelab = try #require(BuiltBinary.kubelab)
        let directory = try BuiltBinary.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try BuiltBinary.run(kubelab, [], in: directory, input: "echo hello\necho 日本語\n")
        #expect(result.out == "hello\n日本語\n")
        #expect(result.err == "")
        #expect(result.status == 0)
    }

    @Test(.enabled(if: BuiltBinary.kubelab != nil, "skipped: the built .build/debug/kubelab is missing"))
    func runPrintsATranscriptFromAFileOrStandardInput() throws {
        let kubelab = try #require(BuiltBinary.kubelab)
        let directory = try BuiltBinary.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("echo one\necho 안녕하세요\n".utf8).write(to: URL(fileURLWithPath: directory + "/demo.sh"))

        let fromFile = try BuiltBinary.run(kubelab, ["run", "demo.sh"], in: directory, mergeErrors: true)
        #expect(fromFile.out == "$ echo one\none\n$ echo 안녕하세요\n안녕하세요\n")
        #expect(fromFile.status == 0)
        let fromStdin = try BuiltBinary.run(kubelab, ["run", "-"], in: directory, input: "echo one\n", mergeErrors: true)
        #expect(fromStdin.out == "$ echo one\none\n")
        let again = try BuiltBinary.run(kubelab, ["run", "demo.sh", "--seed", "9"], in: directory, mergeErrors: true)
        let twice = try BuiltBinary.run(kubelab, ["run", "demo.sh", "--seed", "9"], in: directory, mergeErrors: true)
        #expect(again.out == twice.out)
    }

    @Test(.enabled(if: BuiltBinary.kubelab != nil, "skipped: the built .build/debug/kubelab is missing"))
    func runKeepsStderrInPlaceUnder2To1AndStrictFailsOnErrors() throws {
        let kubelab = try #require(BuiltBinary.kubelab)
        let directory = try BuiltBinary.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("echo one\nnosuchcommand\necho two\n".utf8).write(to: URL(fileURLWithPath: directory + "/bad.sh"))

        let relaxed = try BuiltBinary.run(kubelab, ["run", "bad.sh"], in: directory, mergeErrors: true)
        let lines = relaxed.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count == 7, "\(relaxed.out)")
        #expect(Array(lines[0...2]) == ["$ echo one", "one", "$ nosuchcommand"])
        #expect(lines[3].contains("nosuchcommand"))
        #expect(Array(lines[4...6]) == ["$ echo two", "two", ""])
        #expect(relaxed.status == 0)
        let strict = try BuiltBinary.run(kubelab, ["run", "--strict", "bad.sh"], in: directory, mergeErrors: true)
        #expect(strict.out == relaxed.out)
        #expect(strict.status == 1)
    }

    @Test(.enabled(if: BuiltBinary.kubelab != nil, "skipped: the built .build/debug/kubelab is missing"))
    func usageErrorsAndOutsidePathsExitWith2() throws {
        let kubelab = try #require(BuiltBinary.kubelab)
        let directory = try BuiltBinary.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let unknown = try BuiltBinary.run(kubelab, ["--foo"], in: directory)
        #expect(unknown.err.hasPrefix("Error: Unknown option '--foo'\nUsage: kubelab sandbox"))
        #expect(unknown.out == "")
        #expect(unknown.status == 2)
        let outside = try BuiltBinary.run(kubelab, ["run", "../x.sh"], in: directory)
        #expect(outside.err == "kubelab: script '../x.sh' does not exist\nSee 'kubelab --help' for usage.\n")
        #expect(outside.status == 2)
        let missing = try BuiltBinary.run(kubelab, ["run", "nope.sh"], in: directory)
        #expect(missing.err == "kubelab: script 'nope.sh' does not exist\nSee 'kubelab --help' for usage.\n")
        #expect(missing.status == 2)
        let help = try BuiltBinary.run(kubelab, ["--help"], in: directory)
        #expect(help.out.hasPrefix("OVERVIEW: A Kubernetes StatefulSet learning shell"))
        #expect(help.status == 0)
        let lesson = try BuiltBinary.run(kubelab, ["lesson", "99"], in: directory)
        #expect(lesson.err.hasPrefix("kubelab: unknown lesson '99'; the lessons are: 01"))
        #expect(lesson.status == 2)
    }
}
