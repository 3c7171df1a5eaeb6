/// A compiled POSIX basic/extended regular expression, shared by `grep`, `sed`, `awk`, `expr` and
/// `[[ =~ ]]`. kubelab matches with its own engine instead of Swift's backtracking `Regex` so that
/// a hostile pattern in a replayed transcript cannot hang the process: patterns without
/// back-references run on a Pike VM (time linear in the text), patterns with them on a
/// backtracker with a step budget. Matches are POSIX leftmost-longest.
struct PosixRegex {
    enum Flavor { case basic, extended, fixed }

    /// Why a pattern does not compile, in glibc's regcomp words (what GNU grep and sed print).
    enum CompileError: Error, Equatable {
        case unmatchedParenthesis, unmatchedBracket, invalidInterval, tooBig, trailingBackslash
        case invalidBackReference, invalidClass, invalidCollation, invalidRangeEnd
        /// REG_BADPAT: glibc's answer when a bracket opens at the very end (`[`, `a[^`).
        case invalidPattern

        var message: String {
            switch self {
            case .unmatchedParenthesis: return "Unmatched ( or \\("
            case .unmatchedBracket: return "Unmatched [, [^, [:, [., or [="
            case .invalidInterval: return "Invalid content of \\{\\}"
            case .tooBig: return "Regular expression too big"
            case .trailingBackslash: return "Trailing backslash"
            case .invalidBackReference: return "Invalid back reference"
            case .invalidClass: return "Invalid character class name"
            case .invalidCollation: return "Invalid collation character"
            case .invalidRangeEnd: return "Invalid range end"
            case .invalidPattern: return "Invalid regular expression"
            }
        }

        /// musl's regerror words, which busybox applets on Alpine and in the busybox image print
        /// after `bad regex 'PATTERN': `.
        var muslMessage: String {
            switch self {
            case .unmatchedParenthesis: return "Missing ')'"
            case .unmatchedBracket, .invalidPattern: return "Missing ']'"
            case .invalidInterval: return "Invalid contents of {}"
            case .tooBig: return "Out of memory"
            case .trailingBackslash: return "Trailing backslash"
            case .invalidBackReference: return "Invalid back reference"
            case .invalidClass: return "Unknown character class name"
            case .invalidCollation: return "Unknown collating element"
            case .invalidRangeEnd: return "Invalid character range"
            }
        }
    }

    /// A pattern used up its step budget; the command must fail, not guess.
    struct StepLimitExceeded: Error {
        var backReferences: Bool

        var message: String {
            backReferences
                ? "stopped at the regex step limit (\(BoundedBacktracker.maxSteps) steps for a pattern with back-references)"
                : "stopped at the regex step limit (\(StepBudget.maxPikeSteps) steps per pattern)"
        }
    }

    /// One match: the whole range and each group's range (nil when the group did not take part).
    struct Match {
        let range: Range<String.Index>
        /// Index 0 is the whole match, 1… the groups.
        let groups: [Range<String.Index>?]
    }

    let program: RegexProgram
    /// Number of capture groups (`\(…\)` or `(…)`).
    let groupCount: Int
    private let budget: StepBudget
    private let memory = PikeVMMemory()

    /// Compiles a pattern; nil when it is not valid.
    static func compile(_ pattern: String, flavor: Flavor, ignoreCase: Bool = false, wholeWord: Bool = false, wholeLine: Bool = false) -> PosixRegex? {
        try? parse(pattern, flavor: flavor, ignoreCase: ignoreCase, wholeWord: wholeWord, wholeLine: wholeLine)
    }

    /// Compiles a pattern or says why not.
    static func parse(_ pattern: String, flavor: Flavor, ignoreCase: Bool = false, wholeWord: Bool = false, wholeLine: Bool = false) throws(CompileError) -> PosixRegex {
        var node: RegexNode
        var groups = 0
        if flavor == .fixed {
            node = .concatenation(pattern.map { .literal($0) })
        } else {
            (node, groups) = try PosixRegexParser.parse(pattern, extended: flavor == .extended)
        }
        if wholeWord { node = .concatenation([.assertion(.notAfterWord), node, .assertion(.notBeforeWord)]) }
        if wholeLine { node = .concatenation([.assertion(.textStart), node, .assertion(.textEnd)]) }
        let program = try RegexProgram.compile(node, groups: groups, ignoreCase: ignoreCase)
        return PosixRegex(program: program, groupCount: groups, budget: StepBudget(backReferences: program.usesBackReferences))
    }

    /// The same pattern with a budget of its own: tests reach the limit without minutes of work.
    func withStepBudget(_ steps: Int) -> PosixRegex {
        let budget = StepBudget(backReferences: program.usesBackReferences)
        budget.remaining = steps
        return PosixRegex(program: program, groupCount: groupCount, budget: budget)
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) throws(StepLimitExceeded) -> Bool { try matches(text[...]) }
    func firstMatch(in text: String) throws(StepLimitExceeded) -> Match? { try firstMatch(in: text[...]) }
    func allMatches(in text: String) throws(StepLimitExceeded) -> [Match] { try allMatches(in: text[...]) }

    /// Whether the pattern matches anywhere in `text` (a line is its own text: `^` is its start).
    func matches(_ text: Substring) throws(StepLimitExceeded) -> Bool {
        try slots(text, from: text.startIndex, earliest: true) != nil
    }

    /// The leftmost-longest match at or after `from`.
    func firstMatch(in text: Substring, from: String.Index? = nil) throws(StepLimitExceeded) -> Match? {
        guard let s = try slots(text, from: from ?? text.startIndex, earliest: false) else { return nil }
        let groups: [Range<String.Index>?] = (0...groupCount).map { k in
            guard let lo = s[2 * k], let hi = s[2 * k + 1], lo <= hi else { return nil }
            return lo..<hi
        }
        return Match(range: groups[0]!, groups: groups)
    }

    /// Every match from left to right, as GNU sed's `s///g` and awk's `gsub` find them: the search
    /// resumes where a match ended, and an empty match right after a match does not count.
    func allMatches(in text: Substring) throws(StepLimitExceeded) -> [Match] {
        var found: [Match] = []
        var pos = text.startIndex
        var lastEnd: String.Index?
        while let m = try firstMatch(in: text, from: pos) {
            if m.range.isEmpty && m.range.lowerBound == lastEnd {
                guard m.range.lowerBound < text.endIndex else { break }
                pos = text.index(after: m.range.lowerBound)
                continue
            }
            found.append(m)
            lastEnd = m.range.upperBound
            if m.range.isEmpty {
                guard m.range.upperBound < text.endIndex else { break }
                pos = text.index(after: m.range.upperBound)
            } else {
                pos = m.range.upperBound
            }
        }
        return found
    }

    private func slots(_ text: Substring, from: String.Index, earliest: Bool) throws(StepLimitExceeded) -> [String.Index?]? {
        if let literal = program.literal {
            switch program.asciiLiteral?.firstRange(in: text[from...]) {
            case .found(let range): return [range.lowerBound, range.upperBound]
            case .absent: return nil
            case .unknown, nil: break
            }
            guard let found = text[from...].firstRange(of: literal) else { return nil }
            return [found.lowerBound, found.upperBound]
        }
        if program.usesBackReferences {
            return try BoundedBacktracker(program: program, budget: budget).search(text, from: from)
        }
        return try PikeVM(program: program, memory: memory, budget: budget).search(text, from: from, earliest: earliest)
    }
}

extension PosixRegex.Match {
    /// The text of group `k` (0: the whole match), nil when it did not take part.
    func group<Text: StringProtocol>(_ k: Int, in text: Text) -> Text.SubSequence? {
        k < groups.count ? groups[k].map { text[$0] } : nil
    }
}
