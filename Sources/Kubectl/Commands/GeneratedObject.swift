import KubeAPI

/// What every `kubectl create <generator>` does with the object it built: with `--dry-run=client`
/// print it as built (no defaults, `creationTimestamp: null`, namespace only when `-n` was given,
/// `-o json` in the Go struct's field order); otherwise send it (in the request's namespace) and print
/// what the server returned; `<kind>/<name> created` without `-o`.
enum GeneratedObject {
    /// - Parameter failurePrefix: the generator's wrapping of a server error (`failed to create
    ///   deployment: `), or nil when kubectl prints the server's error as it is.
    ///   - operation: the name printer's word (`exposed` for kubectl expose).
    ///   - cause: `--record`'s, for the commands that have it (expose records before `--save-config`).
    static func finish(_ object: JSONValue, as resource: ResourceType, call: Invocation, failurePrefix: String?,
                       operation: String = "created", cause: ChangeCause? = nil) throws -> Int32 {
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        var object = object
        cause?.record(&object)
        if call.flags.bool("save-config") {
            object["metadata"]["annotations"][ThreeWayMerge.lastAppliedKey] = .string(ThreeWayMerge.annotationValue(for: object))
        }
        var result = object
        if dryRun != .client {
            var sent = object
            if resource.namespaced { sent["metadata"]["namespace"] = .string(call.namespace) }
            do {
                result = try call.api.create(sent, as: resource, dryRun: dryRun == .server)
            } catch {
                // The generators wrap `err.Error()`, the server's Status message.
                if let failurePrefix { throw KubectlFailure.error(failurePrefix + error.statusMessage) }
                throw error
            }
        }
        if dryRun == .client && output == .json {
            call.out(JSONText.prettyInFieldOrder(result))
        } else if output != .table {
            try ObjectOutput.print([(resource, result)], format: output, call: call, fieldOrder: dryRun == .client)
        } else {
            call.out("\(resource.qualifiedKind)/\(result.name) \(operation)\(dryRun.suffix)\n")
        }
        return 0
    }

    /// `metadata` as the generators fill `ObjectMeta`: name, namespace (only with `-n`), the null
    /// creation timestamp, then labels.
    static func metadata(_ name: String, call: Invocation, namespaced: Bool = true, labels: [String: String]? = nil) -> JSONValue {
        var m: JSONObject = ["name": .string(name)]
        if namespaced && call.namespaceExplicit { m.updateValue(.string(call.namespace), forKey: "namespace") }
        m.updateValue(.null, forKey: "creationTimestamp")
        if let labels { m.updateValue(.stringMap(labels), forKey: "labels") }
        return .object(m)
    }

    /// `NameFromCommandArgs`: exactly one name after the generator's words.
    static func name(_ call: Invocation, words: Int, command: String) throws -> String {
        let names = Array(call.args.dropFirst(words))
        guard names.count == 1, let name = names.first else {
            throw KubectlFailure.usage("exactly one NAME is required, got \(names.count)", command: "create \(command)")
        }
        return name
    }

    /// cobra's `MarkFlagRequired`, which kubectl 1.32 reports through klog: every missing flag in
    /// one message, in name order (`"image", "schedule"`).
    static func requireFlags(_ flags: String..., call: Invocation) throws {
        let missing = flags.sorted().filter { !call.flags.isSet($0) }
        guard missing.isEmpty else {
            let names = missing.map { "\\\"\($0)\\\"" }.joined(separator: ", ")
            throw KubectlFailure(KlogLine.error("run.go:72", "\"command failed\" err=\"required flag(s) \(names) not set\"",
                                                at: call.cluster.now))
        }
    }
}
