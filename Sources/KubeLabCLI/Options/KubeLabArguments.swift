import ArgumentParser
import KubeLab
import PodShell
import Transcripts

/// kubelab's own command line, through swift-argument-parser (generated help, `--generate-completion-script`).
/// kubectl's flags inside the shell are parsed by kubectl's own rules, not here.
public enum KubeLabArguments {
    /// The command `arguments` (without the program name) ask for; a `CommandLineOutcome.exit`
    /// for help, version, completion scripts and mistakes, with the text and exit code to use.
    public static func parse(_ arguments: [String]) -> CommandLineOutcome {
        do {
            var command = try Kubelab.parseAsRoot(arguments)
            if let described = command as? CommandDescribing { return .run(try described.kubeLabCommand()) }
            try command.run()
            return .exit(text: "", toStandardError: false, code: 0)
        } catch {
            let code = Kubelab.exitCode(for: error)
            let text = Kubelab.fullMessage(for: error)
            let line = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
            if code == .success { return .exit(text: line, toStandardError: false, code: 0) }
            return .exit(text: line, toStandardError: true, code: UsageError.exitCode)
        }
    }
}

public enum CommandLineOutcome: Equatable {
    case run(KubeLabCommand)
    case exit(text: String, toStandardError: Bool, code: Int32)
}

/// A parsed subcommand that names what to do.
protocol CommandDescribing {
    func kubeLabCommand() throws -> KubeLabCommand
}

extension Language: ExpressibleByArgument {}
extension ReportRenderer.Format: ExpressibleByArgument {}

/// Options every session takes.
struct SessionOptions: ParsableArguments {
    @Option(help: "Seed of the simulated cluster; the same seed and input print the same output.")
    var seed: UInt64 = LabOptions.defaultSeed

    @Option(help: "Worker nodes in the cluster, \(LabOptions.nodeRange.lowerBound) to \(LabOptions.nodeRange.upperBound).")
    var nodes: Int = LabOptions.defaultNodes

    @Option(help: ArgumentHelp("Name the nodes, control plane first (master,node1,node2); sets --nodes.", valueName: "names"))
    var nodeNames: String?

    @Option(help: "Language of lesson texts and kubelab's messages: en, ko or ja.")
    var lang: Language = .english

    func validate() throws {
        guard LabOptions.nodeRange.contains(nodes) else {
            throw ValidationError("--nodes must be from \(LabOptions.nodeRange.lowerBound) to \(LabOptions.nodeRange.upperBound)")
        }
        if let names = nodeNames, let problem = LabOptions.problem(withNodeNames: Self.split(names)) {
            throw ValidationError("--node-names: " + problem)
        }
    }

    static func split(_ names: String) -> [String] { names.split(separator: ",").map(String.init) }

    func options(mode: Terminal.Mode) -> LabOptions {
        LabOptions(seed: seed, nodes: nodes, language: lang, mode: mode, nodeNames: nodeNames.map(Self.split) ?? [])
    }
}

struct Kubelab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubelab",
        abstract: "A Kubernetes StatefulSet learning shell with an offline, simulated \(KubeLabVersion.kubernetes) cluster.",
        discussion: """
            With no subcommand, starts the interactive sandbox. Exit codes: 0 success, 1 a command failed \
            in 'run --strict', a lesson was not passed, or a transcript failed grading, 2 a usage error.
            """,
        version: "kubelab \(KubeLabVersion.current) (simulating Kubernetes \(KubeLabVersion.kubernetes))",
        subcommands: [SandboxCommand.self, LessonCommandGroup.self, RunCommand.self, GradeCommand.self, ReplayCommand.self],
        defaultSubcommand: SandboxCommand.self)
}

/// `kubelab [options]`: the default subcommand, so the options belong to it and not to every command.
struct SandboxCommand: ParsableCommand, CommandDescribing {
    static let configuration = CommandConfiguration(
        commandName: "sandbox", abstract: "Start the interactive sandbox (what kubelab does with no subcommand).")

    @OptionGroup var session: SessionOptions

    @Option(help: ArgumentHelp("Record the session to this file (sessions are always recorded).", valueName: "file"))
    var record: String?

    func kubeLabCommand() throws -> KubeLabCommand {
        .sandbox(session.options(mode: .interactive), record: record)
    }
}

struct LessonCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "List the lessons, start or resume one, or check one.",
        subcommands: [LessonStartCommand.self, LessonCheckCommand.self],
        defaultSubcommand: LessonStartCommand.self)
}

struct LessonStartCommand: ParsableCommand, CommandDescribing {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start (or resume) lesson ID; with no ID, list the lessons and your progress.",
        discussion: "With standard input not a terminal, the lesson runs on the piped lines and exits 0 when every step passed.")

    @Argument(help: "The lesson's number (01) or folder name.")
    var id: String?

    @OptionGroup var session: SessionOptions

    @Flag(help: "Forget the saved progress and start the lesson from its first step.")
    var restart = false

    @Option(help: ArgumentHelp("Also record the session to this file.", valueName: "file"))
    var record: String?

    func kubeLabCommand() throws -> KubeLabCommand {
        let options = session.options(mode: .interactive)
        guard let id else { return .listLessons(options) }
        return .lesson(id: id, restart: restart, record: record, options: options)
    }
}

struct LessonCheckCommand: ParsableCommand, CommandDescribing {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a lesson: run its solution.sh through the engine and check its texts and references.")

    @Argument(help: "The lesson's number, or the path of a lesson folder.")
    var target: String

    @Option(help: "Check in this language only (default: en, ko and ja).")
    var lang: Language?

    func kubeLabCommand() throws -> KubeLabCommand {
        .checkLesson(target: target, languages: lang.map { [$0] } ?? Language.allCases)
    }
}

struct RunCommand: ParsableCommand, CommandDescribing {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the lines of a script (- for standard input) and print the transcript.")

    @Argument(help: "The script file, or - for standard input.")
    var script: String

    @OptionGroup var session: SessionOptions

    @Flag(help: "Exit 1 when a host command failed.")
    var strict = false

    func kubeLabCommand() throws -> KubeLabCommand {
        .run(script: script, strict: strict, options: session.options(mode: .script))
    }
}

struct GradeCommand: ParsableCommand, CommandDescribing {
    static let configuration = CommandConfiguration(
        commandName: "grade", abstract: "Grade students' transcripts of a lesson, or merge shard results.",
        discussion: "Exit status 0 when every transcript passed, 1 when one did not.")

    @Option(help: "The lesson the transcripts are of.")
    var lesson: String?

    @Option(help: "Report format: text, json, junit, csv, gradescope or html.")
    var format: ReportRenderer.Format = .text

    @Option(help: ArgumentHelp("Grade only the K-th of N slices of the inputs (by file name).", valueName: "K/N"))
    var shard: String?

    @Flag(help: "The files are results of 'grade --format json' (shards) to join into one report.")
    var merge = false

    @Argument(help: "Transcript files or folders (with --merge: result files).")
    var files: [String] = []

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("'grade' needs at least one transcript FILE") }
        if merge {
            guard shard == nil else { throw ValidationError("--shard and --merge do not go together") }
        } else {
            guard lesson != nil else { throw ValidationError("Missing expected argument '--lesson <lesson>'") }
        }
        if let shard, ClassGrader.Shard(shard) == nil {
            throw ValidationError("--shard must be K/N with 1 <= K <= N (got '\(shard)')")
        }
    }

    func kubeLabCommand() throws -> KubeLabCommand {
        .grade(lesson: lesson, format: format, files: files, shard: shard.flatMap(ClassGrader.Shard.init), merge: merge)
    }
}

struct ReplayCommand: ParsableCommand, CommandDescribing {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Re-run a transcript and show where its outputs differ.")

    @Argument(help: "The transcript file.")
    var file: String

    @Option(help: ArgumentHelp("Also write an asciinema v2 recording.", valueName: "out.cast"))
    var cast: String?

    func kubeLabCommand() throws -> KubeLabCommand { .replay(file: file, cast: cast) }
}
