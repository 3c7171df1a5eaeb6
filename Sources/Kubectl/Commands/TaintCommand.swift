import KubeAPI
import KubeSim

/// `kubectl taint nodes NAME key=value:Effect key:Effect- key-`: rewrites the nodes' `spec.taints`
/// with a strategic merge patch, as kubectl's taint command does. Only the node changes here: the
/// scheduler, the DaemonSet controller and taint eviction react to it as to any other node write.
struct TaintCommand: KubectlCommand {
    static let name = "taint"
    static let help = HelpText.usage("""
        Add, change or remove taints on nodes. A taint is written key=value:Effect (the value may be
        left out: key:Effect); the key follows the label key rules, the value the label value rules,
        and the effect is NoSchedule, PreferNoSchedule or NoExecute. A trailing '-' removes taints:
        key:Effect- the one with that effect, key- every taint with that key. A taint whose key and
        effect the node already has changes only with --overwrite. Only nodes can be tainted.

        Examples:
          kubectl taint nodes k8s-node1 dedicated=db:NoSchedule
          kubectl taint nodes k8s-node1 dedicated:NoSchedule-
          kubectl taint nodes k8s-node1 dedicated-
          kubectl taint node -l disktype=ssd dedicated=db:PreferNoSchedule
          kubectl taint nodes k8s-node2 maintenance:NoExecute

        Options:
          --all=false             every node in the cluster
          --allow-missing-template-keys=true  ignore missing keys in -o jsonpath templates
          --dry-run='none'        'client' or 'server' to only show what would happen
          --field-manager='kubectl-taint'  the name recorded as the fields' manager
          -o, --output=''         print the nodes as json, yaml, name or jsonpath
          --overwrite=false       allow replacing a taint with the same key and effect
          -l, --selector=''       only nodes matching the label selector
          --show-managed-fields=false  keep managedFields in json and yaml output
          --template=''           the template for -o go-template
          --validate='strict'     strict (or true), warn, ignore (or false)

        Usage:
          kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]
        """)

    let flags = FlagSet([
        .init("all", nil, .bool), .init("overwrite", nil, .bool), .init("selector", "l"), .init("output", "o"),
        .init("dry-run", nil, .string, default: "none"), .init("validate", nil, .string, default: "strict"),
        .init("field-manager", nil, .string, default: "kubectl-taint"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
    ])

    static let nodes = ResourceRegistry.forKind("Node")!

    func run(_ call: Invocation) throws -> Int32 {
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        try ManifestReader.checkValidateFlag(call.flags.string("validate"))
        let (resources, words) = try Self.split(call.args)
        if resources.isEmpty { throw KubectlFailure.error("one or more resources must be specified as <resource> <name>") }
        if words.isEmpty { throw KubectlFailure.error("at least one taint update is required") }
        let changes = try TaintChanges.parse(words)
        try Self.checkNodeType(resources[0])
        try changes.checkNoConflicts()
        let all = call.flags.bool("all"), selector = call.flags.string("selector")
        if all && !selector.isEmpty {
            throw KubectlFailure.error("setting 'all' parameter with a non empty selector is prohibited")
        }
        if !all && selector.isEmpty && resources.count < 2 {
            throw KubectlFailure.error("at least one resource name must be specified since 'all' parameter is not set")
        }
        // kubectl finds out that -o is wrong only when it has a node to print.
        var output = OutputFormat.table, outputError: String?
        do throws(JSONPathError) { output = try OutputFormat.parse(call, allowed: .objectPrinters) } catch { outputError = error.message }

        let overwrite = call.flags.bool("overwrite")
        var failures: [[VerbError]] = []
        var printed: [(ResourceType, JSONValue)] = []
        for target in try Self.targets(call, names: all || !selector.isEmpty ? nil : Array(resources.dropFirst()), selector: selector) {
            guard case .found(let node) = target else {
                if case .failed(let e) = target { failures.append([e]) }
                continue
            }
            let outcome: (taints: [JSONValue], operation: String)
            switch changes.applied(to: node, overwrite: overwrite) {
            case .success(let o): outcome = o
            case .failure(let errors): failures.append(errors.list); continue
            }
            if let outputError { failures.append([.message(outputError)]); continue }
            do {
                let result = try Self.write(outcome.taints, to: node, dryRun: dryRun, call: call)
                if output == .table { call.out("node/\(node.name) \(outcome.operation)\n") }
                else { printed.append((Self.nodes, result)) }
            } catch let e as APIError {
                failures.append([.api(e)])
            }
        }
        if !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        return Self.finish(failures, call: call)
    }

    /// Splits the words into resources and taint changes (anything with `=`, `:` or a trailing `-`);
    /// every resource must come first.
    static func split(_ args: [String]) throws -> (resources: [String], changes: [String]) {
        var resources: [String] = [], changes: [String] = []
        for word in args {
            if word.contains("=") || word.contains(":") || word.hasSuffix("-") { changes.append(word); continue }
            if !changes.isEmpty { throw KubectlFailure.error("all resources must be specified before taint changes: \(word)") }
            resources.append(word)
        }
        return (resources, changes)
    }

    /// kubectl reads the type word as the start of an `explain` path (`nodes`, `no`, `nodes.v1`), so
    /// `node/NAME` is an unknown type to it rather than a type and a name.
    static func checkNodeType(_ word: String) throws {
        let typeWord = word.lowercased()
        if typeWord.contains(",") { throw KubectlFailure.error("unrecognized character in action: U+002C ','") }
        let typeName = String(typeWord.prefix { $0 != "." })
        guard let r = ResourceRegistry.lookup(typeName) else {
            throw KubectlFailure("the server doesn't have a resource type \(KubeAPI.GoFormat.quoted(typeName))")
        }
        if r.kind != "Node" { throw KubectlFailure.error("invalid resource type \(typeWord), only node types are supported") }
    }

    /// A node the command names, or why it could not be read.
    enum Target {
        case found(JSONValue)
        case failed(VerbError)
    }

    /// The nodes named, or with `names` nil every node matching the selector (all of them for `--all`),
    /// in the order kubectl visits them.
    static func targets(_ call: Invocation, names: [String]?, selector: String) throws -> [Target] {
        guard let names else {
            let parsed: LabelSelector
            do throws(LabelSelector.ParseError) { parsed = try LabelSelector.parse(selector) } catch {
                throw KubectlFailure.error("unable to parse requirement: \(error.message)")
            }
            try call.authorize("list", nodes, namespace: nil)
            return call.store.list(nodes).filter { parsed.matches(labelsOf: $0) }.map { .found($0) }
        }
        return names.map { name in
            do throws(APIError) { try call.authorize("get", nodes, namespace: nil, name: name) } catch { return .failed(.api(error)) }
            guard let node = call.store.get(nodes, namespace: nil, name: name) else { return .failed(.api(.notFound(nodes, name))) }
            return .found(node)
        }
    }

    /// Sends the taints as kubectl's two-way strategic merge patch (the list is replaced whole, and
    /// an unchanged list sends `{}`); a client dry run changes a copy instead.
    static func write(_ taints: [JSONValue], to node: JSONValue, dryRun: DryRun, call: Invocation) throws -> JSONValue {
        let list: JSONValue = taints.isEmpty ? .null : .array(taints)
        if dryRun == .client {
            var copy = node
            copy["spec"]["taints"] = taints.isEmpty ? nil : list
            return copy
        }
        let unchanged = taints == node["spec"]["taints"].items
        let body = unchanged ? "{}" : JSONText.compact(["spec": ["taints": list]])
        let ref = ObjectRef(nodes, namespace: "", name: node.name)
        return try call.api.patch(ref, type: .strategic, body: body, dryRun: dryRun == .server).object
    }

    /// cmdutil.CheckErr over the visitor's errors: one node's failure alone is printed as its own
    /// errors; among several, a node that lacked more than one taint shows them as one bracketed line.
    static func finish(_ failures: [[VerbError]], call: Invocation) -> Int32 {
        guard failures.count > 1 else { return ErrorReport.finish(failures.first ?? [], call: call) }
        return ErrorReport.finish(failures.map { errors in
            guard errors.count > 1 else { return errors[0] }
            return .message("[" + errors.map { if case .message(let m) = $0 { m } else { "" } }.joined(separator: ", ") + "]")
        }, call: call)
    }
}

/// The taints one command adds and removes, checked as kubectl's `parseTaints` checks them, and
/// what they make of one node's taints (`reorganizeTaints`).
struct TaintChanges {
    /// A taint as written on the command line; `effect` is empty in `key-`.
    struct Taint {
        var key: String
        var value = ""
        var effect = ""

        /// The API object, without the empty value (`omitempty`) and without `timeAdded`, which
        /// neither kubectl nor the v1.32 API server sets for taints written this way.
        var object: JSONValue {
            var o: JSONValue = ["effect": .string(effect), "key": .string(key)]
            if !value.isEmpty { o["value"] = .string(value) }
            return o
        }

        /// Whether `taint` is this one (`MatchTaint`: same key and effect).
        func matches(_ taint: JSONValue) -> Bool { taint["key"].string == key && taint["effect"].string == effect }

        /// `Taint.ToString`, used in "not found": removals carry no value.
        var text: String { effect.isEmpty ? key : "\(key):\(effect)" }
    }

    var add: [Taint] = []
    var remove: [Taint] = []

    static let effects: Set<String> = ["NoSchedule", "PreferNoSchedule", "NoExecute"]

    /// A bad taint word is a usage error, so kubectl adds its pointer to the help.
    static func usageError(_ message: String) -> KubectlFailure {
        KubectlFailure.usage(message, command: "taint")
    }

    static func parse(_ words: [String]) throws -> TaintChanges {
        var changes = TaintChanges()
        for word in words {
            if word.hasSuffix("-") {
                let taint = try parseOne(String(word.dropLast()))
                changes.remove.append(Taint(key: taint.key, effect: taint.effect))
                continue
            }
            let taint = try parseOne(word)
            if taint.effect.isEmpty { throw usageError("invalid taint spec: \(word)") }
            if changes.add.contains(where: { $0.key == taint.key && $0.effect == taint.effect }) {
                // Go's %v of the Taint struct, whose last field is the unset timeAdded.
                throw usageError("duplicated taints with the same key and effect: {\(taint.key) \(taint.value) \(taint.effect) <nil>}")
            }
            changes.add.append(taint)
        }
        return changes
    }

    /// `key=value:Effect`, `key:Effect` or `key`; the effect is checked before the key and value.
    static func parseOne(_ spec: String) throws -> Taint {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else { throw usageError("invalid taint spec: \(spec)") }
        var taint = Taint(key: parts[0])
        if parts.count == 2 {
            taint.effect = parts[1]
            if !effects.contains(taint.effect) { throw usageError("invalid taint effect: \(taint.effect), unsupported taint effect") }
            let keyValue = parts[0].split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            guard keyValue.count <= 2 else { throw usageError("invalid taint spec: \(spec)") }
            taint.key = keyValue[0]
            if keyValue.count == 2 {
                taint.value = keyValue[1]
                let problems = NameRules.labelValue(taint.value)
                if !problems.isEmpty { throw usageError("invalid taint spec: \(spec), \(problems.joined(separator: "; "))") }
            }
        }
        let problems = NameRules.qualifiedName(taint.key)
        if !problems.isEmpty { throw usageError("invalid taint spec: \(spec), \(problems.joined(separator: "; "))") }
        return taint
    }

    /// A taint may not be both added and removed: a removal of its key alone, or of its key and effect.
    func checkNoConflicts() throws {
        var conflicts: [String] = []
        for added in add {
            for removed in remove where removed.key == added.key && (removed.effect.isEmpty || removed.effect == added.effect) {
                conflicts.append("\(removed.key)=\(removed.effect)")
            }
        }
        if !conflicts.isEmpty {
            throw KubectlFailure.error("can not both modify and remove the following taint(s) in the same command: \(conflicts.joined(separator: ", "))")
        }
    }

    /// Errors for one node, in the order kubectl reports them.
    struct NodeErrors: Error { let list: [VerbError] }

    /// The node's taints after the change and kubectl's word for it: new taints first, then the old
    /// ones they did not replace, less the removed ones. `tainted` when a taint was added, `untainted`
    /// when only removed, `modified` when both, and always `modified` with `--overwrite`.
    func applied(to node: JSONValue, overwrite: Bool) -> Result<(taints: [JSONValue], operation: String), NodeErrors> {
        let old = node["spec"]["taints"].items
        if !overwrite {
            let clashing = add.flatMap { taint in old.filter(taint.matches).map { _ in taint.key } }
            if !clashing.isEmpty {
                return .failure(NodeErrors(list: [.message(
                    "node \(node.name) already has \(clashing.joined(separator: ",")) taint(s) with same effect(s) and --overwrite is false")]))
            }
        }
        var taints = add.map(\.object)
        taints += old.filter { taint in !add.contains { $0.matches(taint) } }
        let added = taints.count != old.count
        var notFound: [VerbError] = []
        for removal in remove {
            let before = taints.count
            taints.removeAll { removal.effect.isEmpty ? $0["key"].string == removal.key : removal.matches($0) }
            if taints.count == before { notFound.append(.message("taint \(KubeAPI.GoFormat.quoted(removal.text)) not found")) }
        }
        if !notFound.isEmpty { return .failure(NodeErrors(list: notFound)) }
        let removed = !remove.isEmpty
        let operation = (added && removed) || overwrite ? "modified" : (added ? "tainted" : "untainted")
        return .success((taints, operation))
    }
}
