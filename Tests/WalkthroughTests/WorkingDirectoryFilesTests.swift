import KubeLab
import Foundation
import Kubectl
import KubeLabCLI
import Testing

/// The working directory is read from disk on demand, within limits, and never written.
@Suite struct WorkingDirectoryFilesTests {
    @Test func readsSmallFilesRefusesHugeOnesAndKeepsWritesInMemory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-wd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("kind: Namespace\n".utf8).write(to: dir.appendingPathComponent("ns.yaml"))
        try Data(count: 9 << 20).write(to: dir.appendingPathComponent("huge.yaml"))
        let wd = WorkingDirectoryFiles(path: dir.path)
        #expect(wd.read("ns.yaml") == .file(Array("kind: Namespace\n".utf8)))
        guard case .denied(let why) = wd.read("huge.yaml") else {
            Issue.record("a file over the limit must be refused, not reported missing")
            return
        }
        #expect(why.contains("kubelab reads at most 8 MiB per file"))
        #expect(wd.read("absent.yaml") == .missing)
        #expect(wd.read("../outside.yaml") == .missing)
        #expect(wd.write("out.txt", bytes: Array("x".utf8)) == nil)
        #expect(wd.read("out.txt") == .file(Array("x".utf8)))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.txt").path))
    }
}
