import KubeAPI

/// `kubectl set resources TYPE NAME --limits=cpu=200m,memory=512Mi --requests=...`
/// (`pkg/cmd/set/set_resources.go`): the named requests and limits of the selected containers (and
/// init containers) replaced, the others kept, by a strategic merge patch, so a StatefulSet rolls.
enum SetResources {
    static let flags: [FlagSet.Spec] = SetPatches.objectFlags + [
        .init("selector", "l"), .init("containers", "c", .string, default: "*"), .init("limits"), .init("requests"), ChangeCause.flag,
    ]

    /// - Parameter call: the command line after `set resources`.
    static func run(_ call: Invocation) throws -> Int32 {
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        // Complete runs the builder, so what it cannot find fails before the flags are judged.
        guard let sel = try SetPatches.builderObjects(call.args, call: call) else { return 1 }
        let limitsText = call.flags.string("limits"), requestsText = call.flags.string("requests")
        if limitsText.isEmpty && requestsText.isEmpty {
            throw KubectlFailure.error("you must specify an update to requests or limits (in the form of --requests/--limits)")
        }
        let limits = try resourceList(limitsText), requests = try resourceList(requestsText)
        var patches = SetPatches(call, dryRun: dryRun, output: output, done: "resource requirements updated",
                                 failurePrefix: "failed to patch resources update to pod template ")
        let cause = ChangeCause(command: "set resources", flags: call.flags)
        let selector = call.flags.string("containers")
        for (r, obj) in sel.objects {
            guard let path = patches.podSpecPath(of: obj, as: r) else { continue }
            let spec = obj.value(at: path)
            var specPatch = JSONObject()
            var matched = false
            for key in ["containers", "initContainers"] {
                var entries: [JSONValue] = []
                for container in spec[key].items where SetPatches.selectsContainer(selector, container["name"].string ?? "") {
                    matched = true
                    var resources = JSONObject()
                    for (field, wanted) in [("limits", limits), ("requests", requests)] {
                        let current = container["resources"][field]
                        var changed = JSONObject()
                        for (name, quantity) in wanted where current[name].scalarText != quantity {
                            changed.updateValue(.string(quantity), forKey: name)
                        }
                        if !changed.isEmpty { resources.updateValue(.object(changed), forKey: field) }
                    }
                    if !resources.isEmpty {
                        entries.append(["name": container["name"], "resources": .object(resources)])
                    }
                }
                if !entries.isEmpty { specPatch.updateValue(.array(entries), forKey: key) }
            }
            if !matched { patches.errors.append("error: unable to find container named \(selector)") }
            let recording = cause.mergePatch(for: obj)
            // Requests and limits already as asked (and nothing to record) make an empty patch,
            // which kubectl skips without a word.
            guard !specPatch.isEmpty || (matched && recording != nil) else { continue }
            let patch = SetPatches.podSpecPatch(specPatch, at: path, recording: recording)
            try patches.send(patch, to: obj, as: r)
        }
        return try patches.finish()
    }

    /// populateResourceListV1: `name=quantity` pairs split at commas, each quantity in its
    /// canonical text (as the patch carries a parsed `resource.Quantity`), names in order.
    static func resourceList(_ spec: String) throws -> [(String, String)] {
        guard !spec.isEmpty else { return [] }
        var list: [(String, String)] = []
        for statement in spec.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let parts = statement.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else {
                throw KubectlFailure.error("Invalid argument syntax \(statement), expected <resource>=<value>")
            }
            guard let quantity = ResourceQuantity.canonical(parts[1]) else {
                throw KubectlFailure.error("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
            }
            list.removeAll { $0.0 == parts[0] }
            list.append((parts[0], quantity))
        }
        return list.sorted { $0.0 < $1.0 }
    }
}
