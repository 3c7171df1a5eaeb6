import Foundation
import Testing
@testable import KubeLabCLI

@Suite struct ScriptSourceTests {
    /// A fresh directory with `inside/script.sh`, `outside.sh` next to `inside`, and a link out.
    private func makeTree() throws -> (root: String, inside: String) {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("kubelab-script-\(UInt64.random(in: 0...UInt64.max))").path
        let inside = root + "/inside"
        try FileManager.default.createDirectory(atPath: inside + "/sub", withIntermediateDirectories: true)
        try Data("echo hi\n".utf8).write(to: URL(fileURLWithPath: inside + "/script.sh"))
        try Data("echo nested\n".utf8).write(to: URL(fileURLWithPath: inside + "/sub/s.sh"))
        try Data("echo secret\n".utf8).write(to: URL(fileURLWithPath: root + "/outside.sh"))
        try FileManager.default.createSymbolicLink(atPath: inside + "/escape.sh", withDestinationPath: root + "/outside.sh")
        return (root, inside)
    }

    /// ScriptSource reads relative paths from the process's directory; tests pass absolute ones.
    private func message(_ path: String, in directory: String) -> String? {
        do {
            _ = try ScriptSource.load(path.hasPrefix("/") || path.isEmpty ? path : directory + "/" + path)
            return nil
        } catch {
            return error.message.replacingOccurrences(of: directory + "/", with: "")
        }
    }

    @Test func readsTheFileTheUserNamedWhereverItIs() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: tree.root) }
        #expect(try ScriptSource.load(tree.inside + "/script.sh") == Array("echo hi\n".utf8))
        #expect(try ScriptSource.load(tree.inside + "/./sub/../sub/s.sh") == Array("echo nested\n".utf8))
        // Named on kubelab's own command line, so outside the working directory is fine.
        #expect(try ScriptSource.load(tree.root + "/outside.sh") == Array("echo secret\n".utf8))
        #expect(try ScriptSource.load(tree.inside + "/escape.sh") == Array("echo secret\n".utf8))
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: tree.root) }
        #expect(mkfifo(tree.inside + "/pipe", 0o600) == 0)
        #expect(message("pipe", in: tree.inside) == "script 'pipe' is not a regular file")
        #expect(message("/dev/null", in: tree.inside) == "script '/dev/null' is not a regular file")
    }

    @Test func reportsMissingFilesAndDirectories() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: tree.root) }
        #expect(message("nope.sh", in: tree.inside) == "script 'nope.sh' does not exist")
        #expect(message("sub", in: tree.inside) == "script 'sub' is not a regular file")
        #expect(message(".", in: tree.inside) == "script '.' is not a regular file")
        #expect(message("", in: tree.inside) == "the SCRIPT path is empty")
    }

    @Test func dashReadsStandardInput() throws {
        #expect(try ScriptSource.load("-", standardInput: { Array("a\n".utf8) })
            == Array("a\n".utf8))
    }

    @Test func linesSplitLikeATerminalDeliversThem() {
        #expect(ScriptSource.lines(of: Array("a\nb\n".utf8)) == ["a", "b"])
        #expect(ScriptSource.lines(of: Array("a\r\nb".utf8)) == ["a", "b"])
        #expect(ScriptSource.lines(of: Array("a\n\n\nb\n".utf8)) == ["a", "", "", "b"])
        #expect(ScriptSource.lines(of: [0xEF, 0xBB, 0xBF] + Array("echo 한국어\n".utf8)) == ["echo 한국어"])
        #expect(ScriptSource.lines(of: []) == [])
        #expect(ScriptSource.lines(of: Array("\n".utf8)) == [""])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let bytes: [UInt8] = Array("echo ".utf8) + [0xFF, 0xC3] + Array("\nok\n".utf8) + [0x80]
        #expect(ScriptSource.lines(of: bytes) == ["echo \u{FFFD}\u{FFFD}", "ok", "\u{FFFD}"])
    }

    @Test func invalidUTF8RunsThroughTheDriver() {
        let session = FakeSession()
        let captured = CapturedOutput()
        let lines = ScriptSource.lines(of: Array("echo ".utf8) + [0xFE] + Array(" ok\n".utf8))
        _ = ScriptRunner.run(lines: lines, session: session, strict: false, output: captured.channel)
        #expect(captured.combined == "$ echo \u{FFFD} ok\n\u{FFFD} ok\n")
    }
}
