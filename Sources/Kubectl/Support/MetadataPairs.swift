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
    func send(_ obj: JSONValue, as r: ResourceType, newMap: [String: String], dryRun: DryRun, call: Invocation) throws -> JSONValue {
        if dryRun == .client {
            var copy = obj
            copy["metadata"][field] = newMap.isEmpty ? .null : .stringMap(newMap)
            return copy
        }
        let old = obj["metadata"][field].stringMap
        let body = JSONText.compact(mergePatch(from: old, to: newMap))
        let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
        return try call.cluster.api.patch(ref, type: .merge, body: body, dryRun: dryRun == .server).object
    }

    /// `--list`: the map's pairs, under a heading when more than one object was asked for.
    static func list(_ map: [String: String], heading: String, of r: ResourceType, name: String, single: Bool) -> String {
        var out = single ? "" : "Listing \(heading) for \(r.kind).\(r.group)/\(name):\n"
        for (k, v) in map.sorted(by: { $0.key < $1.key }) { out += (single ? "" : " ") + "\(k)=\(v)\n" }
        return out
    }

    /// The flags both verbs take.
    static let flags: [FlagSet.Spec] = [
        .init("overwrite", nil, .bool), .init("all", nil, .bool), .init("all-namespaces", "A", .bool), .init("selector", "l"),
        .init("field-selector"), .init("list", nil, .bool), .init("local", nil, .bool), .init("filename", "f", .stringArray),
        .init("recursive", "R", .bool), .init("kustomize", "k"), .init("resource-version"), .init("output", "o"),
        .init("dry-run", nil, .string, default: "none"), .init("template"), .init("allow-missing-template-keys", nil, .bool, default: "true"),
        .init("show-managed-fields", nil, .bool),
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
}
