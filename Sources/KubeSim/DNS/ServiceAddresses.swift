import KubeAPI

/// One address a Service's Endpoints publish, with the DNS label CoreDNS gives it.
public struct ServiceEndpointAddress: Equatable, Sendable {
    public var ip: String
    /// `addr.hostname` (StatefulSet pods: `web-0`), or the dashed IP when the address has none,
    /// as CoreDNS's `endpointHostname` does.
    public var label: String
    /// The pod behind the address (from `targetRef`), when known.
    public var podName: String?
    /// The ports of the subset this address was listed in.
    public var ports: [JSONValue]
}

/// Reads Service and Endpoints objects the way CoreDNS's kubernetes plugin sees them.
public enum ServiceAddresses {
    static let resourceServices = ResourceRegistry.forKind("Service")!
    static let resourceEndpoints = ResourceRegistry.forKind("Endpoints")!
    static let resourcePods = ResourceRegistry.forKind("Pod")!

    /// `clusterIP: None`.
    public static func isHeadless(_ service: JSONValue) -> Bool {
        service["spec"]["clusterIP"].string == "None"
    }

    /// The service's virtual IPs (none for headless and ExternalName services).
    public static func clusterIPs(_ service: JSONValue) -> [String] {
        var ips = service["spec"]["clusterIPs"].items.compactMap(\.string)
        if ips.isEmpty, let ip = service["spec"]["clusterIP"].string { ips = [ip] }
        return ips.filter { $0 != "None" && !$0.isEmpty && IPv4Text.isValid($0) }
    }

    /// The addresses DNS serves for a service: ready ones, plus not-ready ones when the service
    /// sets `publishNotReadyAddresses` (the endpoints controller already lists those as ready then;
    /// reading both keeps DNS right whichever way the Endpoints were written). Each IP once, in
    /// the order the Endpoints list them.
    public static func served(_ endpoints: JSONValue?, service: JSONValue?, store: ObjectStore) -> [ServiceEndpointAddress] {
        guard let endpoints else { return [] }
        let includeNotReady = service?["spec"]["publishNotReadyAddresses"].bool == true
        let serviceName = endpoints.name
        let namespace = endpoints.namespace ?? "default"
        var seen: Set<String> = []
        var out: [ServiceEndpointAddress] = []
        for subset in endpoints["subsets"].items {
            var addresses = subset["addresses"].items
            if includeNotReady { addresses += subset["notReadyAddresses"].items }
            let ports = subset["ports"].items
            for address in addresses {
                guard let ip = address["ip"].string, IPv4Text.isValid(ip), seen.insert(ip).inserted else { continue }
                let podName = address["targetRef"]["kind"].string == "Pod" ? address["targetRef"]["name"].string : nil
                var label = address["hostname"].string ?? ""
                if label.isEmpty, let podName,
                   let pod = store.get(resourcePods, namespace: address["targetRef"]["namespace"].string ?? namespace, name: podName),
                   let hostname = pod["spec"]["hostname"].string, !hostname.isEmpty,
                   pod["spec"]["subdomain"].string == serviceName {
                    // Endpoints written without `hostname`: derive it the way the controller would.
                    label = hostname
                }
                if label.isEmpty { label = IPv4Text.dashed(ip) }
                out.append(ServiceEndpointAddress(ip: ip, label: label.lowercased(), podName: podName, ports: ports))
            }
        }
        return out
    }
}

/// Dotted-quad helpers (IPv4 only: the simulated cluster is single-stack).
public enum IPv4Text {
    public static func octets(_ text: String) -> [Int]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [Int] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isASCII), let v = Int(p), v >= 0, v <= 255 else { return nil }
            out.append(v)
        }
        return out
    }

    public static func isValid(_ text: String) -> Bool { octets(text) != nil }

    /// `10.244.1.5` → `10-244-1-5`.
    public static func dashed(_ ip: String) -> String { String(ip.map { $0 == "." ? "-" : $0 }) }

    /// `10-244-1-5` → `10.244.1.5` when it is a valid address.
    public static func undashed(_ label: String) -> String? {
        let ip = String(label.map { $0 == "-" ? "." : $0 })
        return isValid(ip) ? ip : nil
    }

    /// `10.244.1.5` → `5.1.244.10.in-addr.arpa`.
    public static func reverseName(_ ip: String) -> String? {
        guard let o = octets(ip) else { return nil }
        return "\(o[3]).\(o[2]).\(o[1]).\(o[0]).in-addr.arpa"
    }

    /// `5.1.244.10.in-addr.arpa` → `10.244.1.5`.
    public static func address(fromReverseName name: String) -> String? {
        let suffix = ".in-addr.arpa"
        guard name.hasSuffix(suffix) else { return nil }
        let parts = name.dropLast(suffix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let ip = parts.reversed().joined(separator: ".")
        return isValid(ip) ? ip : nil
    }
}
