import KubeAPI

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
            return JSONText.pretty(OutputObject.forGet(objects, singleItemImplied: singleItemImplied))
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
        case .customColumnsFile, .goTemplate:
            // Reading the columns file needs the working directory; the get verb resolves it first.
            throw JSONPathError("\(format) must be resolved by the caller")
        }
    }
}
