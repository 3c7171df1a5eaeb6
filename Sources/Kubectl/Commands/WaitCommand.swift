import KubeAPI

/// `kubectl wait --for=condition=Ready|delete|create|jsonpath='{...}'=value TYPE/NAME`: blocks until
/// every named object meets the condition (`pkg/cmd/wait`). One `--timeout` (30s by default;
/// 0 checks once, negative waits a week) covers all objects. Waiting moves the cluster's clock.
struct WaitCommand: KubectlCommand {
    static let name = "wait"
    static let help = HelpText.usage("""
        Wait until objects meet a condition: a status condition, a JSONPath value, being created or
        being deleted. Prints 'condition met' for each; a timeout is an error.

        Examples:
          kubectl wait --for=condition=Ready pod/web-0
          kubectl wait --for=condition=Ready=false pod/web-0
          kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 sts/web
          kubectl wait --for=jsonpath='{.status.phase}'=Running pod -l app=nginx
          kubectl wait --for=create pod/web-2 --timeout=60s
          kubectl delete pod/web-0 --wait=false && kubectl wait --for=delete pod/web-0 --timeout=60s

        Options:
          --all=false             every object of the type in the namespace
          -A, --all-namespaces=false  every namespace
          --field-selector=''     only objects whose fields match
          -f, --filename=[]       files naming the objects
          --for=''                create, delete, condition=NAME[=VALUE] or jsonpath='{EXPRESSION}'[=VALUE]
          -o, --output=''         print the objects as json, yaml or name instead of 'condition met'
          -R, --recursive=true    read directories given with -f recursively
          -l, --selector=''       only objects matching the label selector
          --timeout=30s           how long to wait; 0 checks once, a negative value waits a week

        Usage:
          kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]
        """)

    let flags = FlagSet([
        .init("for"), .init("timeout", nil, .string, default: "30s"), .init("all", nil, .bool), .init("all-namespaces", "A", .bool),
        .init("selector", "l"), .init("field-selector"), .init("filename", "f", .stringArray), .init("recursive", "R", .bool, default: "true"),
        .init("kustomize", "k"), .init("local", nil, .bool), .init("output", "o"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
    ])

    /// What `--for` asks.
    enum Condition {
        case delete, create
        case condition(name: String, status: String)
        case jsonPath(JSONPath, value: String?)
    }

    func run(_ call: Invocation) throws -> Int32 {
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        let condition = try Self.condition(call.flags.string("for"))
        let timeout = try Self.timeout(call.flags.string("timeout"))
        let start = call.cluster.now
        let remaining = { max(0, timeout - (call.cluster.now - start)) }
        if case .create = condition {
            // Poll until every named object exists.
            var found = try Self.targets(call)
            if found.objects.isEmpty || !found.errors.isEmpty {
                let outcome = ConditionWait.run(call, timeout: remaining(), resource: found.types.first ?? ResourceRegistry.forKind("Pod")!) {
                    found = (try? Self.targets(call)) ?? found
                    return !found.objects.isEmpty && found.errors.isEmpty
                }
                guard outcome == .met else { return try Self.ended(outcome, what: "timed out waiting for the condition", call: call) }
            }
        }
        let sel = try Self.targets(call)
        let isDelete: Bool = { if case .delete = condition { return true } else { return false } }()
        if !isDelete && !sel.errors.isEmpty { return ErrorReport.finish(lines: sel.errors, call: call) }
        if sel.objects.isEmpty && !isDelete { throw KubectlFailure.error("no matching resources found") }
        for (r, obj) in sel.objects {
            let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
            var latest = obj
            var failure: String?
            let met: () -> Bool = {
                switch condition {
                case .create: return true
                case .delete: return call.store.get(ref)?.uid != obj.uid
                case .condition(let name, let status):
                    guard let now = call.store.get(ref) else { return false }
                    latest = now
                    return Self.conditionMet(now, name: name, status: status)
                case .jsonPath(let path, let value):
                    guard let now = call.store.get(ref) else { return false }
                    latest = now
                    let verdict = Result { () throws(JSONPathError) -> Bool in try Self.jsonPathMet(now, path: path, value: value) }
                    switch verdict {
                    case .success(let ok): return ok
                    case .failure(let e):
                        failure = e.message
                        return true
                    }
                }
            }
            let outcome = ConditionWait.run(call, timeout: remaining(), resource: r, check: met)
            if let failure { throw KubectlFailure.error(failure) }
            guard outcome == .met else {
                return try Self.ended(outcome, what: "timed out waiting for the condition on \(r.plural)/\(obj.name)", call: call)
            }
            if output == .table { call.out("\(r.qualifiedKind)/\(obj.name) condition met\n") }
            else { try ObjectOutput.printEach([(r, latest)], format: output, call: call) }
        }
        return 0
    }

    /// The timeout in cluster time: Go durations; negative means a week, as kubectl takes it.
    static func timeout(_ text: String) throws -> Millis {
        let negative = text.hasPrefix("-")
        guard let ms = Duration.parseGo(negative ? String(text.dropFirst()) : text) else {
            throw KubectlFailure("Error: invalid argument \"\(text)\" for \"--timeout\" flag: time: invalid duration \(KubeAPI.GoFormat.quoted(text))\nSee 'kubectl wait --help' for usage.")
        }
        return negative && ms > 0 ? DeletionWait.week : ms
    }

    static func targets(_ call: Invocation) throws -> ObjectSelection {
        try ObjectSelection.resolve(call, requireNames: true, missingText: ObjectSelection.noResourcesText)
    }

    /// The error (or kubelab's note) for a wait that did not end with the condition met.
    static func ended(_ outcome: ConditionWait.Outcome, what: String, call: Invocation) throws -> Int32 {
        switch outcome {
        case .interrupted: return 130
        case .capped:
            call.err(WaitLimit.message(verb: "wait"))
            return 1
        default: throw KubectlFailure.error(what)
        }
    }

    /// `conditionFuncFor`.
    static func condition(_ text: String) throws -> Condition {
        switch text.lowercased() {
        case "delete": return .delete
        case "create": return .create
        default: break
        }
        if text.hasPrefix("condition=") {
            let rest = text.dropFirst("condition=".count)
            guard let eq = rest.firstIndex(of: "=") else { return .condition(name: String(rest), status: "true") }
            return .condition(name: String(rest[..<eq]), status: String(rest[rest.index(after: eq)...]))
        }
        if text.hasPrefix("jsonpath=") {
            let parts = splitJSONPath(String(text.dropFirst("jsonpath=".count)))
            guard parts.count == 1 || parts.count == 2 else {
                throw KubectlFailure.error("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'")
            }
            let expression = try CustomColumns.relaxedExpression(parts[0])
            var value: String?
            if parts.count == 2 {
                let v = parts[1].trimmingCharacters(in: "'\"")
                guard !v.isEmpty else {
                    throw KubectlFailure.error("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
                }
                value = v
            }
            guard !expression.isEmpty else { throw KubectlFailure.error("jsonpath expression cannot be empty") }
            return .jsonPath(try JSONPath(expression), value: value)
        }
        throw KubectlFailure.error("unrecognized condition: \(KubeAPI.GoFormat.quoted(text))")
    }

    /// Splits on single `=`; `==` stays in the expression.
    static func splitJSONPath(_ input: String) -> [String] {
        var out: [String] = []
        var element = ""
        let chars = Array(input)
        var i = 0
        while i < chars.count {
            if chars[i] == "=" {
                if i + 1 < chars.count && chars[i + 1] == "=" { element += "=="; i += 2; continue }
                out.append(element)
                element = ""
            } else {
                element.append(chars[i])
            }
            i += 1
        }
        return out + [element]
    }

    /// A status condition of that type (case folded) with that status; a condition older than the
    /// object's generation does not count.
    static func conditionMet(_ obj: JSONValue, name: String, status: String) -> Bool {
        for c in obj["status"]["conditions"].items {
            guard let type = c["type"].string, type.lowercased() == name.lowercased(), let s = c["status"].string else { continue }
            if let generation = obj["metadata"]["generation"].int,
               let observed = c["observedGeneration"].int ?? obj["status"]["observedGeneration"].int, observed < generation {
                return false
            }
            return s.lowercased() == status.lowercased()
        }
        return false
    }

    static func jsonPathMet(_ obj: JSONValue, path: JSONPath, value: String?) throws(JSONPathError) -> Bool {
        let results = try path.findResults(obj)
        guard let first = results.first, let result = first.first else { return false }
        if results.count > 1 { throw JSONPathError("given jsonpath expression matches more than one list") }
        if first.count > 1 { throw JSONPathError("given jsonpath expression matches more than one value") }
        guard let value else { return true }
        if result.object != nil || result.array != nil {
            throw JSONPathError("jsonpath leads to a nested object or list which is not supported")
        }
        return JSONPath.text(result).trimmingCharacters(in: " \t\n") == value.trimmingCharacters(in: " \t\n")
    }
}
