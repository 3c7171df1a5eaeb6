import KubeAPI

/// `kubectl describe`: detailed text for objects, matching names by prefix as kubectl does.
struct DescribeCommand: KubectlCommand {
    static let name = "describe"
    static let help = HelpText.usage("""
        Show objects in detail, with related objects and recent events.
        A name that matches no object exactly describes every object whose name starts with it.

        Examples:
          kubectl describe pod mysql-0
          kubectl describe sts visit-cnt-stfs
          kubectl describe pvc
          kubectl describe pods web

        Options:
          -l, --selector=''       describe objects matching the label selector
          -A, --all-namespaces    across every namespace
          -f, --filename=[]       the objects named in manifests
          --show-events=true      include the Events section

        Usage:
          kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]
        """)

    let flags = FlagSet([
        .init("selector", "l"), .init("all-namespaces", "A", .bool), .init("filename", "f", .stringArray),
        .init("recursive", "R", .bool), .init("show-events", nil, .bool, default: "true"), .init("chunk-size", nil, .int, default: "500"),
        .init("kustomize", "k"),
    ])

    static let missingTypeText = "error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources."

    func run(_ call: Invocation) throws -> Int32 {
        var sel = try ObjectSelection.resolve(call, missingText: Self.missingTypeText)
        // Names that match nothing exactly fall back to a prefix match.
        if !sel.errors.isEmpty, call.flags.strings("filename").isEmpty, call.args.count >= 2, !call.args[0].contains("/") {
            let requests = try ResourceArgs.parse(call.args)
            var errors: [String] = []
            var objects = sel.objects
            for req in requests {
                for name in req.names where call.store.get(req.resource, namespace: call.namespace, name: name) == nil {
                    let matches = call.store.list(req.resource, namespace: req.resource.namespaced ? call.namespace : nil)
                        .filter { $0.name.hasPrefix(name) }
                    if matches.isEmpty { errors.append(APIError.notFound(req.resource, name).kubectlText) }
                    objects += matches.map { (req.resource, $0) }
                }
            }
            sel.objects = objects
            sel.errors = errors
        }
        if sel.objects.isEmpty && sel.errors.isEmpty {
            call.err(GetCommand.noResourcesText(call, types: sel.types) + "\n")
            return 0
        }
        var first = true
        for (r, o) in sel.objects {
            let text = Describer.describe(r, o, store: call.store, now: call.cluster.now, showEvents: call.flags.bool("show-events"))
            call.out(first ? text : "\n\n" + text)
            first = false
        }
        if !sel.errors.isEmpty {
            call.err(sel.errors.joined(separator: "\n") + "\n")
            return 1
        }
        return 0
    }
}
