import KubeAPI

/// What every `kubectl set` subcommand does with the strategic merge patch it computed for each
/// object (the loop after upstream's CalculatePatches): a client dry run merges it here, anything
/// else sends it to the API server; each object is reported with the subcommand's word
/// (`image updated`) or gathered for `-o`; the errors are reported at the end as checkErr would.
struct SetPatches {
    let call: Invocation
    let dryRun: DryRun
    let output: OutputFormat
    /// The printed word after the object's name (`env updated`).
    let done: String
    /// How the subcommand wraps the server's refusal (`failed to patch env update to pod template: `);
    /// nil when it passes the error on as it is (`set selector`), which ends the command.
    let failurePrefix: String?
    /// The error lines so far, each as kubectl prints it.
    var errors: [String] = []
    private var printed: [(ResourceType, JSONValue)] = []

    /// The flags every subcommand takes for finding and printing objects (`--selector` aside,
    /// which `set serviceaccount` lacks).
    static let objectFlags: [FlagSet.Spec] = [
        .init("all", nil, .bool), .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("kustomize", "k"),
        .init("local", nil, .bool), .init("output", "o"), .init("dry-run", nil, .string, default: "none"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
        .init("field-manager", nil, .string, default: "kubectl-set"),
    ]

    /// The builder's refusal when nothing names an object: kubectl runs the builder in Complete, so
    /// this comes before the subcommand's own flags are judged.
    static func requireResources(_ resources: [String], call: Invocation) throws {
        guard resources.isEmpty && call.flags.strings("filename").isEmpty && call.flags.string("kustomize").isEmpty else { return }
        if call.flags.isSet("selector") { throw KubectlFailure.error("at least one resource must be specified to use a selector") }
        throw KubectlFailure(ObjectSelection.noResourcesText)
    }

    /// The objects the builder finds for `resources`; nil once its errors (a name not found) are
    /// printed, which end the command before anything changes (the builder runs in Complete).
    static func builderObjects(_ resources: [String], call: Invocation) throws -> ObjectSelection? {
        try requireResources(resources, call: call)
        let sel = try MetadataPairs.targets(call, resources: resources)
        if !sel.errors.isEmpty {
            _ = ErrorReport.finish(lines: sel.errors, call: call)
            return nil
        }
        return sel
    }

    /// selectString (set/helper.go), which `-c` uses: `*` matches any run of characters, the parts
    /// found left to right without backtracking.
    static func selectsContainer(_ spec: String, _ name: String) -> Bool {
        if spec == "*" { return true }
        guard spec.contains("*") else { return name == spec }
        let parts = spec.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = name[...]
        for (i, part) in parts.enumerated() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            if i == 0 && found.lowerBound != rest.startIndex { return false }
            if i == parts.count - 1 && found.upperBound != rest.endIndex { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    init(_ call: Invocation, dryRun: DryRun, output: OutputFormat, done: String, failurePrefix: String?) {
        self.call = call
        self.dryRun = dryRun
        self.output = output
        self.done = done
        self.failurePrefix = failurePrefix
    }

    /// Where the kind keeps its pod spec (`UpdatePodSpecForObject`); nil, with the error recorded,
    /// for a kind that has none.
    mutating func podSpecPath(of obj: JSONValue, as r: ResourceType) -> [String]? {
        let path: [String]
        switch r.kind {
        case "Pod": path = ["spec"]
        case "CronJob": path = ["spec", "jobTemplate", "spec", "template", "spec"]
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job": path = ["spec", "template", "spec"]
        default:
            refuse(obj, as: r, "the object is not a pod or does not have a pod template: *v1.\(r.kind)")
            return nil
        }
        return path
    }

    /// A patch of the pod spec at `path`, with the `--record` change-cause when there is one.
    static func podSpecPatch(_ specPatch: JSONObject, at path: [String], recording: JSONValue?) -> JSONValue {
        var patch = JSONValue.emptyObject
        if !specPatch.isEmpty {
            patch = .object(specPatch)
            for key in path.reversed() { patch = .object([key: patch]) }
        }
        if let recording { patch["metadata"] = recording["metadata"] }
        return patch
    }

    /// An object the change cannot apply to. A server object has its REST mapping, so
    /// Info.ObjectName names it `resource/name` (`configmaps/x`).
    mutating func refuse(_ obj: JSONValue, as r: ResourceType, _ message: String) {
        errors.append("error: \(r.plural)/\(obj.name) \(message)\n")
    }

    /// Applies `patch` to `obj` (or merges it, for a client dry run) and reports it.
    mutating func send(_ patch: JSONValue, to obj: JSONValue, as r: ResourceType) throws {
        do {
            let result: JSONValue
            if dryRun == .client {
                result = try ObjectMerge.strategicMerge(patch, into: obj, kind: r.kind)
            } else {
                let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
                result = try call.api.patch(ref, type: .strategic, body: JSONText.compact(patch), dryRun: dryRun == .server).object
            }
            if output == .table { call.out("\(r.qualifiedKind)/\(obj.name) \(done)\(dryRun.suffix)\n") }
            else { printed.append((r, result)) }
        } catch let e as APIError {
            guard let failurePrefix else { throw e }
            // The subcommands wrap the server error's own text (`Job.batch "j" is invalid: ...`), so
            // checkErr sees a plain error, not the server's Invalid status.
            errors.append(failurePrefix + e.statusMessage)
        }
    }

    /// Prints what `-o` gathered, then the errors; the exit status.
    func finish() throws -> Int32 {
        if !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        var errors = errors
        // checkErr gives a lone plain error the `error: ` prefix; several are printed as they are.
        if errors.count == 1, let failurePrefix, errors[0].hasPrefix(failurePrefix) { errors[0] = "error: " + errors[0] }
        return ErrorReport.finish(lines: errors, call: call)
    }
}
