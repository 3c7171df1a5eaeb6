import KubeLab
import KubeLabCLI
import Lessons
#if canImport(Glibc)
import Glibc
#endif

// kubelab's entry point: parse, dispatch, exit with 0, 1 (a failed run, lesson or grade) or 2 (usage).

private func fail(_ error: UsageError) -> Never {
    FileDescriptorWriter.standardError.write(error.report)
    exit(UsageError.exitCode)
}

let command: KubeLabCommand
switch KubeLabArguments.parse(Array(CommandLine.arguments.dropFirst())) {
case .run(let parsed):
    command = parsed
case .exit(let text, let toStandardError, let code):
    (toStandardError ? FileDescriptorWriter.standardError : FileDescriptorWriter.standardOutput).write(text)
    exit(code)
}

switch command {
case .sandbox(let options, let record):
    exit(SandboxLauncher.run(options: options, record: record))
case .run(let script, let strict, let options):
    let bytes: [UInt8]
    do {
        bytes = try ScriptSource.load(script)
    } catch {
        fail(error)
    }
    let session = makeSession(options)
    exit(ScriptRunner.run(
        lines: ScriptSource.lines(of: bytes), session: session, strict: strict, output: .standard()))
case .listLessons(let options):
    exit(LessonCommandRunner.list(options: options))
case .lesson(let id, let restart, let record, let options):
    exit(LessonCommandRunner.start(id: id, restart: restart, record: record, options: options))
case .checkLesson(let target, let languages):
    exit(LessonCommandRunner.check(target: target, languages: languages))
case .grade(let lesson, let format, let files, let shard, let merge):
    let outcome = TranscriptCommands.grade(
        lesson: lesson, format: format, files: files, shard: shard, merge: merge, catalog: LessonCatalog.locate())
    FileDescriptorWriter.standardOutput.write(outcome.out)
    FileDescriptorWriter.standardError.write(outcome.err)
    exit(outcome.code)
case .replay(let file, let cast):
    let outcome = TranscriptCommands.replay(
        file: file, cast: cast, catalog: LessonCatalog.locate(), workingDirectory: { WorkingDirectoryFiles.current() })
    FileDescriptorWriter.standardOutput.write(outcome.out)
    FileDescriptorWriter.standardError.write(outcome.err)
    exit(outcome.code)
}
