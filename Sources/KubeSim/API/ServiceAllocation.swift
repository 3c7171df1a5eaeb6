import KubeAPI

/// The Service registry's allocators: a cluster IP from the service CIDR and node ports from the
/// node-port range, chosen at random among free values as the real bitmap allocators do.
enum ServiceAllocation {
    /// 10.96.0.0/12, kubeadm's default service CIDR.
    static let serviceNetwork: UInt32 = 0x0A60_0000
    static let serviceNetworkSize: UInt32 = 1 << 20
    static let serviceCIDR = "10.96.0.0/12"
    /// The lower band of the range is kept for static addresses; dynamic ones come from above it.
    static let staticBand: UInt32 = 256
    static let nodePortRange = 30000...32767

    static func prepareForCreate(_ object: JSONValue, in cluster: Cluster) throws(APIError) -> JSONValue {
        var svc = object
        if svc["spec"]["type"].isNull { svc["spec"]["type"] = "ClusterIP" }
        let type = svc["spec"]["type"].string ?? "ClusterIP"
        if type != "ExternalName" {
            try allocateClusterIP(&svc, in: cluster)
        }
        if type == "NodePort" || type == "LoadBalancer" {
            try allocateNodePorts(&svc, old: nil, in: cluster)
        }
        return svc
    }

    static func prepareForUpdate(_ object: JSONValue, old: JSONValue, in cluster: Cluster) throws(APIError) -> JSONValue {
        var svc = object
        if svc["spec"]["type"].isNull { svc["spec"]["type"] = "ClusterIP" }
        let type = svc["spec"]["type"].string ?? "ClusterIP"
        let oldIP = old["spec"]["clusterIP"].string ?? ""
        if type != "ExternalName" && !oldIP.isEmpty {
            let given = svc["spec"]["clusterIP"].string ?? ""
            if !given.isEmpty && given != oldIP {
                throw invalid(svc, "spec.clusterIPs[0]", "[]string{\"\(given)\"}", "may not change once set")
            }
            for key in ["clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"] where svc["spec"][key].isNull {
                svc["spec"][key] = old["spec"][key]
            }
        } else if type != "ExternalName" {
            try allocateClusterIP(&svc, in: cluster)
        }
        if type == "NodePort" || type == "LoadBalancer" {
            try allocateNodePorts(&svc, old: old, in: cluster)
        }
        return svc
    }

    // MARK: Cluster IPs

    private static func allocateClusterIP(_ svc: inout JSONValue, in cluster: Cluster) throws(APIError) {
        let requested = svc["spec"]["clusterIP"].string ?? svc["spec"]["clusterIPs"][0].string ?? ""
        if requested == "None" {
            svc["spec"]["clusterIP"] = "None"
            svc["spec"]["clusterIPs"] = ["None"]
        } else {
            let used = allocatedClusterIPs(cluster.store, except: svc)
            var address: UInt32
            if requested.isEmpty {
                let free = Int(serviceNetworkSize - staticBand - 1) - used.count
                guard free > 0 else {
                    throw APIError(.internalError, "failed to allocate a serviceIP: range is full")
                }
                repeat {
                    address = serviceNetwork + UInt32(cluster.rng.int(in: Int(staticBand)...Int(serviceNetworkSize - 2)))
                } while used.contains(address)
            } else {
                let value = "[]string{\"\(requested)\"}"
                guard let ip = IPv4.parse(requested) else {
                    throw invalid(svc, "spec.clusterIPs[0]", value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")
                }
                guard ip > serviceNetwork && ip < serviceNetwork + serviceNetworkSize - 1 else {
                    throw invalid(svc, "spec.clusterIPs", value, "failed to allocate IP \(requested): the provided IP (\(requested)) "
                        + "is not in the valid range. The range of valid IPs is \(serviceCIDR)")
                }
                if used.contains(ip) {
                    throw invalid(svc, "spec.clusterIPs", value, "failed to allocate IP \(requested): provided IP is already allocated")
                }
                address = ip
            }
            let text = IPv4.format(address)
            svc["spec"]["clusterIP"] = .string(text)
            svc["spec"]["clusterIPs"] = [.string(text)]
        }
        if svc["spec"]["ipFamilies"].isNull { svc["spec"]["ipFamilies"] = ["IPv4"] }
        if svc["spec"]["ipFamilyPolicy"].isNull { svc["spec"]["ipFamilyPolicy"] = "SingleStack" }
    }

    private static func allocatedClusterIPs(_ store: ObjectStore, except svc: JSONValue) -> Set<UInt32> {
        guard let svcType = ResourceRegistry.forKind("Service") else { return [] }
        var used: Set<UInt32> = []
        for other in store.list(svcType) where !(other.name == svc.name && other.namespace == svc.namespace) {
            for ip in other["spec"]["clusterIPs"].items { if let s = ip.string, let v = IPv4.parse(s) { used.insert(v) } }
            if let s = other["spec"]["clusterIP"].string, let v = IPv4.parse(s) { used.insert(v) }
        }
        return used
    }

    // MARK: Node ports

    private static func allocateNodePorts(_ svc: inout JSONValue, old: JSONValue?, in cluster: Cluster) throws(APIError) {
        var used = allocatedNodePorts(cluster.store, except: svc)
        var ports = svc["spec"]["ports"].items
        let oldPorts = old?["spec"]["ports"].items ?? []
        for i in ports.indices {
            if ports[i]["nodePort"].isNull,
                let previous = oldPorts.first(where: { $0["port"] == ports[i]["port"] && $0["protocol"] == ports[i]["protocol"] }),
                let kept = previous["nodePort"].int
            {
                ports[i]["nodePort"] = .int(kept)
            }
            if let requested = ports[i]["nodePort"].int {
                guard nodePortRange.contains(requested) else {
                    throw invalid(svc, "spec.ports[\(i)].nodePort", String(requested),
                                  "provided port is not in the valid range. The range of valid ports is 30000-32767")
                }
                if used.contains(requested) {
                    throw invalid(svc, "spec.ports[\(i)].nodePort", String(requested), "provided port is already allocated")
                }
                used.insert(requested)
                continue
            }
            guard used.filter({ nodePortRange.contains($0) }).count < nodePortRange.count else {
                throw APIError(.internalError, "failed to allocate a nodePort: range is full")
            }
            var port: Int
            repeat { port = cluster.rng.int(in: nodePortRange) } while used.contains(port)
            used.insert(port)
            ports[i]["nodePort"] = .int(port)
        }
        if !ports.isEmpty { svc["spec"]["ports"] = .array(ports) }
        if svc["spec"]["externalTrafficPolicy"].isNull { svc["spec"]["externalTrafficPolicy"] = "Cluster" }
    }

    private static func allocatedNodePorts(_ store: ObjectStore, except svc: JSONValue) -> Set<Int> {
        guard let svcType = ResourceRegistry.forKind("Service") else { return [] }
        var used: Set<Int> = []
        for other in store.list(svcType) where !(other.name == svc.name && other.namespace == svc.namespace) {
            for p in other["spec"]["ports"].items { if let n = p["nodePort"].int { used.insert(n) } }
        }
        return used
    }

    private static func invalid(_ svc: JSONValue, _ path: String, _ value: String, _ detail: String) -> APIError {
        .invalid(kind: "Service", name: svc.name, causes: [FieldError(path, .invalid(value: value), detail)])
    }
}
