import KubeAPI

/// `-o jsonpath=...` with kubectl's error wording around the engine's messages.
public enum JSONPathPrinter {
    /// Parse errors, as `kubectl get` reports them (`error: ` is added by the caller).
    public static func parse(_ template: String) throws(JSONPathError) -> JSONPath {
        if template.isEmpty { throw JSONPathError("template format specified but no template given") }
        do {
            return try JSONPath(template)
        } catch {
            throw JSONPathError("error parsing jsonpath \(template), \(error.message)")
        }
    }

    /// The text printed for one object (no trailing newline, as kubectl prints it).
    public static func render(_ path: JSONPath, _ object: JSONValue, asJSON: Bool = false) throws(JSONPathError) -> String {
        do {
            return asJSON ? try path.executeAsJSON(object) : try path.execute(object)
        } catch {
            let detail = "Error executing template: \(error.message). Printing more information for debugging the template:\n"
                + "\ttemplate was:\n\t\t\(path.template)\n"
                + "\tobject given to jsonpath engine was:\n\t\t\(GoFormat.goSyntax(object))\n\n"
            // printers/jsonpath.go's Errorf ends with a newline of its own, after the detail's blank line.
            throw JSONPathError("error executing jsonpath \(KubeAPI.GoFormat.quoted(path.template)): \(detail)\n")
        }
    }
}
