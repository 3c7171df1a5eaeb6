import KubeLab
import KubeLabCLI
#if canImport(Glibc)
import Glibc
#endif

// kubelab's entry point: parse, dispatch, exit with 0, 1 (`run --strict` failure) or 2 (usage).

private func fail(_ error: UsageError) -> Never {
    FileDescriptorWriter.standardError.write(error.report)
    exit(UsageError.exitCode)
}

private func notAvailable(_ name: String) -> Never {
    FileDescriptorWriter.standardError.write("kubelab: '\(name)' is not available yet\n")
    exit(UsageError.exitCode)
}

private func workingDirectory() -> String {
    guard let path = getcwd(nil, 0) else { return "." }
    defer { free(path) }
    return String(cString: path)
}

let command: KubeLabCommand
do {
    command = try CommandLineParser.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail(error)
}

switch command {
case .help:
    FileDescriptorWriter.standardOutput.write(UsageText.help)
    exit(0)
case .version:
    FileDescriptorWriter.standardOutput.write(UsageText.version)
    exit(0)
case .sandbox(let options):
    exit(SandboxLauncher.run(options: options))
case .run(let script, let strict, let options):
    let bytes: [UInt8]
    do {
        bytes = try ScriptSource.load(script, workingDirectory: workingDirectory())
    } catch {
        fail(error)
    }
    let session = makeSession(options)
    exit(ScriptRunner.run(
        lines: ScriptSource.lines(of: bytes), session: session, strict: strict, output: .standard()))
case .lesson:
    notAvailable("lesson")
case .grade:
    notAvailable("grade")
case .replay:
    notAvailable("replay")
}
