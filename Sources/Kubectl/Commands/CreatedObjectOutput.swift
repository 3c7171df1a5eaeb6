import KubeAPI

/// How a `kubectl create <kind> NAME ...` generator ends: with `--dry-run=client` the object as
/// kubectl would send it, otherwise the API server's answer, printed as `-o` asks or as
/// `<kind>.<group>/<name> created`.
enum CreatedObjectOutput {
    static func finish(_ object: JSONValue, as resource: ResourceType, call: Invocation) throws -> Int32 {
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call.flags.string("output"), allowed: .objectPrinters)
        var object = object
        if call.flags.bool("save-config") {
            object["metadata"]["annotations"][ThreeWayMerge.lastAppliedKey] = .string(ThreeWayMerge.annotationValue(for: object))
        }
        var result = object
        if dryRun != .client {
            var sent = object
            sent["metadata"]["namespace"] = .string(call.namespace)
            do {
                result = try call.cluster.api.create(sent, as: resource, dryRun: dryRun == .server)
            } catch {
                throw KubectlFailure.error("failed to create \(resource.kind.lowercased()): \(error.message)")
            }
        }
        if dryRun == .client && output == .json {
            call.out(JSONText.prettyInFieldOrder(result))
        } else if output != .table {
            try ObjectOutput.print([(resource, result)], format: output, call: call)
        } else {
            call.out("\(resource.qualifiedKind)/\(result.name) created\(dryRun.suffix)\n")
        }
        return 0
    }

    /// The one NAME a generator takes (kubectl's NameFromCommandArgs).
    static func name(_ call: Invocation, command: String) throws -> String {
        let names = Array(call.args.dropFirst())
        guard names.count == 1, let name = names.first else {
            throw KubectlFailure("error: exactly one NAME is required, got \(names.count)\nSee 'kubectl create \(command) -h' for help and examples")
        }
        return name
    }

    /// A container as kubectl's generators write it: name, image, command, empty resources.
    static func container(name: String, image: String, command: [String]) -> JSONValue {
        var container: JSONValue = ["name": .string(name), "image": .string(image)]
        if !command.isEmpty { container["command"] = .array(command.map { .string($0) }) }
        container["resources"] = .emptyObject
        return container
    }
}
