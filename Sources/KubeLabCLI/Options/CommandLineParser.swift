import KubeLab
/// Turns `kubelab`'s arguments into a `KubeLabCommand`, hand-written so that every message and
/// exit code is ours (see `UsageText` for the grammar).
///
/// Options may come before or after the subcommand; `--name value` and `--name=value` are the same;
/// a later repeat of an option wins; `--` ends the options and `-` alone is an ordinary argument.
public enum CommandLineParser {
    /// Arguments without the program name (`CommandLine.arguments.dropFirst()`).
    public static func parse(_ arguments: [String]) throws(UsageError) -> KubeLabCommand {
        var scan = Scan()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                try scan.addPositional(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "-h" || argument == "--help" { return .help }
            if argument == "--version" { return .version }
            guard argument.hasPrefix("--"), let option = Option(rawValue: optionName(argument)) else {
                throw UsageError("unknown option '\(displayed(argument))'")
            }
            if !option.takesValue {
                if argument.contains("=") { throw UsageError("option '\(option.rawValue)' does not take a value") }
                scan.flags.insert(option)
                continue
            }
            let value: String
            if let equals = argument.firstIndex(of: "=") {
                value = String(argument[argument.index(after: equals)...])
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError("option '\(option.rawValue)' needs a value")
            }
            scan.values[option] = value
        }
        return try scan.command()
    }

    /// The `--name` part of `--name=value`.
    private static func optionName(_ argument: String) -> String {
        guard let equals = argument.firstIndex(of: "=") else { return argument }
        return String(argument[..<equals])
    }

    /// Keeps an absurdly long argument from flooding the terminal in an error message.
    static func displayed(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(60)) + "..." : text
    }
}

/// The options kubelab knows, spelled as on the command line.
private enum Option: String, CaseIterable {
    case seed = "--seed"
    case nodes = "--nodes"
    case lang = "--lang"
    case strict = "--strict"
    case lesson = "--lesson"
    case format = "--format"

    var takesValue: Bool { self != .strict }

    /// The subcommand this option belongs to, or nil when every subcommand accepts it.
    var onlyFor: Subcommand? {
        switch self {
        case .seed, .nodes, .lang: nil
        case .strict: .run
        case .lesson, .format: .grade
        }
    }
}

private enum Subcommand: String {
    case lesson, run, grade, replay
}

/// What the arguments said so far, before it is checked as a whole.
private struct Scan {
    var subcommand: Subcommand?
    var positionals: [String] = []
    var values: [Option: String] = [:]
    var flags: Set<Option> = []

    mutating func addPositional(_ argument: String) throws(UsageError) {
        if subcommand == nil {
            guard let named = Subcommand(rawValue: argument) else {
                throw UsageError("unknown command '\(CommandLineParser.displayed(argument))'")
            }
            subcommand = named
        } else {
            positionals.append(argument)
        }
    }

    func command() throws(UsageError) -> KubeLabCommand {
        // Report misplaced options in a fixed order, whatever order they were typed in.
        for option in Option.allCases where values[option] != nil || flags.contains(option) {
            if let owner = option.onlyFor, owner != subcommand {
                throw UsageError("option '\(option.rawValue)' only applies to 'kubelab \(owner.rawValue)'")
            }
        }
        var options = try labOptions()
        switch subcommand {
        case nil:
            return .sandbox(options)
        case .lesson:
            try expectAtMost(1, "'lesson' takes at most one lesson ID")
            return .lesson(id: positionals.first, options: options)
        case .run:
            guard let script = positionals.first else {
                throw UsageError("'run' needs a SCRIPT (a file, or - for standard input)")
            }
            try expectAtMost(1, nil)
            options.mode = .script
            return .run(script: script, strict: flags.contains(.strict), options: options)
        case .grade:
            guard let lesson = values[.lesson] else { throw UsageError("'grade' needs --lesson ID") }
            guard !lesson.isEmpty else { throw UsageError("option '--lesson' needs a value") }
            guard !positionals.isEmpty else { throw UsageError("'grade' needs at least one transcript FILE") }
            var format = ReportFormat.text
            if let raw = values[.format] {
                guard let parsed = ReportFormat(rawValue: raw) else {
                    throw UsageError(
                        "invalid value '\(CommandLineParser.displayed(raw))' for '--format': expected one of "
                            + ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))
                }
                format = parsed
            }
            options.mode = .script
            return .grade(lesson: lesson, format: format, files: positionals, options: options)
        case .replay:
            guard let file = positionals.first else { throw UsageError("'replay' needs a transcript FILE") }
            try expectAtMost(1, nil)
            options.mode = .script
            return .replay(file: file, options: options)
        }
    }

    private func expectAtMost(_ count: Int, _ message: String?) throws(UsageError) {
        guard positionals.count > count else { return }
        throw UsageError(message ?? "unexpected argument '\(CommandLineParser.displayed(positionals[count]))'")
    }

    private func labOptions() throws(UsageError) -> LabOptions {
        var options = LabOptions()
        if let raw = values[.seed] {
            options.seed = try number(raw, for: .seed, in: 0...UInt64.max)
        }
        if let raw = values[.nodes] {
            let range = UInt64(LabOptions.nodeRange.lowerBound)...UInt64(LabOptions.nodeRange.upperBound)
            options.nodes = Int(try number(raw, for: .nodes, in: range))
        }
        if let raw = values[.lang] {
            guard let language = Language(rawValue: raw) else {
                throw UsageError(
                    "invalid value '\(CommandLineParser.displayed(raw))' for '--lang': expected one of "
                        + Language.allCases.map(\.rawValue).joined(separator: ", "))
            }
            options.language = language
        }
        return options
    }

    /// Plain decimal digits only: no sign, no spaces, no hex, nothing that overflows.
    private func number(_ raw: String, for option: Option, in range: ClosedRange<UInt64>) throws(UsageError) -> UInt64 {
        let isDigits = !raw.isEmpty && raw.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard isDigits, let value = UInt64(raw), range.contains(value) else {
            throw UsageError(
                "invalid value '\(CommandLineParser.displayed(raw))' for '\(option.rawValue)': "
                    + "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
