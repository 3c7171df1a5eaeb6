import KubeAPI

/// `kubectl expose TYPE NAME`: a Service for a pod, service, deployment, replica set or
/// replication controller, built as expose.go's `createService` builds it. The selector, ports,
/// protocols and labels are taken from the exposed object when no flag gives them
/// (polymorphichelpers' MapBasedSelectorForObject, PortsForObject, MultiProtocolsForObject).
struct ExposeCommand: KubectlCommand {
    static let name = "expose"
    static let help = HelpText.usage("""
        Expose a resource as a new Kubernetes service: the selector of the pod, service, deployment,
        replica set or replication controller becomes the service's selector. Without --port the
        exposed resource's ports are used; without --labels its labels.

        Examples:
          kubectl expose deployment nginx --port=80 --target-port=8000
          kubectl expose pod valid-pod --port=444 --name=frontend
          kubectl expose deployment web --type=NodePort --port=80

        Options:
          --port=''               the port the service serves on
          --target-port=''        name or number of the container port to direct traffic to
          --protocol=''           TCP, UDP or SCTP (default TCP)
          --type=''               ClusterIP, NodePort, LoadBalancer or ExternalName
          --name=''               the service's name (default: the exposed resource's)
          --selector=''           an equality-based selector, instead of the resource's
          -l, --labels=''         labels for the service
          --cluster-ip=''         the cluster IP, or None for a headless service
          --external-ip=''        an external IP to accept for the service
          --session-affinity=''   None or ClientIP
          --overrides=''          inline JSON applied to the generated service
          --dry-run='none'        none, client or server
          -o, --output=''         yaml, json, name, jsonpath=...

        Usage:
          kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]
        """)

    let flags = FlagSet([
        .init("protocol"), .init("port"), .init("type"), .init("load-balancer-ip"), .init("selector"), .init("labels", "l"),
        .init("target-port"), .init("external-ip"), .init("name"), .init("session-affinity"), .init("cluster-ip"),
        .init("field-manager", nil, .string, default: "kubectl-expose"), .init("overrides"),
        .init("override-type", nil, .string, default: "merge"), .init("dry-run", nil, .string, default: "none"),
        .init("save-config", nil, .bool), ChangeCause.flag, .init("filename", "f", .stringArray),
        .init("recursive", "R", .bool), .init("kustomize", "k"), .init("output", "o"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
    ])

    static let services = CreateService.services
    /// canBeExposed's kinds.
    static let exposable: Set<String> = ["Pod", "Service", "ReplicationController", "Deployment", "ReplicaSet"]

    func run(_ call: Invocation) throws -> Int32 {
        _ = try DryRun.parse(call.flags.string("dry-run"))
        _ = try OutputFormat.parse(call, allowed: .objectPrinters)
        // --selector is the new service's, not a filter on what to expose.
        var lookup = call.flags
        lookup.values["selector"] = nil
        let sel = try ObjectSelection.resolve(Invocation(kubectl: call.kubectl, flags: lookup, io: call.io),
                                              missingText: ObjectSelection.noResourcesText)
        if let first = sel.errors.first { throw KubectlFailure(first) }
        for (r, obj) in sel.objects {
            guard Self.exposable.contains(r.kind) else {
                throw KubectlFailure.error("cannot expose a \(r.kind)\(r.group.isEmpty ? "" : "." + r.group)")
            }
            var service = try Self.service(for: obj, kind: r.kind, call: call)
            if call.flags.isSet("overrides") {
                service = try Overrides.apply(service, fragment: call.flags.string("overrides"), type: call.flags.string("override-type"),
                                              kind: "Service")
            }
            let status = try GeneratedObject.finish(service, as: Self.services, call: call, failurePrefix: nil, operation: "exposed",
                                                    cause: ChangeCause(command: Self.name, flags: call.flags))
            if status != 0 { return status }
        }
        return 0
    }

    /// RunExpose for one object, up to the overrides.
    static func service(for obj: JSONValue, kind: String, call: Invocation) throws -> JSONValue {
        let f = call.flags
        var selectorText = f.string("selector")
        if selectorText.isEmpty {
            do { selectorText = try mapBasedSelector(of: obj, kind: kind) } catch let e as KubectlFailure {
                throw KubectlFailure.error("couldn't retrieve selectors via --selector flag or introspection: \(e.text)")
            }
        }
        let headless = f.string("cluster-ip") == "None"
        var port = f.string("port"), ports = ""
        if port.isEmpty {
            let found = portsOf(obj, kind: kind)
            switch found.count {
            case 0: if !headless { throw KubectlFailure.error("couldn't find port via --port flag or introspection") }
            case 1: port = found[0]
            default: ports = found.joined(separator: ",")
            }
        }
        let protocols = protocolsOf(obj, kind: kind)
        var labelsText = f.string("labels")
        if labelsText.isEmpty { labelsText = makeLabels(obj["metadata"]["labels"].stringMap) }

        return try generate(name: f.string("name").isEmpty ? String(obj.name.prefix(63)) : f.string("name"), selector: selectorText,
                            labels: labelsText, port: ports.isEmpty ? port : ports, protocols: protocols, call: call)
    }

    /// createService (and the ServiceGeneratorV2 `kubectl run --expose` uses, which does the same):
    /// the Service from the selector and label texts, the port list and each port's protocols
    /// found on the exposed object; the other fields come from the flags, when the command has them.
    static func generate(name: String, selector selectorText: String, labels labelsText: String, port portString: String,
                         protocols: [String: [String]], call: Invocation) throws -> JSONValue {
        let f = call.flags
        guard !selectorText.isEmpty else { throw KubectlFailure.error("selector must be specified") }
        let selector = try GeneratorParameters.labels(selectorText)
        let labels = labelsText.isEmpty ? nil : try GeneratorParameters.labels(labelsText)
        guard !name.isEmpty else { throw KubectlFailure.error("name must be specified") }
        let proto = f.string("protocol")
        var servicePorts: [JSONValue] = []
        if !portString.isEmpty {
            let each = portString.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for (i, text) in each.enumerated() {
                let number = try GeneratorParameters.port(text)
                let portName = each.count > 1 ? "port-\(i + 1)" : ""
                var chosen = proto
                if proto.isEmpty {
                    chosen = "TCP"
                    if let exposed = protocols[text] {
                        if exposed.count > 1 {
                            for p in exposed { servicePorts.append(servicePort(name: "port-\(i + 1)-\(p.lowercased())", protocol: p, port: number)) }
                            continue
                        }
                        chosen = exposed[0]
                    }
                }
                servicePorts.append(servicePort(name: portName, protocol: chosen, port: number))
            }
        }
        let target = f.string("target-port")
        for i in servicePorts.indices {
            if target.isEmpty {
                servicePorts[i]["targetPort"] = servicePorts[i]["port"]
            } else {
                servicePorts[i]["targetPort"] = Int32(target).map { .int(Int($0)) } ?? .string(target)
            }
        }
        var spec = JSONObject()
        if !servicePorts.isEmpty { spec.updateValue(.array(servicePorts), forKey: "ports") }
        spec.updateValue(.stringMap(selector), forKey: "selector")
        let clusterIP = f.string("cluster-ip")
        if !clusterIP.isEmpty { spec.updateValue(.string(clusterIP), forKey: "clusterIP") }
        let type = f.string("type")
        if !type.isEmpty { spec.updateValue(.string(type), forKey: "type") }
        let externalIP = f.string("external-ip")
        if !externalIP.isEmpty { spec.updateValue([.string(externalIP)], forKey: "externalIPs") }
        let affinity = f.string("session-affinity")
        if !affinity.isEmpty {
            guard affinity == "None" || affinity == "ClientIP" else { throw KubectlFailure.error("unknown session affinity: \(affinity)") }
            spec.updateValue(.string(affinity), forKey: "sessionAffinity")
        }
        let loadBalancerIP = f.string("load-balancer-ip")
        if type == "LoadBalancer" && !loadBalancerIP.isEmpty { spec.updateValue(.string(loadBalancerIP), forKey: "loadBalancerIP") }
        return CreateService.service(name, labels: labels, spec: spec, call: call)
    }

    private static func servicePort(name: String, protocol: String, port: Int) -> JSONValue {
        var p = JSONObject()
        if !name.isEmpty { p.updateValue(.string(name), forKey: "name") }
        p.updateValue(.string(`protocol`), forKey: "protocol")
        p.updateValue(.int(port), forKey: "port")
        return .object(p)
    }

    /// mapBasedSelectorForObject.
    static func mapBasedSelector(of obj: JSONValue, kind: String) throws -> String {
        switch kind {
        case "Pod":
            let labels = obj["metadata"]["labels"].stringMap
            if labels.isEmpty { throw KubectlFailure("the pod has no labels and cannot be exposed") }
            return makeLabels(labels)
        case "Service":
            if obj["spec"]["selector"].isNull { throw KubectlFailure("the service has no pod selector set") }
            return makeLabels(obj["spec"]["selector"].stringMap)
        case "ReplicationController":
            return makeLabels(obj["spec"]["selector"].stringMap)
        default:
            let selector = obj["spec"]["selector"]
            let noun = kind == "Deployment" ? "deployment" : "replicaset"
            if selector["matchLabels"].stringMap.isEmpty {
                throw KubectlFailure("invalid \(noun): no selectors, therefore cannot be exposed")
            }
            let expressions = selector["matchExpressions"].items
            if !expressions.isEmpty {
                // Go's %+v of []LabelSelectorRequirement.
                let text = expressions.map { e in
                    "{Key:\(e["key"].string ?? "") Operator:\(e["operator"].string ?? "") Values:[\(e["values"].items.compactMap(\.string).joined(separator: " "))]}"
                }.joined(separator: " ")
                throw KubectlFailure("couldn't convert expressions - \"[\(text)]\" to map-based selector format")
            }
            return makeLabels(selector["matchLabels"].stringMap)
        }
    }

    /// The pod spec whose container ports an object exposes, or nil for a Service.
    private static func podSpec(of obj: JSONValue, kind: String) -> JSONValue? {
        switch kind {
        case "Pod": obj["spec"]
        case "Service": nil
        default: obj["spec"]["template"]["spec"]
        }
    }

    /// portsForObject: every container's ports, or a service's.
    static func portsOf(_ obj: JSONValue, kind: String) -> [String] {
        guard let spec = podSpec(of: obj, kind: kind) else { return obj["spec"]["ports"].items.compactMap { $0["port"].int.map(String.init) } }
        return spec["containers"].items.flatMap { $0["ports"].items.compactMap { $0["containerPort"].int.map(String.init) } }
    }

    /// multiProtocolsForObject: each port's protocols (TCP where none is written).
    static func protocolsOf(_ obj: JSONValue, kind: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        let ports: [(Int?, String?)]
        if let spec = podSpec(of: obj, kind: kind) {
            ports = spec["containers"].items.flatMap { $0["ports"].items.map { ($0["containerPort"].int, $0["protocol"].string) } }
        } else {
            ports = obj["spec"]["ports"].items.map { ($0["port"].int, $0["protocol"].string) }
        }
        for (port, proto) in ports {
            guard let port else { continue }
            result[String(port), default: []].append(proto.flatMap { $0.isEmpty ? nil : $0 } ?? "TCP")
        }
        return result
    }

    /// MakeLabels; the order does not matter, the text is parsed back into a map.
    static func makeLabels(_ labels: [String: String]) -> String {
        labels.keys.sorted().map { "\($0)=\(labels[$0] ?? "")" }.joined(separator: ",")
    }

}
