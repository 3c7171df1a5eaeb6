import KubeAPI

/// `kubectl set image TYPE/NAME CONTAINER=IMAGE...`: a strategic merge patch of the pod template's
/// containers (and init containers) by name; `*` names them all (`pkg/cmd/set/set_image.go`).
enum SetImage {
    static let flags: [FlagSet.Spec] = [
        .init("all", nil, .bool), .init("selector", "l"), .init("filename", "f", .stringArray), .init("recursive", "R", .bool),
        .init("kustomize", "k"), .init("local", nil, .bool), .init("output", "o"), .init("dry-run", nil, .string, default: "none"),
        .init("template"), .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
        .init("field-manager", nil, .string, default: "kubectl-set"), ChangeCause.flag,
    ]

    /// - Parameter call: the command line after `set image`.
    static func run(_ call: Invocation) throws -> Int32 {
        let (resources, words) = try MetadataPairs.split(call.args, pairType: "image")
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        var images: [(container: String, image: String)] = []
        var invalid: [String] = []
        for word in words {
            guard let eq = word.firstIndex(of: "="), eq != word.startIndex else { invalid.append(word); continue }
            let container = String(word[..<eq])
            images.removeAll { $0.container == container }
            images.append((container, String(word[word.index(after: eq)...])))
        }
        if !invalid.isEmpty { throw KubectlFailure.error("invalid image format: \(invalid.joined(separator: ", "))") }
        // Complete runs the builder before Validate looks at the images, so nothing to act on fails first.
        if resources.isEmpty && call.flags.strings("filename").isEmpty && call.flags.string("kustomize").isEmpty {
            if call.flags.isSet("selector") { throw KubectlFailure.error("at least one resource must be specified to use a selector") }
            throw KubectlFailure(ObjectSelection.noResourcesText)
        }
        var problems: [String] = []
        if call.flags.bool("all") && call.flags.isSet("selector") { problems.append("cannot set --all and --selector at the same time") }
        if images.isEmpty { problems.append("at least one image update is required") }
        else if images.count > 1 && images.contains(where: { $0.container == "*" }) {
            problems.append("all containers are already specified by *, but saw more than one container_name=container_image pairs")
        }
        if !problems.isEmpty {
            throw KubectlFailure(problems.count == 1 ? "error: " + problems[0] : "[" + problems.joined(separator: ", ") + "]")
        }
        let sel = try MetadataPairs.targets(call, resources: resources)
        var errors = sel.errors
        var printed: [(ResourceType, JSONValue)] = []
        let cause = ChangeCause(command: "set image", flags: call.flags)
        for (r, obj) in sel.objects {
            guard let path = Self.podSpecPath(r.kind) else {
                errors.append("error: \(r.plural)/\(obj.name) the object is not a pod or does not have a pod template: *v1.\(r.kind)\n")
                continue
            }
            let spec = obj.value(at: path)
            var specPatch = JSONValue.emptyObject
            for key in ["initContainers", "containers"] {
                var changed: [JSONValue] = []
                for c in spec[key].items {
                    let name = c["name"].string ?? ""
                    guard let wanted = images.last(where: { $0.container == name || $0.container == "*" }), c["image"].string != wanted.image else { continue }
                    changed.append(["name": .string(name), "image": .string(wanted.image)])
                }
                if !changed.isEmpty { specPatch[key] = .array(changed) }
            }
            for (container, _) in images where container != "*" {
                let names = (spec["initContainers"].items + spec["containers"].items).compactMap { $0["name"].string }
                if !names.contains(container) { errors.append("error: unable to find container named \(KubeAPI.GoFormat.quoted(container))") }
            }
            if images.contains(where: { $0.container == "*" }) && spec["containers"].items.isEmpty && spec["initContainers"].items.isEmpty {
                errors.append("error: unable to find container named \"*\"")
            }
            // The recorded cause travels in the same patch as the images (set_image.go records
            // before computing it).
            let recording = cause.mergePatch(for: obj)
            // An image already set (and nothing to record) makes an empty patch, which kubectl skips without a word.
            guard specPatch.object?.isEmpty == false || recording != nil else { continue }
            var patch = JSONValue.emptyObject
            if specPatch.object?.isEmpty == false {
                var cursor = specPatch
                for key in path.reversed() { cursor = .object([key: cursor]) }
                patch = cursor
            }
            if let recording { patch["metadata"] = recording["metadata"] }
            do {
                let result: JSONValue
                if dryRun == .client {
                    result = try ObjectMerge.strategicMerge(patch, into: obj, kind: r.kind)
                } else {
                    let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
                    result = try call.api.patch(ref, type: .strategic, body: JSONText.compact(patch), dryRun: dryRun == .server).object
                }
                if output == .table { call.out("\(r.qualifiedKind)/\(obj.name) image updated\(dryRun.suffix)\n") }
                else { printed.append((r, result)) }
            } catch let e as APIError {
                // set_image.go wraps the server error's own text (`Job.batch "j" is invalid: ...`), so
                // checkErr sees a plain error, not the server's Invalid status.
                errors.append(Self.patchFailure + e.statusMessage)
            }
        }
        if !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        // checkErr gives a lone plain error the `error: ` prefix; several are printed as they are.
        if errors.count == 1, errors[0].hasPrefix(Self.patchFailure) { errors[0] = "error: " + errors[0] }
        return ErrorReport.finish(lines: errors, call: call)
    }

    static let patchFailure = "failed to patch image update to pod template: "

    /// Where the kind keeps its pod spec (`UpdatePodSpecForObject`).
    static func podSpecPath(_ kind: String) -> [String]? {
        switch kind {
        case "Pod": return ["spec"]
        case "CronJob": return ["spec", "jobTemplate", "spec", "template", "spec"]
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job": return ["spec", "template", "spec"]
        default: return nil
        }
    }
}
