import KubeAPI

/// `-o go-template=...` with kubectl's wording around the engine (`GoTemplatePrinter` in cli-runtime):
/// parse errors name the template, execution errors print debugging text on stdout after whatever
/// the template wrote, then fail.
public enum GoTemplatePrinter {
    /// What went wrong while printing: stdout kubectl still writes, and the message (without `error: `).
    public struct Failure: Error, Sendable {
        public var stdout: String
        public var message: String
        /// A kubelab limit stopped the template (`message` then carries the limit's own words).
        public var isLimit: Bool
    }

    public static func parse(_ text: String, allowMissingKeys: Bool = true) throws(JSONPathError) -> GoTemplate {
        if text.isEmpty { throw JSONPathError("template format specified but no template given") }
        do {
            var t = try GoTemplate(text)
            t.missingKeyIsError = !allowMissingKeys
            return t
        } catch {
            throw JSONPathError("error parsing template \(text), \(error.message)")
        }
    }

    /// The text printed for one object (a `List` for `get` of several).
    /// - Parameter rawData: `json.Marshal` of the object as kubectl holds it (sorted keys for objects
    ///   from the server, field order for objects a generator built).
    public static func render(_ template: GoTemplate, _ object: JSONValue, rawData: String? = nil) throws(Failure) -> String {
        let (output, failure) = template.execute(object)
        guard let failure else { return output }
        switch failure {
        case .limit(let message):
            throw Failure(stdout: output, message: message, isLimit: true)
        case .execution(let message):
            let debug = "Error executing template: \(message). Printing more information for debugging the template:\n"
                + "\ttemplate was:\n\t\t\(template.text)\n"
                + "\traw data was:\n\t\t\(rawData ?? JSONText.compact(object))\n"
                + "\tobject given to template engine was:\n\t\t\(GoFmt.plain(GoTemplateValue(json: object, boxed: false)))\n\n"
            throw Failure(stdout: output + debug,
                          message: "error executing template \(GoQuote.quote(template.text)): \(message)", isLimit: false)
        }
    }
}
