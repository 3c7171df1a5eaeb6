import KubeAPI

/// `kubectl create secret generic` and `kubectl create configmap`: objects built from
/// `--from-literal`, `--from-file` and `--from-env-file`.
enum CreateSubcommands {
    static let flags: [FlagSet.Spec] = [
        .init("from-literal", nil, .stringArray), .init("from-file", nil, .stringArray), .init("from-env-file", nil, .stringArray),
        .init("type"), .init("append-hash", nil, .bool),
    ]

    static func run(_ call: Invocation) throws -> Int32 {
        var args = call.args
        let kind = args.removeFirst()
        let resource: ResourceType
        switch kind {
        case "secret":
            guard args.first == "generic" else {
                let sub = args.first ?? ""
                throw KubectlFailure.error(sub.isEmpty ? "Required resource not specified." : "kubelab supports 'kubectl create secret generic'; '\(sub)' secrets are not available")
            }
            args.removeFirst()
            resource = ResourceRegistry.forKind("Secret")!
        case "configmap", "cm":
            resource = ResourceRegistry.forKind("ConfigMap")!
        default:
            throw KubectlFailure.error("kubelab does not simulate \"kubectl create \(kind)\" yet")
        }
        guard let name = args.first else {
            throw KubectlFailure.error("exactly one NAME is required, got 0")
        }
        guard args.count == 1 else { throw KubectlFailure.error("exactly one NAME is required, got \(args.count)") }
        var data: [(String, [UInt8])] = []
        func add(_ key: String, _ value: [UInt8]) throws {
            if data.contains(where: { $0.0 == key }) {
                throw KubectlFailure.error("cannot add key \(key), another key by that name already exists in Data for \(resource.kind) \"\(name)\"")
            }
            data.append((key, value))
        }
        for literal in call.flags.values["from-literal"] ?? [] {
            guard let eq = literal.firstIndex(of: "="), eq != literal.startIndex else {
                throw KubectlFailure.error("invalid literal source \(literal), expected key=value")
            }
            try add(String(literal[..<eq]), Array(literal[literal.index(after: eq)...].utf8))
        }
        for source in call.flags.values["from-file"] ?? [] {
            var key: String?
            var path = source
            if let eq = source.firstIndex(of: "=") { key = String(source[..<eq]); path = String(source[source.index(after: eq)...]) }
            switch call.kubectl.files.read(path) {
            case .file(let bytes):
                try add(key ?? String(path.split(separator: "/").last ?? Substring(path)), bytes)
            case .directory(let names):
                for n in names {
                    if case .file(let bytes) = call.kubectl.files.read(path + "/" + n) { try add(n, bytes) }
                }
            default:
                throw KubectlFailure.error("error reading \(path): no such file or directory")
            }
        }
        for path in call.flags.values["from-env-file"] ?? [] {
            guard case .file(let bytes) = call.kubectl.files.read(path) else {
                throw KubectlFailure.error("error reading \(path): no such file or directory")
            }
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let l = line.trimmingCharacters(in: " \t\r")
                guard !l.isEmpty, !l.hasPrefix("#") else { continue }
                let parts = l.split(separator: "=", maxSplits: 1).map(String.init)
                try add(parts[0], Array((parts.count > 1 ? parts[1] : "").utf8))
            }
        }
        var object: JSONValue = ["apiVersion": "v1", "kind": .string(resource.kind), "metadata": ["name": .string(name)]]
        object["metadata"]["namespace"] = .string(call.namespace)
        var dataObject = JSONValue.emptyObject
        for (k, v) in data.sorted(by: { $0.0 < $1.0 }) {
            dataObject[k] = resource.kind == "Secret" ? .string(Base64.encode(v)) : .string(String(decoding: v, as: UTF8.self))
        }
        if !data.isEmpty { object["data"] = dataObject }
        if resource.kind == "Secret" { object["type"] = .string(call.flags.isSet("type") ? call.flags.string("type") : "Opaque") }
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call.flags.string("output"), allowed: .objectPrinters)
        let created: JSONValue
        do {
            created = try call.api.create(object, as: resource, dryRun: dryRun != .none)
        } catch {
            // The generators wrap server errors: `error: failed to create secret secrets "x" already exists`.
            throw KubectlFailure.error("failed to create \(resource.kind.lowercased()) \(error.message)")
        }
        if output != .table {
            try ObjectOutput.print([(resource, created)], format: output, call: call)
        } else {
            call.out("\(resource.qualifiedKind)/\(name) created\(dryRun.suffix)\n")
        }
        return 0
    }
}
