import KubeAPI

/// `kubectl api-resources`: the types this cluster serves, grouped as discovery lists them.
struct APIResourcesCommand: KubectlCommand {
    static let name = "api-resources"
    static let help = HelpText.usage("""
        List the resource types the cluster serves, with short names and API versions.

        Options:
          --namespaced=true   with false, only cluster-wide types
          --api-group=''      only types of this group ('' for the core group needs --api-group='')
          -o, --output=''     'wide' adds verbs and categories, 'name' prints names only
          --no-headers        omit the header row
          --sort-by=''        'name' or 'kind'

        Usage:
          kubectl api-resources [flags] [options]
        """)

    let flags = FlagSet([
        .init("namespaced", nil, .bool, default: "true"), .init("api-group"), .init("output", "o"),
        .init("no-headers", nil, .bool), .init("sort-by"), .init("verbs", nil, .stringArray), .init("cached", nil, .bool),
        .init("categories", nil, .stringArray),
    ])

    static let groupOrder = ["", "apps", "batch", "policy", "rbac.authorization.k8s.io", "storage.k8s.io"]

    func run(_ call: Invocation) throws -> Int32 {
        var types = ResourceRegistry.all
        if call.flags.isSet("namespaced") { types = types.filter { $0.namespaced == call.flags.bool("namespaced") } }
        if call.flags.isSet("api-group") { types = types.filter { $0.group == call.flags.string("api-group") } }
        let categories = call.flags.strings("categories")
        if !categories.isEmpty { types = types.filter { t in categories.allSatisfy { t.categories.contains($0) } } }
        types.sort { a, b in
            let ga = Self.groupOrder.firstIndex(of: a.group) ?? 99, gb = Self.groupOrder.firstIndex(of: b.group) ?? 99
            return ga != gb ? ga < gb : a.plural < b.plural
        }
        switch call.flags.string("sort-by") {
        case "": break
        case "name": types.sort { $0.plural < $1.plural }
        case "kind": types.sort { $0.kind < $1.kind }
        case let other: throw KubectlFailure.error("--sort-by accepts only name or kind, got \(other)")
        }
        let output = call.flags.string("output")
        if output == "name" {
            call.out(types.map { $0.group.isEmpty ? $0.plural + "\n" : "\($0.plural).\($0.group)\n" }.joined())
            return 0
        }
        guard output.isEmpty || output == "wide" else {
            throw KubectlFailure.error("--output \(output) is not available")
        }
        var rows: [[String]] = []
        if !call.flags.bool("no-headers") {
            rows.append(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"] + (output == "wide" ? ["VERBS", "CATEGORIES"] : []))
        }
        for t in types {
            var row = [t.plural, t.shortNames.joined(separator: ","), t.apiVersion, t.namespaced ? "true" : "false", t.kind]
            if output == "wide" {
                row += ["[create delete deletecollection get list patch update watch]", t.categories.joined(separator: ",")]
            }
            rows.append(row)
        }
        // kubectl's printers.GetNewTabWriter: the table writer without remembered widths.
        var writer = TabWriter(minWidth: 6, padding: 3)
        for row in rows { writer.write(row.joined(separator: "\t") + "\n") }
        call.out(writer.flush())
        return 0
    }
}

/// `kubectl api-versions`: the group/versions of the types this cluster serves, sorted as
/// apiversions.go sorts them (plain string order).
struct APIVersionsCommand: KubectlCommand {
    static let name = "api-versions"
    static let help = HelpText.usage("""
        Print the supported API versions on the server, in the form of "group/version".

        Usage:
          kubectl api-versions [options]
        """)

    let flags = FlagSet([])

    func run(_ call: Invocation) throws -> Int32 {
        guard call.args.isEmpty else {
            throw KubectlFailure.usage("unexpected arguments: [\(call.args.joined(separator: " "))]", command: "api-versions")
        }
        call.out(Set(ResourceRegistry.all.map(\.apiVersion)).sorted().map { $0 + "\n" }.joined())
        return 0
    }
}
