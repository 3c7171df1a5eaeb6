/// The regular expressions of a lesson's checks, each compiled once per session: a step is
/// checked after every command, and compiling a pattern costs far more than matching it (grading
/// a class compiled the same few patterns tens of thousands of times). It holds only the lesson's
/// own patterns, so it stays as small as the lesson.
public final class CheckPatterns {
    struct Key: Hashable {
        let pattern: String
        /// `^` and `$` match at each line (output checks) rather than only at the ends (typed lines).
        let anchorsMatchLineEndings: Bool
    }

    /// A pattern that does not compile is remembered as nil, so it is not tried again either.
    private var compiled: [Key: Regex<AnyRegexOutput>?] = [:]

    public init() {}

    func regex(_ pattern: String, anchorsMatchLineEndings: Bool = false) -> Regex<AnyRegexOutput>? {
        let key = Key(pattern: pattern, anchorsMatchLineEndings: anchorsMatchLineEndings)
        if let known = compiled[key] { return known }
        var regex = try? Regex(pattern)
        if anchorsMatchLineEndings { regex = regex?.anchorsMatchLineEndings() }
        compiled[key] = regex
        return regex
    }
}
