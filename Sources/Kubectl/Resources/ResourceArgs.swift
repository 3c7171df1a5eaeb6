import KubeAPI

/// What `kubectl VERB` arguments name: `TYPE`, `TYPE NAME...`, `TYPE1,TYPE2 [NAME...]`,
/// `TYPE/NAME ...`, or the `all` category (cli-runtime's ResourceTypeOrNameArgs).
struct ResourceRequest {
    var resource: ResourceType
    /// Empty means "every object of this type" (subject to selectors).
    var names: [String]
}

enum ResourceArgs {
    static func parse(_ args: [String]) throws -> [ResourceRequest] {
        guard let first = args.first else { return [] }
        if args.contains(where: { $0.contains("/") }) {
            guard args.allSatisfy({ $0.contains("/") }) else {
                throw KubectlFailure.error("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'")
            }
            var out: [ResourceRequest] = []
            for a in args {
                let (typeName, name) = try splitTypeName(a)
                let r = try resolve(typeName)
                if let last = out.last, last.resource == r { out[out.count - 1].names.append(name) }
                else { out.append(ResourceRequest(resource: r, names: [name])) }
            }
            return out
        }
        var types: [ResourceType] = []
        for t in first.split(separator: ",", omittingEmptySubsequences: true).map(String.init) {
            if t == "all" {
                for r in ResourceRegistry.category("all") where !types.contains(r) { types.append(r) }
            } else {
                let r = try resolve(t)
                if !types.contains(r) { types.append(r) }
            }
        }
        if first.hasSuffix(",") || first.hasPrefix(",") || first.contains(",,") || types.isEmpty {
            throw KubectlFailure.error("the server doesn't have a resource type \"\"")
        }
        let names = Array(args.dropFirst())
        return types.map { ResourceRequest(resource: $0, names: names) }
    }

    /// cli-runtime's `splitResourceTypeName` for a `TYPE/NAME` argument: both parts present, one slash.
    static func splitTypeName(_ argument: String) throws -> (type: String, name: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 2 { throw KubectlFailure.error("arguments in resource/name form may not have more than one slash") }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw KubectlFailure.error("arguments in resource/name form must have a single resource and name")
        }
        return (String(parts[0]), String(parts[1]))
    }

    static func resolve(_ typeName: String) throws -> ResourceType {
        guard let r = ResourceRegistry.lookup(typeName) else {
            if let unserved = UnservedResources.lookup(typeName) { throw KubectlFailure.error(unserved.notSimulatedMessage) }
            throw KubectlFailure.error("the server doesn't have a resource type \(KubeAPI.GoFormat.quoted(typeName))")
        }
        return r
    }
}
