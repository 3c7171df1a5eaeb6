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

/// Links in the working directory are followed from their own folder, component by component,
/// and none may lead outside it (issue 8, class 4): at every depth, absolute or relative, chained.
@Suite struct WorkingDirectoryLinkTests {
    private func tree() throws -> (root: URL, wd: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-links-\(UUID().uuidString)")
        let wd = root.appendingPathComponent("wd")
        let manager = FileManager.default
        try manager.createDirectory(at: wd.appendingPathComponent("sub/a/b"), withIntermediateDirectories: true)
        try Data("secret\n".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try Data("inside\n".utf8).write(to: wd.appendingPathComponent("sub/real.txt"))
        let link = { (name: String, target: String) in
            try manager.createSymbolicLink(atPath: wd.appendingPathComponent(name).path, withDestinationPath: target)
        }
        try link("sub/s", "../sub/../../secret.txt")          // the issue's shape: resolved against sub/, it leaves
        try link("sub/a/b/deep", "../../../../secret.txt")   // three folders down
        try link("absolute", root.appendingPathComponent("secret.txt").path)
        try link("chain1", "chain2")
        try link("chain2", "sub/s")                          // a chain that ends outside
        try link("loop", "loop")
        try link("ok", "sub/real.txt")                       // stays inside
        try link("sub/a/b/up", "../../real.txt")             // stays inside, relative to its folder
        try link("dirlink", "../")                           // a folder outside
        #expect(mkfifo(wd.appendingPathComponent("fifo").path, 0o600) == 0)
        return (root, wd)
    }

    @Test func linksThatLeaveAreMissingAndLinksInsideWork() throws {
        let (root, wd) = try tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = WorkingDirectoryFiles(path: wd.path)
        for escaping in ["sub/s", "sub/a/b/deep", "absolute", "chain1", "loop", "dirlink/secret.txt", "sub/../../secret.txt"] {
            #expect(files.read(escaping) == .missing, "\(escaping)")
        }
        #expect(files.read("ok") == .file(Array("inside\n".utf8)))
        #expect(files.read("sub/a/b/up") == .file(Array("inside\n".utf8)))
        #expect(files.read("fifo") == .denied("fifo: not a regular file (kubelab does not read FIFOs, sockets or devices)"))
        // A listing shows neither the escaping links nor the FIFO.
        guard case .directory(let names) = files.read(".") else {
            Issue.record("the working directory lists as a folder")
            return
        }
        #expect(names.contains("ok") && names.contains("sub"))
        #expect(!names.contains("absolute") && !names.contains("fifo") && !names.contains("loop"))
    }

    @Test func kubectlCannotReadAHostFileThroughALink() throws {
        let (root, wd) = try tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let lab = Lab(options: LabOptions(mode: .script), workingDirectory: WorkingDirectoryFiles(path: wd.path))
        var output = ""
        let driver = SessionDriver(session: lab, out: { output += $0 }, err: { output += $0 })
        driver.handle(.line("kubectl create configmap leak --from-file=sub/s"))
        driver.handle(.line("cat sub/a/b/deep"))
        #expect(!output.contains("secret"))
        #expect(output.contains("error: "))
        #expect(output.contains("No such file or directory"))
    }
}
