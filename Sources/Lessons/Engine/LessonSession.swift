import KubeLab
import PodShell

/// A lesson running in a session: after every input the current step is checked, lesson words
/// (`hint`, `skip`, `undo`, ...) are answered, and every input is kept in the session's log, from
/// which resume, `undo` and grading rebuild the same state. It prints nothing: what it has to say
/// goes to `onEvents` (worded by `LessonMessages`) and every input to `onRecord`.
public final class LessonSession: SessionInputHandler {
    public let lesson: Lesson
    public private(set) var language: Language
    public private(set) var progress: LessonProgress
    /// The session's cluster and shell: the lesson's starting cluster until inputs change it.
    public var lab: Lab { ensureBuilt().lab }
    /// Feeds inputs to `lab`'s terminal.
    public var driver: SessionDriver { ensureBuilt().driver }
    /// Built when first needed: a session that is replayed straight away (grading, resume) builds
    /// its starting cluster once, for the replay, instead of once here and again there.
    private var built: (lab: Lab, driver: SessionDriver)?
    /// How many starting clusters the session has built (tests hold grading to one per transcript).
    private(set) var startsBuilt = 0
    /// The inputs so far, with their time marks: the lesson's transcript.
    public private(set) var log: SessionLog
    /// What the learner did during the current step.
    private var window = StepWindow()
    /// State queries' outputs while the cluster stands still (one per cluster: rebuilt with it).
    private var queryCache = StateQueryCache()
    /// The checks' compiled patterns (the lesson's, so they outlive a rebuilt cluster).
    private let patterns: CheckPatterns
    /// Given every event the engine raises (muted while the log is replayed).
    public var onEvents: ([LessonEvent]) -> Void = { _ in }
    /// Given every input appended to the log.
    public var onRecord: (CommandRecord) -> Void = { _ in }
    /// Called when the log was rewritten as a whole (`reset`, `undo`).
    public var onLogRewritten: (SessionLog) -> Void = { _ in }
    private var muted = false
    private let mode: Terminal.Mode
    private let out: (String) -> Void
    private let err: (String) -> Void

    struct StepWindow {
        var typedLines: [String] = []
        var lastOutput: String?
        var answer: String?
    }

    /// A fresh start of `lesson`. `out` and `err` receive what the session's commands print.
    /// Sessions of one lesson on one thread may share `patterns` (a grader's worker does).
    public init(
        lesson: Lesson, language: Language, mode: Terminal.Mode, started: String = "",
        patterns: CheckPatterns = CheckPatterns(),
        out: @escaping (String) -> Void, err: @escaping (String) -> Void
    ) {
        self.lesson = lesson
        self.patterns = patterns
        self.language = language
        self.mode = mode
        self.out = out
        self.err = err
        var header = SessionHeader(
            lesson: lesson.id, seed: lesson.start.seed, nodes: lesson.start.nodes, language: language, mode: mode,
            started: started)
        header.nodeNames = lesson.start.nodeNames
        log = SessionLog(header: header)
        progress = LessonProgress(stepCount: lesson.steps.count)
    }

    /// The current cluster and driver, the lesson's starting ones if none was needed before.
    private func ensureBuilt() -> (lab: Lab, driver: SessionDriver) {
        if let built { return built }
        let fresh = Self.makeSession(lesson: lesson, header: log.header, out: out, err: err)
        built = fresh
        startsBuilt += 1
        return fresh
    }

    /// Builds the lesson's starting cluster: the lesson's files in the working directory, then its
    /// setup lines, unseen.
    static func makeSession(
        lesson: Lesson, header: SessionHeader, out: @escaping (String) -> Void, err: @escaping (String) -> Void
    ) -> (Lab, SessionDriver) {
        var files: [String: String] = [:]
        for (path, bytes) in lesson.files { files[path] = String(decoding: bytes, as: UTF8.self) }
        let lab = Lab(options: header.options, workingDirectory: WorkingDirectoryFiles.inMemory(files))
        let setupDriver = SessionDriver(session: lab, out: { _ in }, err: { _ in })
        for line in lesson.start.setup { setupDriver.handle(.line(line)) }
        return (lab, SessionDriver(session: lab, out: out, err: err))
    }

    public var currentStep: LessonStep? { progress.isComplete ? nil : lesson.steps[progress.current] }

    /// `[01 3/9] $ ` at the host prompt; a container's or client's prompt stays as it is.
    public var displayPrompt: String {
        guard driver.depth == 1 else { return driver.prompt }
        let position = progress.isComplete ? "done" : "\(progress.current + 1)/\(lesson.steps.count)"
        return "[\(lesson.id) \(position)] " + driver.prompt
    }

    /// Shows the lesson's introduction and first step.
    public func begin() {
        emit([.introduced(resumedAtStep: nil), .stepStarted(index: progress.current)])
    }

    public func handle(_ input: CommandRecord.Input) -> CommandRecord {
        if case .line(let line) = input, driver.depth == 1, let parsed = LessonCommand.parse(line) {
            let record = CommandRecord(
                input: input, prompt: driver.prompt, depth: 1, exitStatus: lab.lastExitCode,
                startMillis: lab.clockMillis, endMillis: lab.clockMillis)
            // Records are kept after they took effect, so the progress note beside each is current.
            switch parsed {
            case .success(let command):
                perform(command)
                // reset and undo rebuild the log themselves; every other word is kept in it.
                if command != .reset && command != .undo { append(record) }
            case .failure(let mistake):
                emit([.usage(mistake.word)])
                append(record)
            }
            return record
        }
        let record = driver.handle(input)
        // Leaving the host shell (Ctrl-D or `exit`) ends this sitting, not the lesson: it is not
        // kept, so a resumed lesson does not end again as it starts.
        guard !driver.isFinished else { return record }
        if let line = record.line { window.typedLines.append(line) }
        if case .line = input { window.lastOutput = record.output }
        checkCurrentStep(explicit: false)
        append(record)
        return record
    }

    /// Tab completion: the lesson words at the start of a host line, then the session's own.
    public func complete(line: String, cursor: Int) -> [String] {
        var candidates = lab.complete(line: line, cursor: cursor)
        let prefix = String(line.prefix(cursor))
        if driver.depth == 1, !prefix.contains(" ") {
            candidates = LessonCommand.words.filter { $0.hasPrefix(prefix) } + candidates
        }
        return candidates
    }

    // MARK: Lesson words

    func perform(_ command: LessonCommand) {
        switch command {
        case .lesson:
            emit(progress.isComplete ? [.lessonFinished] : [.stepStarted(index: progress.current)])
        case .progress:
            emit([.progress])
        case .check:
            checkCurrentStep(explicit: true)
        case .hint:
            guard let step = currentStep else { return emit([.lessonFinished]) }
            let used = progress.steps[progress.current].hintsUsed
            guard used < step.hints.count else { return emit([.noMoreHints(index: progress.current)]) }
            progress.steps[progress.current].hintsUsed += 1
            emit([.hint(index: progress.current, number: used + 1, total: step.hints.count)] + clusterWaits)
        case .skip:
            guard currentStep != nil else { return emit([.lessonFinished]) }
            progress.steps[progress.current].status = .skipped
            let index = progress.current
            advance(after: [.skipped(index: index)])
        case .solution:
            guard let step = currentStep else { return emit([.lessonFinished]) }
            progress.steps[progress.current].solutionShown = true
            emit([.solution(index: progress.current, lines: lesson.solution.lines(forStep: step.id))])
        case .answer(let text):
            guard let step = currentStep, step.question != nil else { return emit([.answerWithoutQuestion]) }
            guard !text.isEmpty else { return emit([.answerNeedsText]) }
            window.answer = text
            if !checkCurrentStep(explicit: false) { emit([.wrongAnswer(text)]) }
        case .lang(let code):
            guard let code, let chosen = Language(rawValue: code) else { return emit([.unknownLanguage(code ?? "")]) }
            language = chosen
            emit([.languageChanged(chosen)])
        case .reset:
            rebuild(from: [])
            onLogRewritten(log)
            emit([.reset, .stepStarted(index: progress.current)])
        case .undo:
            guard let last = log.records.lastIndex(where: { record in
                guard let line = record.line else { return false }
                return record.depth != 1 || LessonCommand.parse(line) == nil
            }) else { return emit([.nothingToUndo]) }
            let line = log.records[last].line ?? ""
            var kept = log.records
            kept.remove(at: last)
            rebuild(from: kept)
            onLogRewritten(log)
            emit([.undone(line: line)] + (progress.isComplete ? [] : [.stepStarted(index: progress.current)]))
        }
    }

    // MARK: Checking

    /// What the current step's check finds now, without acting on it (grade reports say why a
    /// step did not pass).
    public func currentCheckOutcome() -> CheckOutcome {
        guard let step = currentStep else { return .pass }
        return CheckEvaluator.evaluate(step.check, in: CheckContext(
            lab: lab, typedLines: window.typedLines, lastOutput: window.lastOutput, answer: window.answer, cache: queryCache,
            patterns: patterns))
    }

    /// Checks the current step; on a pass, confirms it and moves on. Returns whether it passed.
    @discardableResult
    func checkCurrentStep(explicit: Bool) -> Bool {
        guard let step = currentStep else {
            if explicit { emit([.lessonFinished]) }
            return false
        }
        let context = CheckContext(
            lab: lab, typedLines: window.typedLines, lastOutput: window.lastOutput, answer: window.answer, cache: queryCache,
            patterns: patterns)
        let outcome = CheckEvaluator.evaluate(step.check, in: context)
        guard outcome.passed else {
            if explicit { emit([.notYet(index: progress.current, reason: outcome.reason)] + clusterWaits) }
            return false
        }
        let index = progress.current
        progress.steps[index].status = progress.steps[index].solutionShown ? .shown : .passed
        let points = progress.steps[index].points(of: step, scoring: lesson.scoring)
        advance(after: [.stepPassed(index: index, points: points)])
        return true
    }

    /// Why controllers wait right now, as one event (none when nothing waits); at most five reasons.
    private var clusterWaits: [LessonEvent] {
        let reasons = lab.cluster.waitReasons.all.prefix(5)
        return reasons.isEmpty ? [] : [.clusterWaits(Array(reasons))]
    }

    private func advance(after events: [LessonEvent]) {
        progress.current += 1
        window = StepWindow()
        if progress.isComplete {
            emit(events + [.lessonComplete(points: progress.points(in: lesson), maximum: lesson.maximumPoints)])
        } else {
            emit(events + [.stepStarted(index: progress.current)])
        }
    }

    // MARK: The log

    private func append(_ record: CommandRecord) {
        log.records.append(record)
        onRecord(record)
    }

    /// Starts over on a fresh cluster and replays `records` through the engine, silently: the
    /// deterministic simulation brings back the same objects, files and step states.
    public func rebuild(from records: [CommandRecord]) {
        replay(records) { _, _ in true }
    }

    /// Starts over on a fresh cluster and replays `records` silently, telling `onEach` every
    /// recorded input with what it did now (grading compares the two); `onEach` returning false
    /// stops the replay there. Nothing interrupts it: the cluster it builds has a terminal of its own.
    public func replay(_ records: [CommandRecord], onEach: (_ recorded: CommandRecord, _ replayed: CommandRecord) -> Bool) {
        log.records = []
        progress = LessonProgress(stepCount: lesson.steps.count)
        window = StepWindow()
        // Never a cluster anyone has seen: the one built here, for the replay.
        let (lab, silentDriver) = Self.makeSession(lesson: lesson, header: log.header, out: { _ in }, err: { _ in })
        built = (lab, silentDriver)
        startsBuilt += 1
        queryCache = StateQueryCache()
        let savedRecord = onRecord
        onRecord = { _ in }
        muted = true
        for record in records {
            let replayed = RecordReplay.replay(record, on: self)
            if !onEach(record, replayed) { break }
        }
        muted = false
        onRecord = savedRecord
        // From here on the learner sees what the commands print again.
        built = (lab, SessionDriver(session: lab, out: out, err: err))
    }

    /// Resumes from a log read back from disk: replays it, then says where the learner is.
    public func resume(from records: [CommandRecord]) {
        rebuild(from: records)
        emit([.introduced(resumedAtStep: progress.current)] + (progress.isComplete ? [.lessonFinished] : [.stepStarted(index: progress.current)]))
    }

    private func emit(_ events: [LessonEvent]) {
        guard !muted, !events.isEmpty else { return }
        onEvents(events)
    }
}
