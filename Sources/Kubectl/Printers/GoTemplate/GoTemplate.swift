import KubeAPI

/// A Go `text/template` as kubectl's go-template printer builds it: named `output`, with kubectl's
/// `exists` and `base64decode` next to Go's builtins.
public struct GoTemplate: Sendable {
    public let text: String
    let trees: GoTemplateTrees
    /// `--allow-missing-template-keys=false`: a missing key is an error instead of `<no value>`.
    public var missingKeyIsError = false
    /// The step budget (actions, commands, range iterations) of one execution.
    public var stepLimit = GoTemplateExecutor.defaultStepLimit

    static let name = "output"

    /// - Throws: Go's parse error (`template: output:1: unclosed action`).
    public init(_ text: String) throws(GoTemplateParseError) {
        self.text = text
        self.trees = try GoTemplateParser.parse(text, name: Self.name, functions: GoTemplateFunctions.names)
    }

    /// Runs the template over one decoded object.
    /// - Returns: everything written; on failure, what was written before it.
    public func execute(_ data: JSONValue) -> (output: String, failure: GoTemplateFailure?) {
        var e = GoTemplateExecutor(text: text, trees: trees, name: Self.name)
        e.missingKeyIsError = missingKeyIsError
        e.stepLimit = stepLimit
        do {
            try e.execute(data)
            return (e.output, nil)
        } catch {
            return (e.output, error)
        }
    }
}
