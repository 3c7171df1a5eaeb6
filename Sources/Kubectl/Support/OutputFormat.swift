/// `-o` values kubectl accepts.
enum OutputFormat: Equatable {
    case wide, yaml, json, name
    case jsonpath(String)
    case jsonpathAsJSON(String)
    case customColumns(String)
    case customColumnsFile(String)
    case goTemplate(String)

    enum Allowed {
        /// `kubectl get`: tables too.
        case getPrinters
        /// Verbs that print the objects they changed (apply, create, scale ...).
        case objectPrinters
    }

    /// nil for the default (table or message) output.
    static func parse(_ text: String, allowed: Allowed) throws -> OutputFormat? {
        if text.isEmpty { return nil }
        let (name, arg): (String, String?) = {
            if let eq = text.firstIndex(of: "=") { return (String(text[..<eq]), String(text[text.index(after: eq)...])) }
            return (text, nil)
        }()
        func template() throws -> String {
            guard let arg, !arg.isEmpty else { throw KubectlFailure.error("template format specified but no template given") }
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
            guard let arg, !arg.isEmpty else { throw KubectlFailure.error("custom-columns format specified but no custom columns given") }
            return .customColumns(arg)
        case ("custom-columns-file", .getPrinters): return .customColumnsFile(try template())
        case ("go-template", _), ("template", _): return .goTemplate(try template())
        default:
            let formats = allowed == .getPrinters
                ? "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"
                : "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml"
            throw KubectlFailure.error("unable to match a printer suitable for the output format \"\(text)\", allowed formats are: \(formats)")
        }
    }
}
