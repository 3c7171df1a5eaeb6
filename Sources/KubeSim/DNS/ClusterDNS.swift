import KubeAPI

/// The cluster's CoreDNS, answering from the store: Services (ClusterIP and headless), per-pod
/// names behind a Service, pod IP names, SRV and PTR records, as the kubeadm Corefile configures
/// it (`kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure }`, `loadbalance`, TTL 30).
///
/// Every answer is computed from the current store objects (forward names through keyed
/// `get`s, reverse names through an index the store's watch keeps current), so DNS follows
/// pods as soon as the Endpoints change, with nothing cached that could go stale.
///
/// Names outside `cluster.local` would be forwarded upstream (`forward . /etc/resolv.conf`).
/// kubelab runs offline and has no upstream, so names under a real public top-level domain
/// (`google.com`) get SERVFAIL — what CoreDNS answers when its upstream cannot be reached.
/// Names whose last label is no public TLD (`web-9.nginx.`, `hello.`, the last step of every
/// search-path walk) get NXDOMAIN, as the root servers would say, so `nslookup web-9.nginx`
/// prints NXDOMAIN like a real cluster. The DNS service itself is always reachable, so tools
/// never print "no servers could be reached".
public final class ClusterDNS {
    /// The kube-dns Service's ClusterIP, every pod's `nameserver`.
    public static let nameserver = "10.96.0.10"
    public static let zone = "cluster.local"
    /// kubeadm's Corefile `ttl 30`.
    public static let ttl = 30
    /// kubelet writes `options ndots:5`.
    public static let ndots = 5

    /// Held strongly: the server lives as long as someone asks it questions; the store's watch
    /// holds only the index, so there is no cycle.
    public let cluster: Cluster
    private var store: ObjectStore? { cluster.store }
    private let index: DNSAddressIndex
    private var watchToken = 0

    /// Creates the DNS server of `cluster`. Create one per cluster and share it: it keeps a
    /// store watch for its reverse index.
    public init(cluster: Cluster) {
        self.cluster = cluster
        let index = DNSAddressIndex(store: cluster.store, zone: Self.zone)
        self.index = index
        let store = cluster.store
        watchToken = store.watch({ DNSAddressIndex.indexedKinds.contains($0.kind) }) { [weak store] event in
            guard let store else { return }
            index.apply(event, store: store)
        }
    }

    deinit { cluster.store.unwatch(watchToken) }

    // MARK: Resolver configuration

    /// The search path kubelet writes into a pod of `namespace` (dnsPolicy ClusterFirst).
    public static func searchDomains(namespace: String) -> [String] {
        ["\(namespace).svc.\(zone)", "svc.\(zone)", zone]
    }

    /// The pod's `/etc/resolv.conf`.
    public static func resolvConf(namespace: String) -> String {
        "search \(searchDomains(namespace: namespace).joined(separator: " "))\nnameserver \(nameserver)\noptions ndots:\(ndots)\n"
    }

    /// The names a stub resolver tries for `name` typed in a pod of `namespace`, in order:
    /// fewer than ndots dots → each search domain first, then the name itself; otherwise the
    /// name first. A trailing dot means absolute: only the name.
    public static func candidates(for name: String, namespace: String) -> [String] {
        let trimmed = name.lowercased()
        if trimmed.isEmpty { return [] }
        if trimmed.hasSuffix(".") { return [String(trimmed.dropLast())] }
        let dots = trimmed.reduce(0) { $0 + ($1 == "." ? 1 : 0) }
        let searched = searchDomains(namespace: namespace).map { trimmed + "." + $0 }
        return dots >= ndots ? [trimmed] + searched : searched + [trimmed]
    }

    // MARK: Queries

    /// Resolves `name` as typed in a pod of `namespace`, walking the search path until a
    /// question gets records.
    public func resolve(_ name: String, namespace: String, type: DNSRecordType = .a) -> DNSResolution {
        var attempts: [DNSAttempt] = []
        for candidate in Self.candidates(for: name, namespace: namespace) {
            let response = query(candidate, type: type)
            attempts.append(DNSAttempt(name: candidate, response: response))
            if response.hasAnswers { break }
        }
        return DNSResolution(attempts: attempts)
    }

    /// Answers one fully qualified question (a trailing dot is optional).
    public func query(_ rawName: String, type: DNSRecordType = .a) -> DNSResponse {
        var name = rawName.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, name.utf8.count <= 253 else { return .nameError }
        if name.hasSuffix(".in-addr.arpa") || name == "in-addr.arpa" {
            return reverseQuery(name, type: type)
        }
        guard name == Self.zone || name.hasSuffix("." + Self.zone) else { return externalAnswer(name) }
        let labels = name == Self.zone ? [] : name.dropLast(Self.zone.count + 1).split(separator: ".").map(String.init)
        return answer(labels: labels, fqdn: name, type: type)
    }

    /// The PTR target for an IP (`10.96.0.10` → `kube-dns.kube-system.svc.cluster.local`),
    /// as CoreDNS's `serviceRecordForIP`: service IPs first, then endpoint addresses.
    public func reverseName(for ip: String) -> String? {
        if let key = index.service(forClusterIP: ip) { return serviceFQDN(key) }
        if let name = index.endpointName(for: ip) { return name }
        if let builtIn = BuiltInService.all.first(where: { $0.clusterIP == ip }), storedService(builtIn.namespace, builtIn.name) == nil {
            return "\(builtIn.name).\(builtIn.namespace).svc.\(Self.zone)"
        }
        return nil
    }

    /// The pod holding `ip`, if any (for `ping` and connections to pod IPs).
    public func pod(withIP ip: String) -> JSONValue? {
        guard let key = index.pod(forIP: ip), let store else { return nil }
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        return store.get(ServiceAddresses.resourcePods, namespace: parts[0], name: parts[1])
    }

    /// The Service whose ClusterIP is `ip`, if any (built-in fallbacks included).
    public func service(withClusterIP ip: String) -> JSONValue? {
        if let key = index.service(forClusterIP: ip) {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2 { return storedService(parts[0], parts[1]) }
        }
        if let builtIn = BuiltInService.all.first(where: { $0.clusterIP == ip }), storedService(builtIn.namespace, builtIn.name) == nil {
            return builtIn.object
        }
        return nil
    }

    /// The Service `namespace/name`, falling back to the built-in `kubernetes` and `kube-dns`
    /// Services when the store does not hold them (a bare test cluster).
    public func service(namespace: String, name: String) -> JSONValue? {
        if let stored = storedService(namespace, name) { return stored }
        return BuiltInService.all.first { $0.namespace == namespace && $0.name == name }?.object
    }

    /// The addresses DNS and kube-proxy serve for a Service (ready, or all with publishNotReadyAddresses).
    public func endpointAddresses(namespace: String, service: String) -> [ServiceEndpointAddress] {
        guard let store else { return [] }
        let endpoints = store.get(ServiceAddresses.resourceEndpoints, namespace: namespace, name: service)
        return ServiceAddresses.served(endpoints, service: storedService(namespace, service), store: store)
    }

    // MARK: Forward zone

    private func storedService(_ namespace: String, _ name: String) -> JSONValue? {
        store?.get(ServiceAddresses.resourceServices, namespace: namespace, name: name)
    }

    private func serviceFQDN(_ key: String) -> String {
        let parts = key.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return key }
        return "\(parts[1]).\(parts[0]).svc.\(Self.zone)"
    }

    private func record(_ name: String, _ data: DNSRecord.Data) -> DNSRecord {
        DNSRecord(name: name, ttl: Self.ttl, data: data)
    }

    private func answer(labels: [String], fqdn: String, type: DNSRecordType) -> DNSResponse {
        // The zone apex and the `svc`/`pod` subtrees exist but hold no addresses.
        if labels.isEmpty || labels == ["svc"] || labels == ["pod"] { return DNSResponse(code: .noError) }
        switch labels.last {
        case "svc": return serviceAnswer(Array(labels.dropLast()), fqdn: fqdn, type: type)
        case "pod": return podAnswer(Array(labels.dropLast()), fqdn: fqdn, type: type)
        default: return .nameError
        }
    }

    /// `10-244-1-5.<ns>.pod.cluster.local`: with `pods insecure` any well-formed dashed IP answers.
    private func podAnswer(_ labels: [String], fqdn: String, type: DNSRecordType) -> DNSResponse {
        if labels.count == 1 { return namespaceExists(labels[0]) ? DNSResponse(code: .noError) : .nameError }
        guard labels.count == 2, let ip = IPv4Text.undashed(labels[0]) else { return .nameError }
        return type == .a ? DNSResponse(code: .noError, answers: [record(fqdn, .address(ip))]) : DNSResponse(code: .noError)
    }

    private func serviceAnswer(_ labels: [String], fqdn: String, type: DNSRecordType) -> DNSResponse {
        switch labels.count {
        case 1:
            // `<ns>.svc.cluster.local`: an empty non-terminal when the namespace exists.
            return namespaceExists(labels[0]) ? DNSResponse(code: .noError) : .nameError
        case 2:
            return serviceRecords(namespace: labels[1], name: labels[0], fqdn: fqdn, type: type)
        case 3:
            return endpointRecords(namespace: labels[2], service: labels[1], label: labels[0], fqdn: fqdn, type: type)
        case 4 where labels[0].hasPrefix("_") && labels[1].hasPrefix("_"):
            guard type == .srv || type == .any else {
                return serviceExists(labels[3], labels[2]) ? DNSResponse(code: .noError) : .nameError
            }
            return srvRecords(namespace: labels[3], name: labels[2], portName: String(labels[0].dropFirst()),
                              proto: String(labels[1].dropFirst()), fqdn: fqdn)
        default:
            return .nameError
        }
    }

    private func namespaceExists(_ name: String) -> Bool {
        if name == "default" || name == "kube-system" { return true }
        guard let namespaces = ResourceRegistry.forKind("Namespace") else { return false }
        return cluster.store.get(namespaces, namespace: nil, name: name) != nil
    }

    private func serviceExists(_ namespace: String, _ name: String) -> Bool {
        service(namespace: namespace, name: name) != nil
    }

    private func serviceRecords(namespace: String, name: String, fqdn: String, type: DNSRecordType) -> DNSResponse {
        guard let service = service(namespace: namespace, name: name) else { return .nameError }
        if service["spec"]["type"].string == "ExternalName" {
            // A CNAME to a name outside the cluster, which has no upstream here.
            return .serverFailure
        }
        if ServiceAddresses.isHeadless(service) {
            let addresses = endpointAddresses(namespace: namespace, service: name)
            if addresses.isEmpty { return .nameError }
            switch type {
            case .a, .any:
                var records = addresses.map { record(fqdn, .address($0.ip)) }
                shuffle(&records)
                return DNSResponse(code: .noError, answers: records)
            case .srv:
                return srvRecords(namespace: namespace, name: name, portName: nil, proto: nil, fqdn: fqdn)
            default:
                return DNSResponse(code: .noError)
            }
        }
        switch type {
        case .a, .any:
            var records = ServiceAddresses.clusterIPs(service).map { record(fqdn, .address($0)) }
            shuffle(&records)
            return DNSResponse(code: .noError, answers: records)
        case .srv:
            return srvRecords(namespace: namespace, name: name, portName: nil, proto: nil, fqdn: fqdn)
        default:
            return DNSResponse(code: .noError)
        }
    }

    private func endpointRecords(namespace: String, service: String, label: String, fqdn: String, type: DNSRecordType) -> DNSResponse {
        guard serviceExists(namespace, service),
              let address = endpointAddresses(namespace: namespace, service: service).first(where: { $0.label == label })
        else { return .nameError }
        guard type == .a || type == .any else { return DNSResponse(code: .noError) }
        return DNSResponse(code: .noError, answers: [record(fqdn, .address(address.ip))])
    }

    /// SRV records for a service's named ports (`_http._tcp.nginx.default.svc.cluster.local`),
    /// or for all named ports when asked on the service name itself. ClusterIP services point at
    /// the service name; headless ones at each endpoint's name, with its address as additional.
    private func srvRecords(namespace: String, name: String, portName: String?, proto: String?, fqdn: String) -> DNSResponse {
        guard let service = service(namespace: namespace, name: name) else { return .nameError }
        let servicePorts = service["spec"]["ports"].items.filter { port in
            guard let n = port["name"].string, !n.isEmpty else { return false }
            let p = (port["protocol"].string ?? "TCP").lowercased()
            return (portName == nil || n.lowercased() == portName) && (proto == nil || p == proto)
        }
        if servicePorts.isEmpty { return portName == nil ? DNSResponse(code: .noError) : .nameError }
        let serviceName = "\(name).\(namespace).svc.\(Self.zone)"
        var answers: [DNSRecord] = []
        var additional: [DNSRecord] = []
        if ServiceAddresses.isHeadless(service) {
            let addresses = endpointAddresses(namespace: namespace, service: name)
            if addresses.isEmpty { return .nameError }
            for port in servicePorts {
                for address in addresses {
                    let target = "\(address.label).\(serviceName)"
                    let endpointPort = address.ports.first { $0["name"].string == port["name"].string }?["port"].int
                    answers.append(record(fqdn, .service(priority: 0, weight: 0, port: endpointPort ?? port["port"].int ?? 0, target: target)))
                    if !additional.contains(where: { $0.name == target }) { additional.append(record(target, .address(address.ip))) }
                }
            }
        } else {
            let ips = ServiceAddresses.clusterIPs(service)
            for port in servicePorts {
                answers.append(record(fqdn, .service(priority: 0, weight: 0, port: port["port"].int ?? 0, target: serviceName)))
            }
            if let ip = ips.first { additional.append(record(serviceName, .address(ip))) }
        }
        // CoreDNS spreads weight evenly: 100 / number of records.
        let weight = answers.isEmpty ? 0 : max(1, 100 / answers.count)
        for i in answers.indices {
            if case .service(let p, _, let port, let target) = answers[i].data {
                answers[i].data = .service(priority: p, weight: weight, port: port, target: target)
            }
        }
        return DNSResponse(code: .noError, answers: answers, additional: additional)
    }

    /// See the type's comment: no upstream offline, but a name under no public TLD is known not to exist.
    private func externalAnswer(_ name: String) -> DNSResponse {
        let tld = name.split(separator: ".").last.map(String.init) ?? ""
        return PublicTopLevelDomains.contains(tld) ? .serverFailure : DNSResponse(code: .nameError, authoritative: false)
    }

    // MARK: Reverse zone

    private func reverseQuery(_ name: String, type: DNSRecordType) -> DNSResponse {
        guard let ip = IPv4Text.address(fromReverseName: name), let target = reverseName(for: ip) else { return .nameError }
        guard type == .ptr || type == .any else { return DNSResponse(code: .noError) }
        return DNSResponse(code: .noError, answers: [record(name, .pointer(target))])
    }

    /// The Corefile's `loadbalance`: a new order on every answer, from the cluster's seeded generator.
    private func shuffle(_ records: inout [DNSRecord]) {
        guard records.count > 1 else { return }
        records.shuffle(using: &cluster.rng)
    }
}

/// The two Services every kubeadm cluster has; answered even if a bare test cluster never
/// created them, so `nslookup kubernetes.default` and the `Server:` line always work.
struct BuiltInService {
    let namespace: String
    let name: String
    let clusterIP: String
    let ports: [JSONValue]

    static let all = [
        BuiltInService(namespace: "default", name: "kubernetes", clusterIP: "10.96.0.1",
                       ports: [["name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443]]),
        BuiltInService(namespace: "kube-system", name: "kube-dns", clusterIP: ClusterDNS.nameserver,
                       ports: [["name": "dns", "port": 53, "protocol": "UDP", "targetPort": 53],
                               ["name": "dns-tcp", "port": 53, "protocol": "TCP", "targetPort": 53],
                               ["name": "metrics", "port": 9153, "protocol": "TCP", "targetPort": 9153]]),
    ]

    var object: JSONValue {
        [
            "apiVersion": "v1", "kind": "Service",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "spec": ["clusterIP": .string(clusterIP), "clusterIPs": [.string(clusterIP)], "ports": .array(ports), "type": "ClusterIP"],
        ]
    }
}
