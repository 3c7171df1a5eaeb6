import Foundation
import KubeLab
import Lessons
import PodShell

/// `kubelab lesson ...`: the listing, a lesson in the shell (resumed from its saved log), and
/// `lesson check`. The executable supplies the line reader; everything else is decided here.
public enum LessonLauncher {
    /// `kubelab lesson`: each lesson's ID, title and steps done.
    public static func listing(catalog: LessonCatalog, store: ProgressStore, language: Language) -> (text: String, errors: String) {
        var rows: [[String]] = [["ID", "TITLE", "DONE"]]
        var errors = ""
        var notes: [String] = []
        for folder in catalog.folders {
            do {
                let lesson = try LessonLoader.load(folder: folder)
                var done = 0
                if let saved = try? store.load(lesson: lesson.id), let note = saved.lastNote {
                    done = LessonProgress.finishedCount(fromNote: note) ?? 0
                }
                rows.append([lesson.id, lesson.title(language), "\(done)/\(lesson.steps.count)"])
                if let coverage = lesson.coverage { notes.append("\(lesson.id): \(coverage(language).trimmingNewlines)") }
            } catch {
                errors += "kubelab: \(error)\n"
            }
        }
        let widths = (0..<3).map { column in rows.map { $0[column].displayWidth }.max() ?? 0 }
        var text = ""
        for row in rows {
            text += row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.displayWidth + 3)
            }.joined() + "\n"
        }
        if !notes.isEmpty { text += "\n" + notes.map { $0 + "\n" }.joined() }
        return (text, errors)
    }

    /// Finds a lesson by ID, or says which exist.
    public static func resolve(_ id: String, catalog: LessonCatalog?) -> Result<Lesson, UsageError> {
        let folder: String
        if id.contains("/") {
            folder = id
        } else if let catalog, let found = catalog.folder(for: id) {
            folder = found
        } else {
            let known = catalog?.ids.joined(separator: ", ") ?? "none (no lessons folder found)"
            return .failure(UsageError("unknown lesson '\(id.sanitizedForMessage)'; the lessons are: \(known)"))
        }
        do {
            return .success(try LessonLoader.load(folder: folder))
        } catch {
            return .failure(UsageError("\(error)"))
        }
    }

    /// Opens the lesson's session, resuming from the saved log unless `restart`. Returns the
    /// session and a warning when the saved log could not be used.
    public static func open(
        _ lesson: Lesson, options: LabOptions, restart: Bool, store: ProgressStore,
        output: OutputChannel, presenter: LessonPresenter, started: String
    ) -> LessonSession {
        if restart { store.remove(lesson: lesson.id) }
        let session = LessonSession(
            lesson: lesson, language: options.language, mode: options.mode, started: started,
            out: output.out, err: output.err)
        // A command whose output has no final newline must not have the lesson's words glued on.
        session.onEvents = { [unowned session] events in
            output.finishLine()
            output.out(presenter.text(for: events, in: session))
        }
        var saved: SessionLogParser.Result?
        do {
            saved = try store.load(lesson: lesson.id)
        } catch {
            output.err("kubelab: the saved progress of lesson \(lesson.id) cannot be read (\(error)); starting again\n")
        }
        if let saved, saved.log.header.lesson == lesson.id, !saved.log.records.isEmpty {
            session.resume(from: saved.log.records)
        } else {
            session.begin()
        }
        // The file holds exactly the log from here on: every later input is appended.
        store.save(session.log, lesson: lesson.id, note: session.progress.note(in: lesson))
        session.onRecord = { [unowned session] record in
            store.append(record, note: session.progress.note(in: lesson), lesson: lesson.id)
        }
        session.onLogRewritten = { [unowned session] log in
            store.save(log, lesson: lesson.id, note: session.progress.note(in: lesson))
        }
        return session
    }

    /// `kubelab lesson check`: runs the validator in each language; the report and exit code.
    public static func check(_ lesson: Lesson, languages: [Language]) -> (text: String, code: Int32) {
        var text = ""
        var failed = false
        for language in languages {
            let report = LessonValidator.validate(lesson, language: language)
            if report.passed {
                text += "lesson \(lesson.id) (\(language.rawValue)): \(lesson.steps.count) steps pass, \(report.points)/\(report.maximum) points\n"
            } else {
                failed = true
                text += "lesson \(lesson.id) (\(language.rawValue)): \(report.problems.count) problem(s)\n"
                for problem in report.problems { text += "  \(problem)\n" }
            }
        }
        return (text, failed ? 1 : 0)
    }
}

extension String {
    var trimmingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }

    /// Columns on a terminal: East Asian wide characters take two.
    var displayWidth: Int {
        unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    /// A user's word in kubelab's messages: control characters cannot reach the terminal, and an
    /// absurdly long one is shortened.
    var sanitizedForMessage: String {
        let clean = TerminalSafeText.make(self)
        return clean.count > 200 ? String(clean.prefix(200)) + "..." : clean
    }
}
