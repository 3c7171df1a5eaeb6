import KubeAPI

/// The endpoints controller: one Endpoints object per Service with a selector, listing the IPs of
/// matching pods as ready `addresses` or `notReadyAddresses`, with the service ports resolved
/// against each pod's container ports. It keeps per-service membership so a pod change touches
/// only the services that select it.
public final class EndpointsController: Controller {
    public let name = "endpoint-controller"
    public let watchedKinds = WatchedKinds.only(["Service", "Pod", "Endpoints"])

    static let serviceType = ResourceRegistry.forKind("Service") ?? ResourceType(kind: "Service", plural: "services")
    static let endpointsType = ResourceRegistry.forKind("Endpoints") ?? ResourceType(kind: "Endpoints", plural: "endpoints")
    static let podType = ResourceRegistry.forKind("Pod") ?? ResourceType(kind: "Pod", plural: "pods")
    static let triggerAnnotation = "endpoints.kubernetes.io/last-change-trigger-time"

    /// namespace → service name → selector, for services that have one.
    private var selectors: [String: [String: LabelSelector]] = [:]
    /// "ns/service" → names of pods it selects.
    private var members: [String: Set<String>] = [:]
    /// "ns/pod" → services selecting it.
    private var podServices: [String: Set<String>] = [:]
    /// "ns/service" → when the last change that concerns it happened.
    private var triggerTimes: [String: Millis] = [:]

    /// One pod's place in a service's Endpoints, kept so a sync recomputes only the pods that changed.
    final class AddressEntry {
        let ip: UInt32
        let uid: String
        let address: JSONValue
        let ports: [JSONValue]
        /// The resolved ports as text, so grouping compares strings rather than JSON.
        let portsKey: String
        let ready: Bool

        init(ip: UInt32, uid: String, address: JSONValue, ports: [JSONValue], portsKey: String, ready: Bool) {
            self.ip = ip
            self.uid = uid
            self.address = address
            self.ports = ports
            self.portsKey = portsKey
            self.ready = ready
        }
    }

    /// namespace → pod name → labels, so a new service finds its pods without listing the store.
    /// Kept as the pod's own labels value (shared, not copied into a dictionary): most pods are
    /// never matched against a new service.
    private var podLabels: [String: [String: JSONValue]] = [:]

    /// "ns/service" → pod name → its entry (pods that belong in the Endpoints).
    private var entries: [String: [String: AddressEntry]] = [:]
    /// "ns/service" → pods whose entry must be recomputed at the next sync.
    private var dirty: [String: Set<String>] = [:]
    /// Services whose spec changed: every entry is recomputed.
    private var stale: Set<String> = []

    public init() {}

    /// The pods a service's selector matches ("ns/service" → names), for the EndpointSlice controller.
    func selectedPods(_ serviceKey: String) -> Set<String> { members[serviceKey] ?? [] }

    /// The services of the pod's namespace whose selectors match it ("ns/pod" → service names).
    func services(selecting podKey: String) -> Set<String> { podServices[podKey] ?? [] }

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        switch event.resource.kind {
        case "Service": return observeService(event, in: cluster)
        case "Pod": return observePod(event, now: cluster.now)
        case "Endpoints":
            // Someone removed an Endpoints object a service still needs.
            let ns = event.object.namespace ?? "default"
            if event.kind == .deleted, selectors[ns]?[event.object.name] != nil { return [ns + "/" + event.object.name] }
            return []
        default: return []
        }
    }

    private func observeService(_ event: WatchEvent, in cluster: Cluster) -> [String] {
        let svc = event.object
        let ns = svc.namespace ?? "default"
        let key = ns + "/" + svc.name
        let selectorMap = svc["spec"]["selector"].stringMap
        let oldSelectorMap = event.old?["spec"]["selector"].stringMap
        stale.insert(key)
        if event.kind == .deleted || selectorMap.isEmpty {
            selectors[ns]?[svc.name] = nil
            for pod in members[key] ?? [] { podServices[ns + "/" + pod]?.remove(svc.name) }
            members[key] = nil
            triggerTimes[key] = nil
            entries[key] = nil
            dirty[key] = nil
            return [key]
        }
        if event.kind == .modified && oldSelectorMap == selectorMap && selectors[ns]?[svc.name] != nil {
            if event.old?["spec"] != svc["spec"] || event.old?["metadata"]["labels"] != svc["metadata"]["labels"] {
                triggerTimes[key] = cluster.now
                return [key]
            }
            return []
        }
        let selector = LabelSelector(matchLabels: selectorMap)
        selectors[ns, default: [:]][svc.name] = selector
        for pod in members[key] ?? [] { podServices[ns + "/" + pod]?.remove(svc.name) }
        var selected: Set<String> = []
        for (pod, labels) in podLabels[ns] ?? [:] where selector.matches(labelValues: labels) {
            selected.insert(pod)
            podServices[ns + "/" + pod, default: []].insert(svc.name)
        }
        members[key] = selected
        triggerTimes[key] = cluster.now
        return [key]
    }

    private func observePod(_ event: WatchEvent, now: Millis) -> [String] {
        let pod = event.object
        let ns = pod.namespace ?? "default"
        let labelsChanged = event.kind != .modified || event.old?["metadata"]["labels"] != pod["metadata"]["labels"]
        if event.kind == .deleted {
            podLabels[ns]?[pod.name] = nil
        } else if labelsChanged {
            podLabels[ns, default: [:]][pod.name] = pod.metadataField("labels")
        }
        guard let nsSelectors = selectors[ns], !nsSelectors.isEmpty else { return [] }
        let podKey = event.namespacedKey
        var before = podServices[podKey] ?? []
        var after = before
        if event.kind == .deleted {
            after = []
        } else if labelsChanged {
            after = Set(nsSelectors.filter { $0.value.matches(labelsOf: pod) }.map(\.key))
        }
        if event.kind == .added { before = [] }
        var touched = before.symmetricDifference(after)
        if event.kind == .modified, !after.isEmpty, let old = event.old, Self.endpointFieldsDiffer(old, pod) {
            touched.formUnion(after)
        }
        if event.kind == .deleted { touched.formUnion(before) }
        for svc in before.subtracting(after) { members[ns + "/" + svc]?.remove(pod.name) }
        for svc in after.subtracting(before) { members[ns + "/" + svc, default: []].insert(pod.name) }
        if after.isEmpty { podServices[podKey] = nil } else { podServices[podKey] = after }
        for svc in touched {
            triggerTimes[ns + "/" + svc] = now
            dirty[ns + "/" + svc, default: []].insert(pod.name)
        }
        return touched.sorted().map { ns + "/" + $0 }
    }

    /// Whether a pod change touches what an Endpoints object reflects.
    static func endpointFieldsDiffer(_ a: JSONValue, _ b: JSONValue) -> Bool {
        let aStatus = a["status"], bStatus = b["status"]
        if aStatus["podIP"] != bStatus["podIP"] || aStatus["phase"] != bStatus["phase"] { return true }
        if a["metadata"]["deletionTimestamp"] != b["metadata"]["deletionTimestamp"] || a["metadata"]["uid"] != b["metadata"]["uid"] {
            return true
        }
        let aSpec = a["spec"], bSpec = b["spec"]
        if aSpec["nodeName"] != bSpec["nodeName"] || aSpec["hostname"] != bSpec["hostname"] || aSpec["subdomain"] != bSpec["subdomain"] {
            return true
        }
        func ready(_ status: JSONValue) -> JSONValue {
            status["conditions"].items.first { $0["type"].string == "Ready" }?["status"] ?? .null
        }
        return ready(aStatus) != ready(bStatus)
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let (ns, svcName) = NamespacedKey.split(key) else { return }
        let ref = ObjectRef(Self.endpointsType, namespace: ns, name: svcName)
        guard let svc = cluster.store.get(Self.serviceType, namespace: ns, name: svcName),
            !svc["spec"]["selector"].stringMap.isEmpty
        else {
            // Endpoints of a selector-less service belong to whoever wrote them; only a deleted service's go.
            if cluster.store.get(Self.serviceType, namespace: ns, name: svcName) == nil, cluster.store.get(ref) != nil {
                _ = try? cluster.store.delete(ref)
            }
            return
        }
        var table = entries[key] ?? [:]
        let names: Set<String>
        if stale.remove(key) != nil {
            table = [:]
            names = members[key] ?? []
        } else {
            names = dirty[key] ?? []
        }
        dirty[key] = nil
        let current = members[key] ?? []
        for name in names {
            if current.contains(name), let pod = cluster.store.get(Self.podType, namespace: ns, name: name) {
                table[name] = Self.entry(for: pod, in: svc)
            } else {
                table[name] = nil
            }
        }
        entries[key] = table
        let subsets = Self.subsets(from: table.values)
        var labels = svc.labels
        if svc["spec"]["clusterIP"].string == "None" { labels["service.kubernetes.io/headless"] = "" }
        let labelValue: JSONValue = labels.isEmpty ? .null : .stringMap(labels)
        if let existing = cluster.store.get(ref) {
            if existing["subsets"] == subsets && existing["metadata"]["labels"] == labelValue { return }
            var updated = existing
            updated["subsets"] = subsets
            updated["metadata"]["labels"] = labelValue
            updated["metadata"]["annotations"][Self.triggerAnnotation] = .string(Timestamp.rfc3339(triggerTimes[key] ?? cluster.now))
            _ = try? cluster.store.update(Self.endpointsType, updated)
        } else {
            var endpoints: JSONValue = [
                "apiVersion": "v1", "kind": "Endpoints",
                "metadata": [
                    "annotations": [Self.triggerAnnotation: .string(Timestamp.rfc3339(triggerTimes[key] ?? cluster.now))],
                    "name": .string(svcName), "namespace": .string(ns),
                ],
            ]
            if !labelValue.isNull { endpoints["metadata"]["labels"] = labelValue }
            endpoints["subsets"] = subsets
            _ = try? cluster.store.create(Self.endpointsType, endpoints)
        }
    }

    /// The entry for one selected pod, or nil when it does not belong in the Endpoints (no IP yet,
    /// finished, being deleted, or none of the service's named ports resolve).
    static func entry(for pod: JSONValue, in svc: JSONValue) -> AddressEntry? {
        let publishNotReady = svc["spec"]["publishNotReadyAddresses"].bool == true
        let servicePorts = svc["spec"]["ports"].items
        let headless = svc["spec"]["clusterIP"].string == "None"
        guard let ip = pod["status"]["podIP"].string, !ip.isEmpty else { return nil }
        let phase = pod["status"]["phase"].string ?? ""
        if phase == "Succeeded" || phase == "Failed" { return nil }
        if pod.isDeleting && !publishNotReady { return nil }
        var address: JSONValue = [:]
        if let hostname = pod["spec"]["hostname"].string, !hostname.isEmpty, pod["spec"]["subdomain"].string == svc.name {
            address["hostname"] = .string(hostname)
        }
        address["ip"] = .string(ip)
        if let node = pod["spec"]["nodeName"].string, !node.isEmpty { address["nodeName"] = .string(node) }
        address["targetRef"] = ["kind": "Pod", "name": .string(pod.name), "namespace": .string(pod.namespace ?? "default"),
                                "uid": .string(pod.uid)]
        var ports: [JSONValue] = []
        var portsKey = ""
        for sp in servicePorts {
            guard let port = resolvePort(sp, in: pod) else { continue }
            var p: JSONValue = [:]
            let name = sp["name"].string ?? ""
            let proto = sp["protocol"].string ?? "TCP"
            if !name.isEmpty { p["name"] = .string(name) }
            p["port"] = .int(port)
            p["protocol"] = .string(proto)
            ports.append(p)
            portsKey += "\(name):\(port)/\(proto),"
        }
        if !servicePorts.isEmpty && ports.isEmpty && !headless { return nil }
        let ready = publishNotReady
            || pod["status"]["conditions"].items.contains { $0["type"].string == "Ready" && $0["status"].string == "True" }
        return AddressEntry(ip: IPv4.parse(ip) ?? 0, uid: pod.uid, address: address, ports: ports, portsKey: portsKey,
                            ready: ready)
    }

    /// Subsets as the real controller packs them: addresses grouped by the ports they resolve to,
    /// sorted by IP; `.null` when there is nothing to list.
    static func subsets<S: Sequence>(from entries: S) -> JSONValue where S.Element == AddressEntry {
        var all = Array(entries)
        if all.isEmpty { return .null }
        all.sort { $0.ip != $1.ip ? $0.ip < $1.ip : $0.uid < $1.uid }
        // Groups appear in the order of their lowest address; members stay sorted.
        var keys: [String] = []
        var ports: [[JSONValue]] = []
        var ready: [[JSONValue]] = []
        var notReady: [[JSONValue]] = []
        for e in all {
            var g = keys.count - 1
            if g < 0 || keys[g] != e.portsKey {
                if let found = keys.firstIndex(of: e.portsKey) {
                    g = found
                } else {
                    keys.append(e.portsKey)
                    ports.append(e.ports)
                    ready.append([])
                    notReady.append([])
                    g = keys.count - 1
                }
            }
            if e.ready { ready[g].append(e.address) } else { notReady[g].append(e.address) }
        }
        var subsets: [JSONValue] = []
        subsets.reserveCapacity(keys.count)
        for g in keys.indices {
            var subset: JSONValue = [:]
            if !ready[g].isEmpty { subset["addresses"] = .array(ready[g]) }
            if !notReady[g].isEmpty { subset["notReadyAddresses"] = .array(notReady[g]) }
            if !ports[g].isEmpty { subset["ports"] = .array(ports[g]) }
            subsets.append(subset)
        }
        return .array(subsets)
    }

    /// A service port's targetPort for one pod: a number as is, a name looked up among the pod's
    /// container ports (nil when no container has it); no targetPort means the service port.
    static func resolvePort(_ servicePort: JSONValue, in pod: JSONValue) -> Int? {
        let target = servicePort["targetPort"]
        if let n = target.int { return n }
        if let name = target.string {
            if let n = Int(name) { return n }
            let proto = servicePort["protocol"].string ?? "TCP"
            for c in pod["spec"]["containers"].items {
                for p in c["ports"].items where p["name"].string == name && (p["protocol"].string ?? "TCP") == proto {
                    return p["containerPort"].int
                }
            }
            return nil
        }
        return servicePort["port"].int
    }
}
