import KubeAPI

/// `kubectl get`: tables (one block per type), wide, yaml/json/name/jsonpath/custom-columns/go-template, and watches.
struct GetCommand: KubectlCommand {
    static let name = "get"
    static let help = HelpText.usage("""
        List objects. Several types can be given at once (sts,po,svc); 'all' lists the common workload types.

        Examples:
          kubectl get pods
          kubectl get sts,po,svc -o wide
          kubectl get pods -l app=todo-db
          kubectl get pv
          kubectl get pod web-0 -o yaml
          kubectl get pods -w

        Options:
          -A, --all-namespaces       list across every namespace
          -l, --selector=''          filter by labels (app=web, tier!=db, 'env in (a,b)')
          --field-selector=''        filter by fields (metadata.name=x, status.phase=Running)
          -o, --output=''            wide, yaml, json, name, jsonpath=..., custom-columns=..., go-template=...
          --template=''              a Go template (implies -o go-template), e.g. '{{.metadata.name}}'
          --show-labels              add a LABELS column
          -L, --label-columns=[]     add a column for each label key
          --no-headers               omit the header row
          --sort-by=''               sort rows by a JSONPath expression
          -w, --watch                after listing, print changes as they happen
          --watch-only               print only changes
          --output-watch-events      add an EVENT column to watched rows
          --ignore-not-found         say nothing about names that do not exist
          -f, --filename=[]          list the objects named in manifests

        Usage:
          kubectl get [(-o|--output=)json|yaml|name|wide|...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]
        """)

    let flags = FlagSet([
        .init("output", "o"), .init("selector", "l"), .init("all-namespaces", "A", .bool), .init("show-labels", nil, .bool),
        .init("label-columns", "L", .stringArray), .init("no-headers", nil, .bool), .init("watch", "w", .bool),
        .init("watch-only", nil, .bool), .init("output-watch-events", nil, .bool), .init("filename", "f", .stringArray),
        .init("recursive", "R", .bool), .init("field-selector"), .init("sort-by"), .init("ignore-not-found", nil, .bool),
        .init("show-kind", nil, .bool), .init("chunk-size", nil, .int, default: "500"), .init("server-print", nil, .bool, default: "true"),
        .init("template"), .init("raw"), .init("show-managed-fields", nil, .bool), .init("subresource"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("kustomize", "k"),
    ])

    static let missingTypeText = """
        You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

        error: Required resource not specified.
        Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
        See 'kubectl get -h' for help and examples
        """

    /// `--raw` asks the API server for a path's bytes, which kubelab does not serve.
    func unsimulatedFeature(_ argv: [String]) -> String? {
        argv.contains { $0 == "--raw" || $0.hasPrefix("--raw=") } ? "kubectl get --raw" : nil
    }

    func run(_ call: Invocation) throws -> Int32 {
        let watching = call.flags.bool("watch") || call.flags.bool("watch-only")
        // get.go's Validate, after Complete's missing-type check and before the printer is made: the
        // EVENT column or watch-event wrapper needs a watch to take its events from.
        let outputOption = call.flags.string("output")
        if call.flags.bool("show-labels") && !outputOption.isEmpty && outputOption != "wide" && !Self.resourceMissing(call) {
            throw KubectlFailure.error("--show-labels option cannot be used with \(outputOption) printer")
        }
        if call.flags.bool("output-watch-events") && !watching && !Self.resourceMissing(call) {
            throw KubectlFailure.error("--output-watch-events option can only be used with --watch or --watch-only")
        }
        let output = try OutputFormat.parse(call, allowed: .getPrinters)
        let sel = try ObjectSelection.resolve(call, missingText: Self.missingTypeText)
        if watching {
            return try GetWatch.run(call, selection: sel, output: output)
        }
        let ignoreMissing = call.flags.bool("ignore-not-found")
        let errors = ignoreMissing ? sel.errorsBesidesNotFound : sel.errors
        if sel.objects.isEmpty {
            if errors.isEmpty && !ignoreMissing && !Self.isStructured(output) {
                call.err(Self.noResourcesText(call, types: sel.types) + "\n")
            } else if errors.isEmpty, Self.isStructured(output) {
                try ObjectOutput.print([], format: output, call: call, singleItem: false)
            }
        } else {
            try ObjectOutput.print(sel.objects, format: output, call: call, singleItem: Self.singleItemImplied(call),
                                   withKind: sel.answeredTypes.count > 1)
        }
        if !errors.isEmpty {
            call.err(errors.joined(separator: "\n") + "\n")
            return 1
        }
        return 0
    }

    /// No type, name or file: Complete stops with `missingTypeText` (left to `ObjectSelection`).
    static func resourceMissing(_ call: Invocation) -> Bool {
        call.args.isEmpty && call.flags.strings("filename").isEmpty && call.flags.string("kustomize").isEmpty
    }

    /// JSON-like outputs print an empty List rather than "No resources found".
    static func isStructured(_ output: OutputFormat) -> Bool {
        switch output {
        case .yaml, .json, .jsonpath, .jsonpathAsJSON, .jsonpathFile, .goTemplate, .goTemplateFile: return true
        default: return false
        }
    }

    /// One type and one name (`get pod web-0`, `get pod/web-0`) or one manifest file prints a bare
    /// object, not a List (the builder's singleItemImplied).
    static func singleItemImplied(_ call: Invocation) -> Bool {
        let paths = call.flags.strings("filename")
        if !paths.isEmpty {
            guard paths.count == 1, paths[0] != "-" else { return false }
            if case .file = call.kubectl.files.read(paths[0]) { return true }
            return paths[0].hasPrefix("http://") || paths[0].hasPrefix("https://")
        }
        let args = call.args
        if args.count == 1 { return args[0].contains("/") }
        return args.count == 2 && !args[0].contains(",") && !args[0].contains("/") && args[0] != "all"
    }

    static func tableOptions(_ call: Invocation, wide: Bool = false) -> TableOptions {
        TableOptions(
            wide: wide || call.flags.string("output") == "wide", withKind: call.flags.bool("show-kind"),
            withNamespace: call.flags.bool("all-namespaces"), showLabels: call.flags.bool("show-labels"),
            labelColumns: call.flags.strings("label-columns"), noHeaders: call.flags.bool("no-headers"),
            sortBy: call.flags.isSet("sort-by") ? call.flags.string("sort-by") : nil)
    }

    /// `No resources found in default namespace.` when every requested type is namespaced and no
    /// `-A`; plain `No resources found` otherwise.
    static func noResourcesText(_ call: Invocation, types: [ResourceType]) -> String {
        let allNamespaced = !types.isEmpty && types.allSatisfy(\.namespaced)
        if allNamespaced && !call.flags.bool("all-namespaces") {
            return "No resources found in \(call.namespace) namespace."
        }
        return "No resources found"
    }
}
