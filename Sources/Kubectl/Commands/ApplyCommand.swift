import KubeAPI
import KubeSim

/// `kubectl apply -f FILE`: create what is missing, patch what changed, report the rest unchanged.
struct ApplyCommand: KubectlCommand {
    static let name = "apply"
    static let help = HelpText.usage("""
        Create or update objects so they match the given manifests.

        Examples:
          kubectl apply -f visit-cnt-stfs.yaml
          kubectl apply -f todo-list/db/
          cat web.yaml | kubectl apply -f -

        Options:
          -f, --filename=[]   files, directories or '-' for standard input
          -R, --recursive     read directories recursively
          --dry-run='none'    'client' or 'server' to only show what would happen
          -o, --output=''     print the objects as yaml, json or name instead of a message

        Usage:
          kubectl apply -f FILENAME [options]
        """)

    let flags = FlagSet([
        .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("dry-run", nil, .string, default: "none"),
        .init("output", "o"), .init("server-side", nil, .bool), .init("force", nil, .bool), .init("prune", nil, .bool),
        .init("selector", "l"), .init("validate", nil, .string, default: "strict"), .init("field-manager", nil, .string, default: "kubectl-client-side-apply"),
        .init("overwrite", nil, .bool, default: "true"), .init("wait", nil, .bool), .init("kustomize", "k"),
        .init("force-conflicts", nil, .bool), .init("show-managed-fields", nil, .bool), .init("timeout", nil, .duration, default: "0s"),
        .init("cascade", nil, .string, default: "background"), .init("grace-period", nil, .int64, default: "-1"),
        .init("all", nil, .bool), .init("openapi-patch", nil, .bool, default: "true"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), ChangeCause.flag,
    ])

    func run(_ call: Invocation) throws -> Int32 {
        let paths = call.flags.strings("filename")
        if call.flags.isSet("kustomize") && !paths.isEmpty {
            throw KubectlFailure.error("only one of -f or -k can be specified")
        }
        if call.flags.isSet("kustomize") {
            throw KubectlFailure.error("kustomize is not available in kubelab; apply the generated manifests with -f")
        }
        guard !paths.isEmpty else { throw KubectlFailure.error("must specify one of -f and -k") }
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        try ManifestReader.checkValidateFlag(call.flags.string("validate"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        try Self.checkPrune(call.flags)
        let batch = Namespaces.check(try ManifestReader.read(paths, recursive: call.flags.bool("recursive"), files: call.kubectl.files,
                                                             stdin: call.io.stdin, validate: ManifestReader.validates(call.flags.string("validate"))),
                                     call: call)
        // apply reads everything first: any error while reading means nothing is sent.
        if !batch.failures.isEmpty { return ErrorReport.finish(batch.failures, call: call) }
        let manifests = batch.manifests
        guard !manifests.isEmpty else { throw KubectlFailure.error("no objects passed to apply") }
        var errors: [VerbError] = []
        var printed: [(ResourceType, JSONValue)] = []
        let cause = ChangeCause(command: Self.name, flags: call.flags)
        for m in manifests {
            do {
                let result = try apply(m, as: m.type, call: call, dryRun: dryRun, cause: cause)
                if output == .table {
                    call.out("\(m.type.qualifiedKind)/\(result.object.name) \(result.operation)\(dryRun.suffix)\n")
                } else {
                    printed.append((m.type, result.object))
                }
            } catch let e as APIError {
                errors.append(.api(e))
            }
        }
        if output != .table, !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        return ErrorReport.finish(errors, call: call)
    }

    struct Outcome {
        var object: JSONValue
        var operation: String
    }

    /// apply.go's Validate for --all, --selector and --prune; pruning itself is not simulated.
    static func checkPrune(_ flags: ParsedFlags) throws {
        if flags.bool("all") && !flags.string("selector").isEmpty {
            throw KubectlFailure.error("cannot set --all and --selector at the same time")
        }
        guard flags.bool("prune") else { return }
        if flags.bool("force") { throw KubectlFailure.error("--force cannot be used with --prune") }
        if !flags.bool("all") && flags.string("selector").isEmpty {
            throw KubectlFailure.error("all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector")
        }
        if flags.bool("server-side") {
            throw KubectlFailure.error("--prune is in alpha and doesn't currently work on objects created by server-side apply")
        }
        throw KubectlFailure.error("kubelab does not simulate \"kubectl apply --prune\" yet; delete what the manifests no longer name with kubectl delete")
    }

    /// `cause` is `--record`'s: recorded on the manifest's object before the last-applied
    /// annotation is taken from it, as applyOneObject does. `warnsOfMissingAnnotation` is
    /// applyOneObject's warning, which `kubectl diff` (the patcher alone) does not print.
    func apply(_ m: Manifest, as r: ResourceType, call: Invocation, dryRun: DryRun,
               cause: ChangeCause? = nil, warnsOfMissingAnnotation: Bool = true) throws -> Outcome {
        var desired = m.object
        cause?.record(&desired)
        let ns = Namespaces.namespace(for: desired, resource: r, call: call)
        if r.namespaced { desired["metadata"]["namespace"] = .string(ns) }
        let lastApplied = ThreeWayMerge.annotationValue(for: desired)
        desired["metadata"]["annotations"][ThreeWayMerge.lastAppliedKey] = .string(lastApplied)
        guard let live = call.store.get(r, namespace: ns, name: desired.name) else {
            return Outcome(object: try create(desired, as: r, call: call, dryRun: dryRun, source: m.source), operation: "created")
        }
        // A client dry run sends nothing: kubectl reports the object as read, always "configured".
        if dryRun == .client { return Outcome(object: desired, operation: "configured") }
        let previous = live.annotations[ThreeWayMerge.lastAppliedKey].flatMap { try? YAMLLoader.parse($0) } ?? nil
        if previous == nil && warnsOfMissingAnnotation {
            call.err("Warning: resource \(r.qualifiedPlural)/\(desired.name) is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n")
        }
        var merged = ThreeWayMerge.merge(live: live, lastApplied: previous, applied: desired)
        merged["metadata"]["resourceVersion"] = live["metadata"]["resourceVersion"]
        let updated = try update(merged, as: r, call: call, dryRun: dryRun, source: m.source)
        let changed = updated["metadata"]["resourceVersion"] != live["metadata"]["resourceVersion"]
            || (dryRun != .none && Self.differs(updated, live))
        return Outcome(object: updated, operation: changed ? "configured" : "unchanged")
    }

    func create(_ object: JSONValue, as r: ResourceType, call: Invocation, dryRun: DryRun, source: String) throws(APIError) -> JSONValue {
        // A client dry run never reaches the server: no defaults, no validation, no namespace check.
        if dryRun == .client { return object }
        do {
            return try call.api.create(object, as: r, dryRun: dryRun != .none)
        } catch {
            throw error.fromSource("creating", source)
        }
    }

    func update(_ object: JSONValue, as r: ResourceType, call: Invocation, dryRun: DryRun, source: String) throws(APIError) -> JSONValue {
        do {
            return try call.api.update(object, as: r, dryRun: dryRun != .none)
        } catch {
            throw error.fromSource("patching", source)
        }
    }

    static func differs(_ a: JSONValue, _ b: JSONValue) -> Bool {
        var a = a, b = b
        a["metadata"]["resourceVersion"] = .null
        b["metadata"]["resourceVersion"] = .null
        return a != b
    }
}

/// `--dry-run` values.
enum DryRun: Equatable {
    case none, client, server

    static func parse(_ s: String) throws -> DryRun {
        switch s {
        case "", "none", "false": return .none
        case "client", "true": return .client
        case "server": return .server
        default: throw KubectlFailure.error("Invalid dry-run value (\(s)). Must be \"none\", \"server\", or \"client\".")
        }
    }

    var suffix: String {
        switch self {
        case .none: return ""
        case .client: return " (dry run)"
        case .server: return " (server dry run)"
        }
    }
}

/// Namespace rules shared by verbs that read manifests.
enum Namespaces {
    /// The object's own namespace, or `-n`, or the context namespace.
    static func namespace(for object: JSONValue, resource: ResourceType, call: Invocation) -> String {
        guard resource.namespaced else { return "" }
        if let own = object.namespace, !own.isEmpty { return own }
        return call.namespace
    }

    /// The builder's namespace check: an object naming another namespace than `-n` is an error in
    /// place of that object.
    static func check(_ batch: ManifestBatch, call: Invocation) -> ManifestBatch {
        var out = batch
        out.items = batch.items.map { item in
            guard case .manifest(let m) = item, m.type.namespaced, call.namespaceExplicit,
                  let own = m.object.namespace, !own.isEmpty, own != call.namespace else { return item }
            return .failure(.message("the namespace from the provided object \"\(own)\" does not match the namespace \"\(call.namespace)\". You must pass '--namespace=\(own)' to perform this operation."))
        }
        return out
    }
}
