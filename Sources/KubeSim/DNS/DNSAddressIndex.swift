import KubeAPI

/// IP → names, kept current by a store watch, so reverse lookups, `ping` and `curl` to an IP
/// do not scan every Service, Endpoints and Pod. Every change is applied synchronously as the
/// store emits it, so the index can never be staler than the store.
final class DNSAddressIndex {
    /// ClusterIP → "namespace/name" of the services that own it.
    private var serviceIPs: [String: Set<String>] = [:]
    /// Endpoint IP → PTR targets (`web-0.nginx.default.svc.cluster.local`).
    private var endpointNames: [String: Set<String>] = [:]
    /// "namespace/name" of an Endpoints → the (ip, name) pairs it contributed.
    private var endpointContributions: [String: [(ip: String, name: String)]] = [:]
    private var serviceContributions: [String: [String]] = [:]
    /// Pod IP → "namespace/name" of the pods holding it.
    private var podIPs: [String: Set<String>] = [:]
    private var podContributions: [String: String] = [:]
    private let zone: String

    init(store: ObjectStore, zone: String) {
        self.zone = zone
        for service in store.list(ServiceAddresses.resourceServices) { indexService(service, store: store) }
        for endpoints in store.list(ServiceAddresses.resourceEndpoints) { indexEndpoints(endpoints, store: store) }
        for pod in store.list(ServiceAddresses.resourcePods) { indexPod(pod, deleted: false) }
    }

    /// The kinds `apply` reads.
    static let indexedKinds: Set<String> = ["Service", "Endpoints", "Pod"]

    func apply(_ event: WatchEvent, store: ObjectStore) {
        switch event.resource.kind {
        case "Service":
            let key = Self.key(event.object)
            if event.kind == .deleted {
                dropService(key)
            } else {
                indexService(event.object, store: store)
            }
            // publishNotReadyAddresses lives on the service but changes which endpoints count.
            if let endpoints = store.get(ServiceAddresses.resourceEndpoints, namespace: event.object.namespace, name: event.object.name) {
                indexEndpoints(endpoints, store: store)
            }
        case "Endpoints":
            if event.kind == .deleted { dropEndpoints(Self.key(event.object)) } else { indexEndpoints(event.object, store: store) }
        case "Pod":
            // Most pod writes are status changes that keep the address: nothing to re-index.
            if event.kind == .modified, let old = event.old, old["status"]["podIP"] == event.object["status"]["podIP"] { return }
            indexPod(event.object, deleted: event.kind == .deleted)
        default:
            break
        }
    }

    /// The first service owning `ip` as its ClusterIP, as "namespace/name" (sorted for determinism).
    func service(forClusterIP ip: String) -> String? { serviceIPs[ip]?.min() }

    /// The PTR target for an endpoint IP, sorted-first when several services list it.
    func endpointName(for ip: String) -> String? { endpointNames[ip]?.min() }

    /// "namespace/name" of the pod holding `ip` (sorted-first, in case an old pod still lingers).
    func pod(forIP ip: String) -> String? { podIPs[ip]?.min() }

    // MARK: Updating

    private static func key(_ obj: JSONValue) -> String { obj.namespacedKey }

    private func indexService(_ service: JSONValue, store: ObjectStore) {
        let key = Self.key(service)
        dropService(key)
        let ips = ServiceAddresses.clusterIPs(service)
        for ip in ips { serviceIPs[ip, default: []].insert(key) }
        if !ips.isEmpty { serviceContributions[key] = ips }
    }

    private func dropService(_ key: String) {
        for ip in serviceContributions.removeValue(forKey: key) ?? [] {
            serviceIPs[ip]?.remove(key)
            if serviceIPs[ip]?.isEmpty == true { serviceIPs.removeValue(forKey: ip) }
        }
    }

    private func indexEndpoints(_ endpoints: JSONValue, store: ObjectStore) {
        let key = Self.key(endpoints)
        dropEndpoints(key)
        let namespace = endpoints.namespace ?? "default"
        let service = store.get(ServiceAddresses.resourceServices, namespace: namespace, name: endpoints.name)
        var added: [(ip: String, name: String)] = []
        for address in ServiceAddresses.served(endpoints, service: service, store: store) {
            let name = "\(address.label).\(endpoints.name).\(namespace).svc.\(zone)".lowercased()
            endpointNames[address.ip, default: []].insert(name)
            added.append((address.ip, name))
        }
        if !added.isEmpty { endpointContributions[key] = added }
    }

    private func dropEndpoints(_ key: String) {
        for (ip, name) in endpointContributions.removeValue(forKey: key) ?? [] {
            endpointNames[ip]?.remove(name)
            if endpointNames[ip]?.isEmpty == true { endpointNames.removeValue(forKey: ip) }
        }
    }

    private func indexPod(_ pod: JSONValue, deleted: Bool) {
        let key = Self.key(pod)
        let ip = deleted ? nil : pod["status"]["podIP"].string.flatMap { IPv4Text.isValid($0) ? $0 : nil }
        if podContributions[key] == ip { return }
        if let old = podContributions.removeValue(forKey: key) {
            podIPs[old]?.remove(key)
            if podIPs[old]?.isEmpty == true { podIPs.removeValue(forKey: old) }
        }
        guard let ip else { return }
        podIPs[ip, default: []].insert(key)
        podContributions[key] = ip
    }
}
