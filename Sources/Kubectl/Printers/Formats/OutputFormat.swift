import KubeAPI

/// The value of `-o/--output`, parsed as kubectl's printer flags accept it.
public enum OutputFormat: Equatable, Sendable {
    case table
    case wide
    case yaml
    case json
    case name
    case jsonpath(String)
    case jsonpathAsJSON(String)
    case customColumns(String)

    /// Parses `wide`, `yaml`, `jsonpath={...}`, `jsonpath='{...}'`, `custom-columns=A:.b` ...
    public static func parse(_ value: String) throws(JSONPathError) -> OutputFormat {
        switch value {
        case "": return .table
        case "wide": return .wide
        case "yaml": return .yaml
        case "json": return .json
        case "name": return .name
        default: break
        }
        for (prefix, make) in [("jsonpath-as-json=", OutputFormat.jsonpathAsJSON), ("jsonpath=", OutputFormat.jsonpath),
                               ("custom-columns=", OutputFormat.customColumns)] where value.hasPrefix(prefix) {
            let argument = String(value.dropFirst(prefix.count))
            if argument.isEmpty {
                throw JSONPathError(prefix == "custom-columns=" ? "custom-columns format specified but no custom columns given"
                    : "template format specified but no template given")
            }
            return make(argument)
        }
        if value == "jsonpath" || value == "jsonpath-as-json" {
            throw JSONPathError("template format specified but no template given")
        }
        if value == "custom-columns" {
            throw JSONPathError("custom-columns format specified but no custom columns given")
        }
        throw JSONPathError("unable to match a printer suitable for the output format \"\(value)\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml")
    }
}

/// Everything `kubectl get` prints on stdout for one invocation, whatever the `-o` format.
public enum GetOutput {
    /// - Parameters:
    ///   - groups: results per resource type, in the order requested.
    ///   - singleItemImplied: one object named explicitly (`get pod web-0`): yaml/json/jsonpath print it bare.
    /// - Returns: stdout text ("" when nothing matched; the "No resources found" message is the caller's).
    public static func render(_ groups: [ResourceGroup], format: OutputFormat, options: TableOptions = TableOptions(),
                              singleItemImplied: Bool = false, now: Millis) throws(JSONPathError) -> String
    {
        var objects: [JSONValue] = []
        for g in groups {
            var items = g.objects
            if let sortBy = options.sortBy { items = try ObjectSorter.sort(items, by: sortBy) }
            objects += items
        }
        switch format {
        case .table, .wide:
            var o = options
            if format == .wide { o.wide = true }
            return try TablePrinter.render(groups, options: o, now: now)
        case .yaml:
            return YAMLEmitter.document(OutputObject.forGet(objects, singleItemImplied: singleItemImplied))
        case .json:
            return JSONEmitter.pretty(OutputObject.forGet(objects, singleItemImplied: singleItemImplied))
        case .name:
            return NamePrinter.render(objects)
        case .jsonpath(let template), .jsonpathAsJSON(let template):
            let path = try JSONPathPrinter.parse(template)
            var asJSON = false
            if case .jsonpathAsJSON = format { asJSON = true }
            return try JSONPathPrinter.render(path, OutputObject.forGet(objects, singleItemImplied: singleItemImplied),
                                              asJSON: asJSON)
        case .customColumns(let spec):
            return try CustomColumns(spec: spec).render(objects, noHeaders: options.noHeaders)
        }
    }
}
