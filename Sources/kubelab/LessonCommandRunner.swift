import KubeLab
import KubeLabCLI
import Lessons

/// `kubelab lesson ...` in the executable: the listing, a lesson at the keyboard or on piped
/// lines, and `lesson check`.
enum LessonCommandRunner {
    static func list(options: LabOptions) -> Int32 {
        guard let catalog = LessonCatalog.locate() else {
            FileDescriptorWriter.standardError.write("kubelab: no lessons folder found (set KUBELAB_LESSONS or run kubelab where lessons/ is)\n")
            return 2
        }
        let (text, errors) = LessonLauncher.listing(catalog: catalog, store: .standard(), language: options.language)
        FileDescriptorWriter.standardOutput.write(text)
        FileDescriptorWriter.standardError.write(errors)
        return errors.isEmpty ? 0 : 1
    }

    static func start(id: String, restart: Bool, record: String?, options: LabOptions) -> Int32 {
        guard let lesson = load(id) else { return UsageError.exitCode }
        let front = TerminalFrontEnd()
        let piped = !TerminalFrontEnd.inputIsTerminal
        var options = options
        options.mode = piped ? .script : .interactive
        let presenter = LessonPresenter(usesColor: front.style.usesColor)
        let session = LessonLauncher.open(
            lesson, options: options, restart: restart, store: .standard(), output: front.output,
            presenter: presenter, started: SessionRecorder.startStamp())
        let recorder = record.map { SessionRecorder(path: $0, header: session.log.header, warn: front.output.err) }
        if piped {
            let bytes = ScriptSource.readAll(descriptor: 0) ?? []
            _ = ScriptRunner.run(
                lines: ScriptSource.lines(of: bytes), handler: session, strict: false, output: front.output,
                onRecord: { recorder?.record($0) })
        } else {
            _ = front.run(session, banner: nil) { recorder?.record($0) }
        }
        let allPassed = session.progress.steps.allSatisfy { $0.status == .passed || $0.status == .shown }
        return allPassed ? 0 : 1
    }

    static func check(target: String, languages: [Language]) -> Int32 {
        guard let lesson = load(target) else { return UsageError.exitCode }
        let (text, code) = LessonLauncher.check(lesson, languages: languages)
        FileDescriptorWriter.standardOutput.write(text)
        return code
    }

    /// The lesson `id` names (a number or a folder), or nil after saying which lessons exist.
    private static func load(_ id: String) -> Lesson? {
        switch LessonLauncher.resolve(id, catalog: LessonCatalog.locate()) {
        case .success(let found): return found
        case .failure(let error):
            FileDescriptorWriter.standardError.write(error.report)
            return nil
        }
    }
}
