import KubeAPI

/// `kubectl scale TYPE NAME --replicas=N`: sets spec.replicas and nothing else.
struct ScaleCommand: KubectlCommand {
    static let name = "scale"
    static let help = HelpText.usage("""
        Set a new replica count for a StatefulSet, Deployment, ReplicaSet or ReplicationController.
        The controller then creates or removes pods to match.

        Examples:
          kubectl scale sts visit-cnt-stfs --replicas 4
          kubectl scale --replicas=2 statefulset/web

        Options:
          --replicas=0           the new number of replicas (required)
          --current-replicas=-1  only scale when the current count is this
          -f, --filename=[]      objects to scale, from manifests
          -l, --selector=''      scale every object matching the label selector
          --all                  scale every object of the type in the namespace

        Usage:
          kubectl scale [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]
        """)

    let flags = FlagSet([
        .init("replicas", nil, .int, default: "0"), .init("current-replicas", nil, .int, default: "-1"),
        .init("resource-version"), .init("filename", "f", .stringArray), .init("recursive", "R", .bool),
        .init("selector", "l"), .init("all", nil, .bool), .init("output", "o"), .init("timeout", nil, .duration, default: "0s"),
        .init("dry-run", nil, .string, default: "none"), .init("template"), .init("allow-missing-template-keys", nil, .bool, default: "true"),
        .init("show-managed-fields", nil, .bool), ChangeCause.flag,
    ])


    func run(_ call: Invocation) throws -> Int32 {
        guard call.flags.isSet("replicas") else {
            // cobra rejects a missing required flag before the command runs, and kubectl logs it.
            throw KubectlFailure(KlogLine.error("run.go:72", "\"command failed\" err=\"required flag(s) \\\"replicas\\\" not set\"",
                                                at: call.cluster.now))
        }
        let replicas = call.flags.int("replicas") ?? -1
        guard replicas >= 0 else {
            throw KubectlFailure.error("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
        }
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        let targets = try ObjectSelection.resolve(call, requireNames: !call.flags.bool("all") && !call.flags.isSet("selector"),
                                                 missingText: ObjectSelection.noResourcesText)
        // kubectl scale drops lookup errors unless nothing at all was found.
        guard !targets.objects.isEmpty else {
            let messages = targets.errors.map { Self.withoutServerPrefix($0) }
            let detail = messages.isEmpty ? "<nil>" : messages.count == 1 ? messages[0] : "[" + messages.joined(separator: ", ") + "]"
            throw KubectlFailure.error("no objects passed to scale \(detail)")
        }
        let resourceVersion = call.flags.string("resource-version")
        if !resourceVersion.isEmpty && targets.objects.count > 1 {
            throw KubectlFailure.error("cannot use --resource-version with multiple resources")
        }
        var printed: [(ResourceType, JSONValue)] = []
        var failure: VerbError?
        let cause = ChangeCause(command: Self.name, flags: call.flags)
        for (r, obj) in targets.objects {
            guard KindRegistry.descriptor(forKind: r.kind)?.scalable == true else {
                // No scale subresource: the PATCH of TYPE/NAME/scale is a plain 404.
                failure = .api(APIError(.notFound, "the server could not find the requested resource"))
                break
            }
            // The scale preconditions (ScalePrecondition.validate); a client dry run checks none.
            let expected = call.flags.int("current-replicas") ?? -1
            let current = obj["spec"]["replicas"].int ?? 1
            if dryRun != .client, expected >= 0, current != expected {
                failure = .message("Expected replicas to be \(expected), was \(current)")
                break
            }
            let currentVersion = obj["metadata"]["resourceVersion"].string ?? ""
            if dryRun != .client, !resourceVersion.isEmpty, resourceVersion != currentVersion {
                failure = .message("Expected resource version to be \(resourceVersion), was \(currentVersion)")
                break
            }
            var updated = obj
            updated["spec"]["replicas"] = .int(replicas)
            do {
                let result = try call.api.update(updated, as: r, dryRun: dryRun != .none, subresource: "scale")
                // Recorded by a second patch, sent without the dry run (as scale.go's helper is).
                if dryRun != .client { cause.sendMergePatch(after: obj, as: r, call: call) }
                if output == .table { call.out("\(r.qualifiedKind)/\(obj.name) scaled\(dryRun.suffix)\n") }
                else { printed.append((r, result)) }
            } catch {
                failure = .api(error)
                break
            }
        }
        if output != .table, !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        return ErrorReport.finish(failure.map { [$0] } ?? [], call: call)
    }

    static func withoutServerPrefix(_ text: String) -> String {
        guard text.hasPrefix("Error from server ("), let close = text.firstIndex(of: ")") else { return text }
        return String(text[text.index(close, offsetBy: 3)...])
    }
}
