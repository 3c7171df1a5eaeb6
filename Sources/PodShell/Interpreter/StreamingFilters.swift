/// Line filters at the end of a pipeline that may run chunk by chunk, so `kubectl get pods -w | grep web`
/// shows each matching line when the watch prints it instead of when the watch ends.
///
/// Pipeline stages otherwise run one after another on buffered text. A filter qualifies when running
/// it once per chunk of whole lines prints exactly what one run over all lines would: `grep` without
/// options that count, number, stop early or look at neighbouring lines, and with literal words (no
/// expansions that could differ between runs).
enum StreamingFilters {
    /// Short grep options whose output depends on other lines (`-c -m -n -A -B -C -q -l -L`), that read
    /// NUL-separated data (`-z`) or recurse (`-r -R`), and `-h/-H/-s` whose effect needs files.
    private static let statefulShortOptions = Set("cmnABCqlLzrRhHs")
    private static let statelessLongOptions: Set<String> = [
        "--ignore-case", "--invert-match", "--extended-regexp", "--fixed-strings", "--word-regexp", "--line-regexp",
        "--only-matching", "--basic-regexp", "--color", "--colour", "--color=auto", "--colour=auto", "--color=never",
        "--colour=never", "--color=always", "--colour=always",
    ]

    /// Whether `node` is a filter of that kind.
    static func isStateless(_ node: ShellCommandNode) -> Bool {
        guard case .simple(let cmd) = node, cmd.assignments.isEmpty, cmd.redirections.isEmpty,
            let name = cmd.words.first?.plainText, ["grep", "egrep", "fgrep"].contains(name)
        else { return false }
        var arguments: [String] = []
        for word in cmd.words.dropFirst() {
            var text = ""
            for part in word.parts {
                guard case .literal(let literal, _) = part else { return false }
                text += literal
            }
            arguments.append(text)
        }
        var patternGiven = false
        var optionsEnded = false
        var operands = 0
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                operands += 1
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if argument.hasPrefix("--") {
                guard statelessLongOptions.contains(argument) else { return false }
                continue
            }
            for (offset, option) in argument.dropFirst().enumerated() {
                if statefulShortOptions.contains(option) { return false }
                if option == "e" || option == "f" {
                    // The rest of the word, or the next word, is the pattern (or pattern file).
                    if offset == argument.count - 2 { index += 1 }
                    patternGiven = true
                    break
                }
            }
        }
        // Files to read (beyond stdin) would be read again for every chunk.
        return patternGiven ? operands == 0 : operands == 1
    }

    /// How many trailing stages of a pipeline can stream; at least one stage stays a producer.
    static func trailingCount(_ stages: [ShellCommandNode]) -> Int {
        var count = 0
        for stage in stages.dropFirst().reversed() {
            guard isStateless(stage) else { break }
            count += 1
        }
        return count
    }
}

extension ShellInterpreter {
    /// Runs the filters over each chunk of whole lines as it is written; the status is grep's over
    /// the whole input: 0 when some chunk had a match.
    final class FilterChain {
        private let interpreter: ShellInterpreter
        private let filters: ArraySlice<ShellCommandNode>
        private let environment: ShellEnvironment
        private let io: IO
        private var pending = ""
        private(set) var matched = false
        private(set) var aborted = false

        init(_ interpreter: ShellInterpreter, filters: ArraySlice<ShellCommandNode>, environment: ShellEnvironment, io: IO) {
            self.interpreter = interpreter
            self.filters = filters
            self.environment = environment
            self.io = io
        }

        /// Takes producer output; runs the filters once a line is complete.
        func feed(_ text: String) {
            pending += text
            guard let lastNewline = pending.lastIndex(of: "\n") else { return }
            let chunk = String(pending[...lastNewline])
            pending = String(pending[pending.index(after: lastNewline)...])
            run(chunk)
        }

        /// Runs what is left after the producer ended (a last line without newline).
        func finish() {
            if !pending.isEmpty { run(pending) }
            pending = ""
        }

        private func run(_ chunk: String) {
            if aborted { return }
            var input = chunk
            for (i, filter) in filters.enumerated() {
                let isLast = i == filters.count - 1
                let out = isLast ? io.stdout
                    : ShellOutput(forward: nil, budget: OutputBudget(limit: environment.limits.maxOutputBytes), isTerminal: false)
                let child = environment.makeChild()
                let flow = interpreter.exec(filter, child, IO(stdin: ShellInput(input), stdout: out, stderr: io.stderr))
                if flow == .abort || interpreter.shouldAbort(environment) { aborted = true; return }
                if isLast { matched = matched || child.lastStatus == 0 } else { input = out.take() }
            }
        }
    }

    /// Runs each filter once on empty input with its output thrown away: an option or pattern it
    /// rejects must be reported once, by the ordinary path, not once per chunk.
    func filtersAcceptEmptyInput(_ filters: ArraySlice<ShellCommandNode>, _ env: ShellEnvironment) -> Bool {
        for filter in filters {
            let scratch = { ShellOutput(forward: nil, budget: OutputBudget(limit: 1 << 16), isTerminal: false) }
            let errors = scratch()
            let child = env.makeChild()
            _ = exec(filter, child, IO(stdin: ShellInput(""), stdout: scratch(), stderr: errors))
            if child.lastStatus > 1 || !errors.buffer.isEmpty { return false }
        }
        return true
    }
}
