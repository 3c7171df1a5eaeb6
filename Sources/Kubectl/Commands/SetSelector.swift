import KubeAPI

/// `kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=V]`
/// (`pkg/cmd/set/set_selector.go`): a Service's selector replaced by the equality labels given.
/// Objects are visited in turn and the first error ends the command; the patch is sent even when
/// it changes nothing.
enum SetSelector {
    static let flags: [FlagSet.Spec] = SetPatches.objectFlags + [.init("selector", "l"), .init("resource-version"), ChangeCause.flag]

    /// - Parameter call: the command line after `set selector`.
    static func run(_ call: Invocation) throws -> Int32 {
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        // getResourcesAndSelector: the last word is the selector, the rest name the objects.
        let selector = try call.args.last.map(LabelSelectorObject.parse)
        let resources = Array(call.args.dropLast())
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        guard let selector else { throw KubectlFailure.error("one selector is required") }
        guard let sel = try SetPatches.builderObjects(resources, call: call) else { return 1 }
        // A refusal from the server is printed as it is, and ends the visit.
        var patches = SetPatches(call, dryRun: dryRun, output: output, done: "selector updated", failurePrefix: nil)
        let cause = ChangeCause(command: "set selector", flags: call.flags)
        let resourceVersion = call.flags.string("resource-version")
        for (r, obj) in sel.objects {
            guard r.kind == "Service" else { throw KubectlFailure.error("setting a selector is only supported for Services") }
            if !selector.matchExpressions.isEmpty {
                throw KubectlFailure.error("match expression \(selector.expressionsText) not supported on this object")
            }
            // The map is replaced: keys it no longer has are sent as nulls.
            var map = JSONObject()
            for key in selector.matchLabels.keys.sorted() { map.updateValue(.string(selector.matchLabels[key] ?? ""), forKey: key) }
            for (key, _) in obj["spec"]["selector"].object ?? [:] where selector.matchLabels[key] == nil { map.updateValue(.null, forKey: key) }
            var patch: JSONValue = ["spec": ["selector": .object(map)]]
            if let recording = cause.mergePatch(for: obj) { patch["metadata"] = recording["metadata"] }
            if !resourceVersion.isEmpty { patch["metadata"]["resourceVersion"] = .string(resourceVersion) }
            try patches.send(patch, to: obj, as: r)
        }
        return try patches.finish()
    }
}
