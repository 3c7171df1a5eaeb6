import KubeAPI

/// Everything `kubectl get` prints on stdout for one invocation, whatever the `-o` format.
public enum GetOutput {
    /// - Parameters:
    ///   - groups: results per resource type, in the order requested.
    ///   - singleItemImplied: one object named explicitly (`get pod web-0`): yaml/json/jsonpath print it bare.
    /// - Returns: stdout text ("" when nothing matched; the "No resources found" message is the caller's).
    public static func render(_ groups: [ResourceGroup], format: OutputFormat, options: TableOptions = TableOptions(),
                              singleItemImplied: Bool = false, template: TemplateOptions = TemplateOptions(), now: Millis)
        throws(JSONPathError) -> String
    {
        var objects: [JSONValue] = []
        for g in groups {
            var items = g.objects
            // Tables sort their own rows (with the table sorter's wording).
            if let sortBy = options.sortBy, format != .table, format != .wide { items = try ObjectSorter.sort(items, by: sortBy) }
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
        case .jsonpath(let text), .jsonpathAsJSON(let text):
            var path = try JSONPathPrinter.parse(text)
            // `--allow-missing-template-keys=false`: a missing field is an error, as for go-template.
            path.allowMissingKeys = template.allowMissingKeys
            var asJSON = false
            if case .jsonpathAsJSON = format { asJSON = true }
            return try JSONPathPrinter.render(path, OutputObject.forGet(objects, singleItemImplied: singleItemImplied),
                                              asJSON: asJSON)
        case .customColumns(let spec):
            return try CustomColumns(spec: spec).render(objects, noHeaders: options.noHeaders)
        case .goTemplate(let text):
            let parsed = try GoTemplatePrinter.parse(text, allowMissingKeys: template.allowMissingKeys)
            let object = OutputObject.forGet(objects, singleItemImplied: singleItemImplied)
            do {
                return try GoTemplatePrinter.render(parsed, object,
                                                    rawData: template.rawDataInFieldOrder ? JSONText.compactInFieldOrder(object) : nil)
            } catch {
                throw JSONPathError(error.message, printed: error.stdout, isLimit: error.isLimit)
            }
        case .customColumnsFile, .goTemplateFile, .jsonpathFile:
            // Reading a columns or template file needs the working directory; the verb resolves it first.
            throw JSONPathError("\(format) must be resolved by the caller")
        }
    }
}
