import KubeAPI

/// `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME`, built as
/// `create_service.go` builds it: label and selector `app: NAME`, one TCP port per `--tcp`
/// (`port[:targetPort]`, named after the spec with `:` as `-`).
enum CreateService {
    /// Every type takes `--tcp`; ClusterIP, NodePort and ExternalName each have one flag of their own.
    static func flags(for type: String) -> [FlagSet.Spec] {
        let own: [String: FlagSet.Spec] = [
            "ClusterIP": .init("clusterip"), "NodePort": .init("node-port", nil, .int, default: "0"), "ExternalName": .init("external-name"),
        ]
        return [.init("tcp", nil, .stringArray)] + (own[type].map { [$0] } ?? [])
    }

    static let services = ResourceRegistry.forKind("Service")!

    static let types = ["clusterip": "ClusterIP", "nodeport": "NodePort", "loadbalancer": "LoadBalancer", "externalname": "ExternalName"]

    static func run(_ call: Invocation) throws -> Int32 {
        guard let sub = call.args.dropFirst().first, let type = types[sub] else {
            let sub = call.args.dropFirst().first ?? ""
            throw KubectlFailure.usage("Unexpected args: [\(sub)]", command: "create service")
        }
        if type == "ExternalName" { try GeneratedObject.requireFlags("external-name", call: call) }
        let name = try GeneratedObject.name(call, words: 2, command: "service \(sub)")
        let clusterIP = call.flags.string("clusterip")
        let tcp = call.flags.strings("tcp")
        if clusterIP == "None" && type != "ClusterIP" {
            throw KubectlFailure.error("ClusterIP=None can only be used with ClusterIP service type")
        }
        if clusterIP != "None" && tcp.isEmpty && type != "ExternalName" {
            throw KubectlFailure.error("at least one tcp port specifier must be provided")
        }
        let externalName = call.flags.string("external-name")
        if type == "ExternalName" && !NameRules.dns1123Subdomain(externalName).isEmpty {
            throw KubectlFailure.error("invalid service external name \(externalName)")
        }
        let nodePort = call.flags.int("node-port") ?? 0
        var ports: [JSONValue] = []
        for spec in tcp {
            let (port, target) = try parsePorts(spec)
            var p: JSONObject = ["name": .string(spec.replacingOccurrences(of: ":", with: "-"))]
            p.updateValue("TCP", forKey: "protocol")
            p.updateValue(.int(port), forKey: "port")
            p.updateValue(target, forKey: "targetPort")
            if nodePort != 0 { p.updateValue(.int(nodePort), forKey: "nodePort") }
            ports.append(.object(p))
        }
        var spec = JSONObject()
        if !ports.isEmpty { spec.updateValue(.array(ports), forKey: "ports") }
        spec.updateValue(["app": .string(name)], forKey: "selector")
        if !clusterIP.isEmpty { spec.updateValue(.string(clusterIP), forKey: "clusterIP") }
        spec.updateValue(.string(type), forKey: "type")
        if !externalName.isEmpty { spec.updateValue(.string(externalName), forKey: "externalName") }
        return try GeneratedObject.finish(service(name, labels: ["app": name], spec: spec, call: call), as: services, call: call,
                                          failurePrefix: "failed to create \(type) service: ")
    }

    /// A Service as kubectl's generators fill one (create service, expose, run --expose).
    static func service(_ name: String, labels: [String: String]?, spec: JSONObject, call: Invocation) -> JSONValue {
        [
            "kind": "Service", "apiVersion": "v1",
            "metadata": GeneratedObject.metadata(name, call: call, labels: labels),
            "spec": .object(spec), "status": ["loadBalancer": .emptyObject],
        ]
    }

    /// `port[:targetPort]`; the target may be a port name.
    static func parsePorts(_ spec: String) throws -> (Int, JSONValue) {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let port = UInt16(parts[0]) else {
            let outOfRange = !parts[0].isEmpty && parts[0].allSatisfy(\.isASCIIDigit)
            throw KubectlFailure.error("strconv.ParseUint: parsing \(GoQuote.quote(parts[0])): \(outOfRange ? "value out of range" : "invalid syntax")")
        }
        if parts.count == 1 { return (Int(port), .int(Int(port))) }
        if let n = Int(parts[1]) {
            guard (1...65535).contains(n) else { throw KubectlFailure.error("must be between 1 and 65535, inclusive") }
            return (Int(port), .int(n))
        }
        // A named target port; the API server checks the name when the Service is created.
        return (Int(port), .string(parts[1]))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
