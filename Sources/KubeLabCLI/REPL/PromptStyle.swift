/// Colour for the prompt, the only coloured text kubelab prints: commands' output must stay
/// byte-for-byte what kubectl prints.
public struct PromptStyle: Equatable, Sendable {
    /// libedit's marker (EL_PROMPT_ESC) around escape sequences, so they take no width on screen.
    public static let literalMarker = "\u{1}"

    public var usesColor: Bool

    public init(usesColor: Bool) { self.usesColor = usesColor }

    /// Colour only on a terminal, never under `NO_COLOR` (any non-empty value) or `TERM=dumb`.
    public static func detect(environment: [String: String], outputIsTerminal: Bool) -> PromptStyle {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return PromptStyle(usesColor: outputIsTerminal && !noColor && !dumb)
    }

    /// The prompt for libedit: green on the host, cyan inside a container or client, so the
    /// learner sees at a glance where the next line goes. `depth` is the number of open programs.
    /// A literal marker inside the prompt itself is dropped, or libedit would mistake it for ours.
    public func render(_ rawPrompt: String, depth: Int) -> String {
        let prompt = String(String.UnicodeScalarView(rawPrompt.unicodeScalars.filter { $0 != "\u{1}" }))
        guard usesColor, !prompt.isEmpty else { return prompt }
        let color = depth <= 1 ? "\u{1B}[1;32m" : "\u{1B}[1;36m"
        let marker = Self.literalMarker
        // libedit drops a literal sequence at the very end of the prompt, so the reset goes before
        // the trailing spaces (or before the last character when there are none).
        let body = prompt.trimmingTrailingSpaces
        let tail = body.isEmpty ? prompt : String(prompt.dropFirst(body.count))
        let (colored, rest) = tail.isEmpty ? (String(body.dropLast()), String(body.suffix(1))) : (body, tail)
        guard !colored.isEmpty else { return prompt }
        return marker + color + marker + colored + marker + "\u{1B}[0m" + marker + rest
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
