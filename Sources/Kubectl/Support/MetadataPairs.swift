import KubeAPI
import KubeSim

/// What `kubectl label` and `kubectl annotate` share: `key=value` and `key-` words after the
/// resources, the map they change on each object, and the merge patch kubectl sends for it
/// (`cmdutil.GetResourcesAndPairs`, `labelFunc`, `updateAnnotations`).
struct MetadataPairs {
    /// `labels` or `annotations`.
    let field: String
    var set: [(key: String, value: String)] = []
    var remove: [String] = []

    /// Splits the words into resources and pairs; every resource must come first.
    static func split(_ args: [String], pairType: String) throws -> (resources: [String], pairs: [String]) {
        var resources: [String] = [], pairs: [String] = []
        for word in args {
            let isPair = (word.contains("=") && !word.hasPrefix("=")) || (word.hasSuffix("-") && word != "-")
            if isPair { pairs.append(word); continue }
            if !pairs.isEmpty { throw KubectlFailure.error("all resources must be specified before \(pairType) changes: \(word)") }
            resources.append(word)
        }
        return (resources, pairs)
    }

    /// The map after the change, or nil when `--overwrite` is false and a key would change
    /// (the caller words that error).
    func apply(to current: [String: String], overwrite: Bool, exempt: Set<String> = []) -> (result: [String: String], clashes: [(String, String)]) {
        var result = current
        var clashes: [(String, String)] = []
        for (key, value) in set {
            if !overwrite, !exempt.contains(key), let old = current[key], old != value { clashes.append((key, old)) }
            result[key] = value
        }
        for key in remove { result[key] = nil }
        return (result, clashes)
    }

    /// The JSON merge patch from `before` to `after` for this field.
    func mergePatch(from before: [String: String], to after: [String: String]) -> JSONValue {
        var changes = JSONValue.emptyObject
        for (k, v) in after.sorted(by: { $0.key < $1.key }) where before[k] != v { changes[k] = .string(v) }
        var patch: JSONValue = ["metadata": [:]]
        var map: JSONObject = changes.object ?? [:]
        for k in before.keys.sorted() where after[k] == nil { map[k] = .null }
        patch["metadata"] = .object([field: .object(map)])
        return patch
    }

    /// Sends the change and gives the stored object; a client dry run changes a copy here.
    /// `--resource-version` goes into the patch, so the server refuses it (409) once the object
    /// has changed since that version. `recorded` is the object with `--record`'s change-cause,
    /// whose annotation travels in the same patch.
    func send(_ obj: JSONValue, recorded: JSONValue, as r: ResourceType, newMap: [String: String], resourceVersion: String = "",
              dryRun: DryRun, call: Invocation) throws -> JSONValue {
        var after = recorded
        after["metadata"][field] = newMap.isEmpty ? .null : .stringMap(newMap)
        if dryRun == .client { return after }
        let old = obj["metadata"][field].stringMap
        var patch = mergePatch(from: old, to: newMap)
        if field != "annotations", let cause = recorded["metadata"]["annotations"][ChangeCause.annotation].string,
            obj["metadata"]["annotations"][ChangeCause.annotation].string != cause
        {
            patch["metadata"]["annotations"] = [ChangeCause.annotation: .string(cause)]
        }
        if !resourceVersion.isEmpty { patch["metadata"]["resourceVersion"] = .string(resourceVersion) }
        let body = JSONText.compact(patch)
        let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
        return try call.api.patch(ref, type: .merge, body: body, dryRun: dryRun == .server).object
    }

    /// `--list`: the map's pairs, under a heading when more than one object was asked for.
    static func list(_ map: [String: String], heading: String, of r: ResourceType, name: String, single: Bool) -> String {
        var out = single ? "" : "Listing \(heading) for \(r.kind).\(r.group)/\(name):\n"
        for (k, v) in map.sorted(by: { $0.key < $1.key }) { out += (single ? "" : " ") + "\(k)=\(v)\n" }
        return out
    }

    /// The options part of both verbs' help, for `labels` or `annotations`.
    static func optionsHelp(_ noun: String) -> String {
        """
          --all=false             every object of the type in the namespace
          -A, --all-namespaces=false  every namespace
          --dry-run='none'        'client' or 'server' to only show what would happen
          --field-selector=''     only objects whose fields match
          -f, --filename=[]       files naming the objects
          --list=false            print the \(noun) instead of changing them
          -o, --output=''         print the objects as json, yaml, name or jsonpath
          --overwrite=false       allow changing \(noun) that already have a value
          -R, --recursive=false   read directories given with -f recursively
          -l, --selector=''       only objects matching the label selector
        """
    }

    /// The flags both verbs take.
    static let flags: [FlagSet.Spec] = [
        .init("overwrite", nil, .bool), .init("all", nil, .bool), .init("all-namespaces", "A", .bool), .init("selector", "l"),
        .init("field-selector"), .init("list", nil, .bool), .init("local", nil, .bool), .init("filename", "f", .stringArray),
        .init("recursive", "R", .bool), .init("kustomize", "k"), .init("resource-version"), .init("output", "o"),
        .init("dry-run", nil, .string, default: "none"), .init("template"), .init("allow-missing-template-keys", nil, .bool, default: "true"),
        .init("show-managed-fields", nil, .bool), ChangeCause.flag,
    ]

    /// The objects, resolved from the resource words before the pairs.
    static func targets(_ call: Invocation, resources: [String]) throws -> ObjectSelection {
        if call.flags.bool("all") && call.flags.isSet("selector") {
            throw KubectlFailure.error("cannot set --all and --selector at the same time")
        }
        if call.flags.bool("all") && call.flags.isSet("field-selector") {
            throw KubectlFailure.error("cannot set --all and --field-selector at the same time")
        }
        if call.flags.bool("local") {
            throw KubectlFailure.error("--local is not available in kubelab; use --dry-run=client")
        }
        var f = call.flags
        f.positional = resources
        return try ObjectSelection.resolve(Invocation(kubectl: call.kubectl, flags: f, io: call.io), requireNames: true,
                                           missingText: ObjectSelection.noResourcesText)
    }

    /// Whether the command named one object (`TYPE NAME` or `TYPE/NAME`), which prints bare.
    static func namesOne(_ resources: [String], call: Invocation) -> Bool {
        if !call.flags.strings("filename").isEmpty || call.flags.isSet("selector") || call.flags.bool("all") { return false }
        return (resources.count == 2 && !resources[0].contains("/") && !resources[1].contains(","))
            || (resources.count == 1 && resources[0].contains("/"))
    }

    /// How one of the two verbs words what it did.
    struct Wording: Sendable {
        /// The verb, as the change-cause names it.
        let command: String
        /// `labels` or `annotations`, for `--list`'s heading.
        let heading: String
        /// Keys `--overwrite` does not guard.
        var exempt: Set<String> = []
        /// The error for keys that would change without `--overwrite` (key, current value).
        let clash: @Sendable ([(String, String)]) -> String
        /// The word after the name, from the map before and after.
        let done: @Sendable (_ before: [String: String], _ after: [String: String], _ overwrite: Bool) -> String
        /// kubectl label says `label "x" not found.` for removals of missing keys.
        var reportsMissingRemovals = false
    }

    /// The verbs' common run over the objects the resource words name.
    func run(_ call: Invocation, resources: [String], wording: Wording) throws -> Int32 {
        let output = try OutputFormat.parse(call.flags.string("output"), allowed: .objectPrinters)
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let sel = try Self.targets(call, resources: resources)
        let single = Self.namesOne(resources, call: call)
        let resourceVersion = call.flags.string("resource-version")
        if sel.errors.isEmpty && !resourceVersion.isEmpty && !single {
            throw KubectlFailure.error("--resource-version may only be used with a single resource")
        }
        let overwrite = call.flags.bool("overwrite")
        var errors = sel.errors
        var printed: [(ResourceType, JSONValue)] = []
        let cause = ChangeCause(command: wording.command, flags: call.flags)
        for (r, obj) in sel.objects {
            // annotate records before it applies the pairs (a typed change-cause wins), label after;
            // both only on the way to the server (a client dry run prints the object unrecorded).
            var recorded = obj
            if dryRun != .client { cause.record(&recorded) }
            let current = (field == "annotations" ? recorded : obj)["metadata"][field].stringMap
            let (next, clashes) = apply(to: current, overwrite: overwrite, exempt: wording.exempt)
            if !clashes.isEmpty {
                errors.append(wording.clash(clashes))
                continue
            }
            if call.flags.bool("list") {
                call.out(Self.list(next, heading: wording.heading, of: r, name: obj.name, single: single))
                continue
            }
            if wording.reportsMissingRemovals && dryRun != .client {
                for key in remove where current[key] == nil { call.out("label \(KubeAPI.GoFormat.quoted(key)) not found.\n") }
            }
            do {
                let result = try send(obj, recorded: recorded, as: r, newMap: next, resourceVersion: resourceVersion, dryRun: dryRun, call: call)
                // The message compares the whole object, so a recorded cause alone counts as a change.
                let before = recorded == obj ? current : [:]
                if output == .table { call.out("\(r.qualifiedKind)/\(obj.name) \(wording.done(before, next, overwrite))\(dryRun.suffix)\n") }
                else { printed.append((r, result)) }
            } catch let e as APIError {
                errors.append(e.kubectlText)
            }
        }
        if !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        return ErrorReport.finish(lines: errors, call: call)
    }
}
