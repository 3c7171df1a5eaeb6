import Testing
@testable import PodShell

@Suite struct PerformanceTests {
    /// `kubectl exec pod -- cat FILE` 10,000 times: a fresh environment per exec over one filesystem.
    @Test func tenThousandExecRoundTrips() {
        let fs = VirtualFileSystem()
        fs.installBaseLayout()
        try? fs.writeFile("/etc/hostname", text: "web-0\n")
        let commands = StandardUtilities.commands(for: .busyboxSh)
        var bytes = 0
        do {
            for _ in 0..<10_000 {
                let env = ShellEnvironment(dialect: .busyboxSh, fileSystem: fs, commands: commands, hostname: "web-0")
                _ = env.execute(["cat", "/etc/hostname"], stdout: { bytes += $0.utf8.count }, stderr: { _ in })
            }
        }
        #expect(bytes == 60_000)
    }
}
