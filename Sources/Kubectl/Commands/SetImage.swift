import KubeAPI

/// `kubectl set image TYPE/NAME CONTAINER=IMAGE...`: a strategic merge patch of the pod template's
/// containers (and init containers) by name; `*` names them all (`pkg/cmd/set/set_image.go`).
enum SetImage {
    static let flags: [FlagSet.Spec] = SetPatches.objectFlags + [.init("selector", "l"), ChangeCause.flag]

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
        try SetPatches.requireResources(resources, call: call)
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
        var patches = SetPatches(call, dryRun: dryRun, output: output, done: "image updated",
                                 failurePrefix: "failed to patch image update to pod template: ")
        patches.errors = sel.errors
        let cause = ChangeCause(command: "set image", flags: call.flags)
        for (r, obj) in sel.objects {
            guard let path = patches.podSpecPath(of: obj, as: r) else { continue }
            let spec = obj.value(at: path)
            var specPatch = JSONObject()
            for key in ["initContainers", "containers"] {
                var changed: [JSONValue] = []
                for c in spec[key].items {
                    let name = c["name"].string ?? ""
                    guard let wanted = images.last(where: { $0.container == name || $0.container == "*" }), c["image"].string != wanted.image else { continue }
                    changed.append(["name": .string(name), "image": .string(wanted.image)])
                }
                if !changed.isEmpty { specPatch.updateValue(.array(changed), forKey: key) }
            }
            for (container, _) in images where container != "*" {
                let names = (spec["initContainers"].items + spec["containers"].items).compactMap { $0["name"].string }
                if !names.contains(container) { patches.errors.append("error: unable to find container named \(KubeAPI.GoFormat.quoted(container))") }
            }
            if images.contains(where: { $0.container == "*" }) && spec["containers"].items.isEmpty && spec["initContainers"].items.isEmpty {
                patches.errors.append("error: unable to find container named \"*\"")
            }
            // The recorded cause travels in the same patch as the images (set_image.go records
            // before computing it).
            let recording = cause.mergePatch(for: obj)
            // An image already set (and nothing to record) makes an empty patch, which kubectl skips without a word.
            guard !specPatch.isEmpty || recording != nil else { continue }
            try patches.send(SetPatches.podSpecPatch(specPatch, at: path, recording: recording), to: obj, as: r)
        }
        return try patches.finish()
    }
}
