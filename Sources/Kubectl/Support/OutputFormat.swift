/// `-o` values kubectl accepts.
public enum OutputFormat: Equatable, Sendable {
    /// No `-o`: the verb's table or message.
    case table
    case wide, yaml, json, name
    case jsonpath(String)
    case jsonpathAsJSON(String)
    /// `-o jsonpath-file=PATH`: the JSONPath template is read from the working directory.
    case jsonpathFile(String)
    case customColumns(String)
    case customColumnsFile(String)
    case goTemplate(String)
    /// `-o go-template-file=PATH` (or `templatefile`): the template is read from the working directory.
    case goTemplateFile(String)

    public enum Allowed: Sendable {
        /// `kubectl get`: tables too.
        case getPrinters
        /// Verbs that print the objects they changed (apply, create, scale ...).
        case objectPrinters
    }

    /// Formats whose template may come from `--template` instead of after `=`.
    static let templateFormats: Set<String> = [
        "go-template", "template", "go-template-file", "templatefile", "jsonpath", "jsonpath-as-json", "jsonpath-file",
    ]

    /// `.table` for the default (table or message) output.
    /// - Parameter templateFlag: `--template`; on its own it implies `-o go-template`, as in kubectl.
    public static func parse(_ text: String, allowed: Allowed = .getPrinters, templateFlag: String = "") throws(JSONPathError)
        -> OutputFormat
    {
        let text = text.isEmpty && !templateFlag.isEmpty ? "go-template" : text
        if text.isEmpty { return .table }
        let (name, arg): (String, String?) = {
            if let eq = text.firstIndex(of: "=") { return (String(text[..<eq]), String(text[text.index(after: eq)...])) }
            return (text, nil)
        }()
        // With --template set, kubectl's template printers only match a bare format name.
        let unmatched = !templateFlag.isEmpty && arg != nil && templateFormats.contains(name)
        func template() throws(JSONPathError) -> String {
            let value = templateFlag.isEmpty ? arg : templateFlag
            guard let value, !value.isEmpty else { throw JSONPathError("template format specified but no template given") }
            return value
        }
        switch unmatched ? ("", allowed) : (name, allowed) {
        case ("wide", .getPrinters): return .wide
        case ("yaml", _): return .yaml
        case ("json", _): return .json
        case ("name", _): return .name
        case ("jsonpath", _): return .jsonpath(try template())
        case ("jsonpath-as-json", _): return .jsonpathAsJSON(try template())
        case ("jsonpath-file", _): return .jsonpathFile(try template())
        case ("custom-columns", .getPrinters):
            guard let arg, !arg.isEmpty else { throw JSONPathError("custom-columns format specified but no custom columns given") }
            return .customColumns(arg)
        case ("custom-columns-file", .getPrinters): return .customColumnsFile(try template())
        case ("go-template", _), ("template", _): return .goTemplate(try template())
        case ("go-template-file", _), ("templatefile", _): return .goTemplateFile(try template())
        default:
            let formats = allowed == .getPrinters
                ? "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"
                : "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml"
            throw JSONPathError("unable to match a printer suitable for the output format \"\(text)\", allowed formats are: \(formats)")
        }
    }
}
