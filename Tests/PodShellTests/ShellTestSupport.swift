@testable import PodShell

/// A busybox-like or bash-like shell over a fresh filesystem with the standard utilities.
func makeShell(_ dialect: ShellDialect = .bash, interactive: Bool = false) -> ShellEnvironment {
    let fs = VirtualFileSystem()
    fs.installBaseLayout()
    var clock: Int64 = 1_748_854_805_000 // 2025-06-02T09:00:05Z
    var seed: UInt64 = 42
    let env = ShellEnvironment(dialect: dialect, fileSystem: fs, commands: StandardUtilities.commands(for: dialect),
                               cwd: "/", hostname: "web-0", isInteractive: interactive,
                               now: { clock }, sleep: { ms in clock += ms; return true },
                               random: { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed >> 33 })
    fs.now = { clock }
    return env
}

extension ShellEnvironment {
    /// Runs and returns stdout+stderr interleaved as the terminal would show them.
    func combined(_ source: String, stdin: String = "") -> String {
        var all = ""
        run(source, stdin: stdin, stdout: { all += $0 }, stderr: { all += $0 })
        return all
    }
}
