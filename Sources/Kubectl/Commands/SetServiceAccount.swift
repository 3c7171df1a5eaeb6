import KubeAPI

/// `kubectl set serviceaccount|sa (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT`
/// (`pkg/cmd/set/set_serviceaccount.go`): the pod template's `serviceAccountName`, by a strategic
/// merge patch. Unlike `set image` it sends the patch even when nothing changes, and says so.
enum SetServiceAccount {
    static let flags: [FlagSet.Spec] = [
        .init("all", nil, .bool), .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("kustomize", "k"),
        .init("local", nil, .bool), .init("output", "o"), .init("dry-run", nil, .string, default: "none"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
        .init("field-manager", nil, .string, default: "kubectl-set"), ChangeCause.flag,
    ]

    /// - Parameter call: the command line after `set serviceaccount`.
    static func run(_ call: Invocation) throws -> Int32 {
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        guard let account = call.args.last else { throw KubectlFailure.error("serviceaccount is required") }
        let resources = Array(call.args.dropLast())
        if resources.isEmpty && call.flags.strings("filename").isEmpty && call.flags.string("kustomize").isEmpty {
            throw KubectlFailure(ObjectSelection.noResourcesText)
        }
        let sel = try MetadataPairs.targets(call, resources: resources)
        // The builder's errors end the command before anything changes.
        if !sel.errors.isEmpty { return ErrorReport.finish(lines: sel.errors, call: call) }
        var errors: [String] = []
        var printed: [(ResourceType, JSONValue)] = []
        let cause = ChangeCause(command: "set serviceaccount", flags: call.flags)
        for (r, obj) in sel.objects {
            guard let path = SetImage.podSpecPath(r.kind) else {
                errors.append("error: \(r.plural)/\(obj.name) the object is not a pod or does not have a pod template: *v1.\(r.kind)\n")
                continue
            }
            var patch: JSONValue = ["serviceAccountName": .string(account)]
            for key in path.reversed() { patch = .object([key: patch]) }
            if let recording = cause.mergePatch(for: obj) { patch["metadata"] = recording["metadata"] }
            do {
                let result: JSONValue
                if dryRun == .client {
                    result = try ObjectMerge.strategicMerge(patch, into: obj, kind: r.kind)
                } else {
                    let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
                    result = try call.api.patch(ref, type: .strategic, body: JSONText.compact(patch), dryRun: dryRun == .server).object
                }
                if output == .table { call.out("\(r.qualifiedKind)/\(obj.name) serviceaccount updated\(dryRun.suffix)\n") }
                else { printed.append((r, result)) }
            } catch let e as APIError {
                errors.append(patchFailure + e.statusMessage)
            }
        }
        if !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        if errors.count == 1, errors[0].hasPrefix(patchFailure) { errors[0] = "error: " + errors[0] }
        return ErrorReport.finish(lines: errors, call: call)
    }

    /// set_serviceaccount.go's wording, without a colon before the server's message.
    static let patchFailure = "failed to patch ServiceAccountName "
}
