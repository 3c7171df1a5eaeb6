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
        .init("show-managed-fields", nil, .bool),
    ])

    static let scalable: Set<String> = ["StatefulSet", "Deployment", "ReplicaSet", "ReplicationController"]

    func run(_ call: Invocation) throws -> Int32 {
        guard call.flags.isSet("replicas") else {
            throw KubectlFailure.error("required flag(s) \"replicas\" not set")
        }
        let replicas = call.flags.int("replicas") ?? -1
        guard replicas >= 0 else {
            throw KubectlFailure.error("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
        }
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call.flags.string("output"), allowed: .objectPrinters)
        let targets = try ObjectSelection.resolve(call, requireNames: !call.flags.bool("all") && !call.flags.isSet("selector"),
                                                 missingText: ObjectSelection.noResourcesText)
        guard !targets.objects.isEmpty || !targets.errors.isEmpty else { throw KubectlFailure.error("no objects passed to scale") }
        var printed: [(ResourceType, JSONValue)] = []
        var errors = targets.errors
        for (r, obj) in targets.objects {
            guard Self.scalable.contains(r.kind) else {
                errors.append("error: \(r.qualifiedPlural) \"\(obj.name)\" cannot be scaled: it has no replica count")
                continue
            }
            let expected = call.flags.int("current-replicas") ?? -1
            if expected >= 0, (obj["spec"]["replicas"].int ?? 1) != expected {
                errors.append("error: Expected replicas to be \(expected), was \(obj["spec"]["replicas"].int ?? 1)")
                continue
            }
            var updated = obj
            updated["spec"]["replicas"] = .int(replicas)
            do {
                let result = try call.cluster.api.update(updated, as: r, dryRun: dryRun != .none)
                if output == .table { call.out("\(r.qualifiedKind)/\(obj.name) scaled\(dryRun.suffix)\n") }
                else { printed.append((r, result)) }
            } catch {
                errors.append(error.kubectlText)
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
