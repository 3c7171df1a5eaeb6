import KubeAPI

/// `kubectl create -f FILE`: create every object, failing on those that exist.
struct CreateCommand: KubectlCommand {
    static let name = "create"
    static let help = HelpText.usage("""
        Create objects from manifests. Unlike apply, an object that already exists is an error.

        Examples:
          kubectl create -f mysql-sts.yml
          kubectl create -f ./manifests/ -R

        Options:
          -f, --filename=[]   files, directories or '-' for standard input
          -R, --recursive     read directories recursively
          --dry-run='none'    'client' or 'server' to only show what would happen
          -o, --output=''     print the objects as yaml, json or name instead of a message
          --save-config       record the manifest so later 'kubectl apply' can patch it

        Usage:
          kubectl create -f FILENAME [options]
        """)

    let flags = FlagSet([
        .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("dry-run", nil, .string, default: "none"),
        .init("output", "o"), .init("save-config", nil, .bool), .init("validate", nil, .string, default: "strict"),
        .init("edit", nil, .bool), .init("windows-line-endings", nil, .bool), .init("selector", "l"), .init("raw"),
        .init("field-manager", nil, .string, default: "kubectl-create"), .init("kustomize", "k"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
    ] + CreateSubcommands.flags)

    func run(_ call: Invocation) throws -> Int32 {
        let paths = call.flags.strings("filename")
        if !call.args.isEmpty { return try CreateSubcommands.run(call) }
        guard !paths.isEmpty else { throw KubectlFailure.error("must specify one of -f and -k") }
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call.flags.string("output"), allowed: .objectPrinters)
        let manifests = try ManifestReader.read(paths, recursive: call.flags.bool("recursive"), files: call.kubectl.files, stdin: call.io.stdin)
        for m in manifests { try ManifestReader.checkTypeFields(m) }
        var errors: [String] = []
        var printed: [(ResourceType, JSONValue)] = []
        for m in manifests {
            do {
                let r = try ManifestReader.resolveType(m)
                var obj = m.object
                let ns = try Namespaces.resolve(for: obj, resource: r, call: call)
                if r.namespaced { obj["metadata"]["namespace"] = .string(ns) }
                if call.flags.bool("save-config") {
                    obj["metadata"]["annotations"][ThreeWayMerge.lastAppliedKey] = .string(ThreeWayMerge.annotationValue(for: obj))
                }
                let created = try ApplyCommand().create(obj, as: r, call: call, dryRun: dryRun, source: m.source)
                if output == .table { call.out("\(r.qualifiedKind)/\(created.name) created\(dryRun.suffix)\n") }
                else { printed.append((r, created)) }
            } catch let f as KubectlFailure {
                errors.append(f.text)
            } catch let e as APIError {
                errors.append(e.kubectlText)
            }
        }
        if output != .table, !printed.isEmpty { try ObjectOutput.print(printed, format: output, call: call) }
        if !errors.isEmpty {
            call.err(errors.joined(separator: "\n") + "\n")
            return 1
        }
        return 0
    }
}
