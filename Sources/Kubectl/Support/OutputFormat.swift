/// `-o` values kubectl accepts.
public enum OutputFormat: Equatable, Sendable {
    /// No `-o`: the verb's table or message.
    case table
    case wide, yaml, json, name
    case jsonpath(String)
    case jsonpathAsJSON(String)
    case customColumns(String)
    case customColumnsFile(String)
    case goTemplate(String)

    public enum Allowed: Sendable {
        /// `kubectl get`: tables too.
        case getPrinters
        /// Verbs that print the objects they changed (apply, create, scale ...).
        case objectPrinters
    }

    /// `.table` for the default (table or message) output.
    public static func parse(_ text: String, allowed: Allowed = .getPrinters) throws(JSONPathError) -> OutputFormat {
        if text.isEmpty { return .table }
        let (name, arg): (String, String?) = {
            if let eq = text.firstIndex(of: "=") { return (String(text[..<eq]), String(text[text.index(after: eq)...])) }
            return (text, nil)
        }()
        func template() throws(JSONPathError) -> String {
            guard let arg, !arg.isEmpty else { throw JSONPathError("template format specified but no template given") }
            return arg
        }
        switch (name, allowed) {
        case ("wide", .getPrinters): return .wide
        case ("yaml", _): return .yaml
        case ("json", _): return .json
        case ("name", _): return .name
        case ("jsonpath", _): return .jsonpath(try template())
        case ("jsonpath-as-json", _): return .jsonpathAsJSON(try template())
        case ("custom-columns", .getPrinters):
            guard let arg, !arg.isEmpty else { throw JSONPathError("custom-columns format specified but no custom columns given") }
            return .customColumns(arg)
        case ("custom-columns-file", .getPrinters): return .customColumnsFile(try template())
        case ("go-template", _), ("template", _): return .goTemplate(try template())
        default:
            let formats = allowed == .getPrinters
                ? "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"
                : "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml"
            throw JSONPathError("unable to match a printer suitable for the output format \"\(text)\", allowed formats are: \(formats)")
        }
    }
}
